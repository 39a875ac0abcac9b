import type { ContestParticipationResponse, ParticipationRoundRef, UnitParticipationEntry } from '@hoi-thi/contracts';
import { foldForSearch, searchWords } from '../../../lib/search-text';

/** What the dashboard computes from `GET /api/contests/:id/participation`: pure, so it is tested without a screen. */

export interface UnitNode {
  unit: UnitParticipationEntry;
  depth: number;
  children: UnitNode[];
}

export interface ParticipationTree {
  roots: UnitNode[];
  byId: Map<string, UnitNode>;
}

/** The unit tree (the server sends it flat, in tree order); a unit whose parent is not listed is a root. */
export function buildTree(units: readonly UnitParticipationEntry[]): ParticipationTree {
  const byId = new Map<string, UnitNode>();
  for (const unit of units) byId.set(unit.unitId, { unit, depth: 0, children: [] });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId === null ? undefined : byId.get(node.unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (node: UnitNode, depth: number) => {
    node.depth = depth;
    for (const child of node.children) setDepth(child, depth + 1);
  };
  for (const root of roots) setDepth(root, 0);
  return { roots, byId };
}

export interface ParticipationLevel {
  depth: number;
  count: number;
  /** The first unit of the level, to tell the levels apart by a name people know. */
  example: string;
}

/** The levels of the tree (federation, province, grassroots…), top first; as on the unit board. */
export function levelsOf(tree: ParticipationTree): ParticipationLevel[] {
  const levels = new Map<number, ParticipationLevel>();
  for (const node of tree.byId.values()) {
    const level = levels.get(node.depth);
    if (level) level.count += 1;
    else levels.set(node.depth, { depth: node.depth, count: 1, example: node.unit.name });
  }
  return [...levels.values()].sort((a, b) => a.depth - b.depth);
}

export function unitsAtLevel(tree: ParticipationTree, depth: number): UnitParticipationEntry[] {
  return [...tree.byId.values()].filter((node) => node.depth === depth).map((node) => node.unit);
}

export interface RoundTotal {
  round: ParticipationRoundRef;
  participants: number;
  memberCount: number;
  rate: number;
}

/** Every round over the whole tree: the roots hold everyone below them (rolled up by the server). */
export function roundTotals(response: ContestParticipationResponse, tree: ParticipationTree): RoundTotal[] {
  const memberCount = tree.roots.reduce((sum, root) => sum + root.unit.memberCount, 0);
  return response.rounds.map((round, index) => {
    const participants = tree.roots.reduce((sum, root) => sum + (root.unit.rounds[index]?.participants ?? 0), 0);
    return { round, participants, memberCount, rate: memberCount > 0 ? participants / memberCount : 0 };
  });
}

/**
 * The last round anyone took part in and the one before it: "since the last round" compares these
 * (a round not yet open would make every unit fall to zero).
 */
export function comparedRounds(totals: readonly RoundTotal[]): { latest: number; previous: number } | null {
  let latest = -1;
  for (let index = totals.length - 1; index >= 0; index -= 1) {
    if (totals[index]!.participants > 0) {
      latest = index;
      break;
    }
  }
  return latest >= 1 ? { latest, previous: latest - 1 } : null;
}

export interface UnitChange {
  unit: UnitParticipationEntry;
  before: number;
  after: number;
  /** Participation rate after − before, in rate units (0.05 = 5 percentage points). */
  rateChange: number;
  participantChange: number;
}

/** The units of one level that grew and fell most between two rounds, by participation rate. */
export function movers(units: readonly UnitParticipationEntry[], previous: number, latest: number, count: number): { grew: UnitChange[]; fell: UnitChange[] } {
  const changes = units
    .filter((unit) => unit.memberCount > 0)
    .map((unit): UnitChange => {
      const before = unit.rounds[previous]?.participationRate ?? 0;
      const after = unit.rounds[latest]?.participationRate ?? 0;
      return {
        unit,
        before,
        after,
        rateChange: after - before,
        participantChange: (unit.rounds[latest]?.participants ?? 0) - (unit.rounds[previous]?.participants ?? 0),
      };
    });
  const byName = (a: UnitChange, b: UnitChange) => a.unit.name.localeCompare(b.unit.name, 'vi');
  const grew = changes.filter((change) => change.rateChange > 0).sort((a, b) => b.rateChange - a.rateChange || b.participantChange - a.participantChange || byName(a, b));
  const fell = changes.filter((change) => change.rateChange < 0).sort((a, b) => a.rateChange - b.rateChange || a.participantChange - b.participantChange || byName(a, b));
  return { grew: grew.slice(0, count), fell: fell.slice(0, count) };
}

export type PrizeOrder = 'participants' | 'rate';

export interface RankedUnit {
  rank: number;
  unit: UnitParticipationEntry;
}

/**
 * The top units of one level for the collective prizes, over the whole contest: by participants or
 * by rate, the other as the tie-break, then the name. Equal on both → the same rank.
 */
export function topUnits(units: readonly UnitParticipationEntry[], orderBy: PrizeOrder, count: number): RankedUnit[] {
  const key = (unit: UnitParticipationEntry) => (orderBy === 'participants' ? [unit.participants, unit.participationRate] : [unit.participationRate, unit.participants]);
  const sorted = [...units].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return b1! - a1! || b2! - a2! || a.name.localeCompare(b.name, 'vi');
  });
  const ranked: RankedUnit[] = [];
  sorted.forEach((unit, index) => {
    const previous = ranked[index - 1];
    const tied = previous && key(previous.unit).every((value, i) => value === key(unit)[i]);
    ranked.push({ rank: tied ? previous.rank : index + 1, unit });
  });
  return ranked.filter((entry) => entry.rank <= count);
}

