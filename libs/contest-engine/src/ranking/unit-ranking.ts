import { compareIds } from '../common/compare.js';
import { fromHundredths, toHundredths } from '../common/hundredths.js';
import { UnitTree } from '../units/unit-tree.js';

export interface BoardUnit {
  id: string;
  parentId: string | null;
  name: string;
  /** Members registered directly in this unit (not in its children). */
  memberCount: number;
}

/** A member's best result: one per member is expected; if a member appears twice, the higher score counts. */
export interface MemberBestResult {
  userId: string;
  unitId: string;
  score: number;
}

export type UnitBoardOrder = 'participants' | 'rate';

export interface UnitStanding {
  unitId: string;
  name: string;
  parentId: string | null;
  /** 0 for a root; lets the caller show one level (e.g. grassroots unions only). */
  depth: number;
  /** Distinct members with a result in this unit or any unit below it. */
  participants: number;
  /** Own members plus those of every unit below it. */
  memberCount: number;
  /** participants / memberCount, 0 when memberCount is 0. Not capped: above 1 means the member count is out of date. */
  participationRate: number;
  /** Mean best score of the participants below it, two decimals; 0 without participants. */
  averageScore: number;
  rank: number;
}

const vietnamese = new Intl.Collator('vi');

/** What a unit's own members scored (no children): participants and the sum of their best scores. */
export interface UnitTotal {
  unitId: string;
  participants: number;
  /** Sum of the participants' best scores, in hundredths of a point (exact). */
  scoreHundredths: number;
}

/**
 * The unit board, rolled up the tree: a member counts for their unit and every unit above it, and a
 * parent's member count includes its children's, so a district's rate is over all its members.
 * Sorted by participants or by rate (descending), then by name, then id.
 */
export function rankUnits(
  units: readonly BoardUnit[],
  results: readonly MemberBestResult[],
  orderBy: UnitBoardOrder = 'participants',
): UnitStanding[] {
  return rankUnitTotals(units, unitTotals(units, results), orderBy);
}

/**
 * Each unit's own totals from the members' results: one result per member counts, the highest if a
 * member appears twice (their best round). A caller holding many members may compute the same in
 * SQL and call `rankUnitTotals` directly.
 */
export function unitTotals(units: readonly BoardUnit[], results: readonly MemberBestResult[]): UnitTotal[] {
  const tree = new UnitTree(units);
  const bestPerMember = new Map<string, MemberBestResult>();
  for (const result of results) {
    tree.assertHas(result.unitId, `result of user ${result.userId}`);
    const current = bestPerMember.get(result.userId);
    if (current === undefined || toHundredths(result.score) > toHundredths(current.score)) {
      bestPerMember.set(result.userId, result);
    }
  }
  const totals = new Map<string, UnitTotal>();
  for (const result of bestPerMember.values()) {
    const total = totals.get(result.unitId) ?? { unitId: result.unitId, participants: 0, scoreHundredths: 0 };
    total.participants += 1;
    total.scoreHundredths += toHundredths(result.score);
    totals.set(result.unitId, total);
  }
  return [...totals.values()];
}

/** The unit board from each unit's own totals (see `rankUnits`). */
export function rankUnitTotals(units: readonly BoardUnit[], own: readonly UnitTotal[], orderBy: UnitBoardOrder = 'participants'): UnitStanding[] {
  const tree = new UnitTree(units);
  const totals = new Map(units.map((unit) => [unit.id, { participants: 0, hundredths: 0, memberCount: 0 }]));
  for (const unit of units) {
    for (const unitId of tree.ancestorsOrSelf(unit.id)) totals.get(unitId)!.memberCount += unit.memberCount;
  }
  for (const total of own) {
    tree.assertHas(total.unitId, `totals of unit ${total.unitId}`);
    for (const unitId of tree.ancestorsOrSelf(total.unitId)) {
      const rolled = totals.get(unitId)!;
      rolled.participants += total.participants;
      rolled.hundredths += total.scoreHundredths;
    }
  }

  const standings = units.map((unit): Omit<UnitStanding, 'rank'> => {
    const total = totals.get(unit.id)!;
    return {
      unitId: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      depth: tree.depth(unit.id),
      participants: total.participants,
      memberCount: total.memberCount,
      participationRate: total.memberCount === 0 ? 0 : total.participants / total.memberCount,
      averageScore: total.participants === 0 ? 0 : fromHundredths(Math.round(total.hundredths / total.participants)),
    };
  });

  const primary = (a: Omit<UnitStanding, 'rank'>, b: Omit<UnitStanding, 'rank'>): number =>
    orderBy === 'rate' ? b.participationRate - a.participationRate : b.participants - a.participants;
  return standings
    .sort((a, b) => primary(a, b) || vietnamese.compare(a.name, b.name) || compareIds(a.unitId, b.unitId))
    .map((standing, index) => ({ ...standing, rank: index + 1 }));
}