/** The largest units of a level by members: the small multiples. */
export function largestUnits(units: readonly UnitParticipationEntry[], count: number): UnitParticipationEntry[] {
  return [...units].sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name, 'vi')).slice(0, count);
}

export interface TreeRow {
  node: UnitNode;
  expanded: boolean;
  /** Matches the search itself (an ancestor shown only to place a match is false). */
  match: boolean;
}

/**
 * The rows the tree table shows, in tree order. Without a search: the expanded units' children.
 * With one: every unit whose name matches, under its ancestors (opened), whatever was expanded.
 */
export function visibleRows(tree: ParticipationTree, expanded: ReadonlySet<string>, query: string): TreeRow[] {
  const words = searchWords(query);
  const rows: TreeRow[] = [];
  if (words.length === 0) {
    const walk = (node: UnitNode) => {
      const open = expanded.has(node.unit.unitId);
      rows.push({ node, expanded: open, match: false });
      if (open) node.children.forEach(walk);
    };
    tree.roots.forEach(walk);
    return rows;
  }
  const matches = (node: UnitNode) => {
    const folded = foldForSearch(node.unit.name);
    return words.every((word) => folded.includes(word));
  };
  // Post-order: a unit is kept when it or something below it matches.
  const keep = new Map<string, boolean>();
  const mark = (node: UnitNode): boolean => {
    let below = false;
    for (const child of node.children) below = mark(child) || below;
    const self = matches(node);
    keep.set(node.unit.unitId, self || below);
    return self || below;
  };
  tree.roots.forEach(mark);
  const walk = (node: UnitNode) => {
    if (!keep.get(node.unit.unitId)) return;
    const openChildren = node.children.some((child) => keep.get(child.unit.unitId));
    rows.push({ node, expanded: openChildren, match: matches(node) });
    node.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return rows;
}

/** The first two levels are open at first: the federation and its provinces/sectors. */
export function initiallyExpanded(tree: ParticipationTree): Set<string> {
  return new Set(tree.roots.filter((root) => root.children.length > 0).map((root) => root.unit.unitId));
}

export function allExpandable(tree: ParticipationTree): Set<string> {
  return new Set([...tree.byId.values()].filter((node) => node.children.length > 0).map((node) => node.unit.unitId));
}
