import { compareIds } from '../common/compare.js';
import { EngineError, EngineErrorCodes } from '../errors.js';
import { createRandom, shuffle } from '../random/seeded-random.js';
import { type UnitNode, UnitTree } from '../units/unit-tree.js';

/** An entry as assignment sees it: only the author's unit (and id), never shown to judges. */
export interface EntryAuthor {
  entryId: string;
  unitId: string;
  authorId?: string;
}

/** A judge of the pool; `unitId` null for a judge from outside the federation. */
export interface PoolJudge {
  judgeId: string;
  unitId: string | null;
}

export interface JudgeAssignment {
  entryId: string;
  judgeId: string;
}

export interface AssignmentContext {
  entries: readonly EntryAuthor[];
  judges: readonly PoolJudge[];
  units: readonly UnitNode[];
}

export interface AssignJudgesInput extends AssignmentContext {
  judgesPerEntry: number;
  seed: string;
}

export interface JudgeAssignmentPlan {
  /** Entries in input order, each entry's judges by judge id. */
  assignments: JudgeAssignment[];
  /** Entries per judge, by judge id (judges eligible for nothing show 0). */
  loads: { judgeId: string; load: number }[];
}

/**
 * A judge is neutral for an entry unless they wrote it or come from the author's unit, a unit
 * above it (whose leaders oversee the author) or a unit below it (whose members the author's unit
 * oversees).
 */
export function isEligibleJudge(judge: PoolJudge, entry: EntryAuthor, tree: UnitTree): boolean {
  if (entry.authorId !== undefined && entry.authorId === judge.judgeId) return false;
  return judge.unitId === null || !tree.related(judge.unitId, entry.unitId);
}

/**
 * Assigns `judgesPerEntry` distinct eligible judges to every entry, with loads as even as the
 * eligibility allows: max − min ≤ 1 whenever any assignment achieves it.
 *
 * 1. Greedy: entries in seeded order, most constrained (fewest eligible judges) first; each takes
 *    the eligible judges with the lowest load, ties by a seeded judge order.
 * 2. Repair: while some judge h has a chain h → entry → judge → entry → … → judge v with
 *    load(v) ≤ load(h) − 2, where each step moves an entry from one judge to the next eligible
 *    one, shift along the chain (h loses one, v gains one, the rest keep theirs). When no such chain
 *    exists the loads minimise Σ load², hence are as balanced as possible (the optimality condition
 *    of semi-matchings / min-cost flow with convex costs). Every shift lowers Σ load², so it ends.
 *
 * Every choice is ordered by the seed: same inputs and seed, same assignment.
 */
export function assignJudges(input: AssignJudgesInput): JudgeAssignmentPlan {
  const { judgesPerEntry: k } = input;
  const tree = new UnitTree(input.units);
  if (!Number.isInteger(k) || k < 1) {
    throw impossible(`judgesPerEntry must be a positive whole number`, { judgesPerEntry: k });
  }
  assertUniqueIds(input.entries.map((e) => e.entryId), 'entry');
  assertUniqueIds(input.judges.map((j) => j.judgeId), 'judge');
  for (const entry of input.entries) tree.assertHas(entry.unitId, `entry ${entry.entryId}`);
  for (const judge of input.judges) if (judge.unitId !== null) tree.assertHas(judge.unitId, `judge ${judge.judgeId}`);

  const random = createRandom(`${input.seed}:judges`);
  // Sorted first so the caller's order cannot change the result; then the seed decides.
  const judges = shuffle([...input.judges].sort((a, b) => compareIds(a.judgeId, b.judgeId)), random);
  const entries = shuffle([...input.entries].sort((a, b) => compareIds(a.entryId, b.entryId)), random);

  // Judge indexes follow the seeded order, so "lowest index" is the seeded tie-break.
  const eligible = entries.map((entry) =>
    judges.flatMap((judge, index) => (isEligibleJudge(judge, entry, tree) ? [index] : [])),
  );
  const short = entries.flatMap((entry, i) =>
    eligible[i].length < k ? [{ entryId: entry.entryId, eligibleJudges: eligible[i].length }] : [],
  );
  if (short.length > 0) {
    throw impossible(`${short.length} entries have fewer than ${k} eligible judges`, {
      judgesPerEntry: k,
      entries: short.sort((a, b) => compareIds(a.entryId, b.entryId)),
    });
  }

  const judgesOf = entries.map(() => new Set<number>());
  const entriesOf = judges.map(() => new Set<number>());
  const load = (judge: number): number => entriesOf[judge].size;

  const order = entries.map((_, i) => i).sort((a, b) => eligible[a].length - eligible[b].length || a - b);
  for (const e of order) {
    const chosen = [...eligible[e]].sort((a, b) => load(a) - load(b) || a - b).slice(0, k);
    for (const j of chosen) {
      judgesOf[e].add(j);
      entriesOf[j].add(e);
    }
  }

  rebalance({ eligible, judgesOf, entriesOf });

  const indexOf = new Map(entries.map((entry, e) => [entry.entryId, e]));
  const assignments = input.entries.flatMap((entry) =>
    [...judgesOf[indexOf.get(entry.entryId)!]]
      .map((j) => judges[j].judgeId)
      .sort(compareIds)
      .map((judgeId) => ({ entryId: entry.entryId, judgeId })),
  );
  const loads = judges
    .map((judge, j) => ({ judgeId: judge.judgeId, load: load(j) }))
    .sort((a, b) => compareIds(a.judgeId, b.judgeId));
  return { assignments, loads };
}

interface AssignmentState {
  eligible: readonly number[][];
  judgesOf: Set<number>[];
  /** Insertion-ordered, so the search below explores in a deterministic order. */
  entriesOf: Set<number>[];
}

function rebalance(state: AssignmentState): void {
  const { entriesOf } = state;
  const load = (judge: number): number => entriesOf[judge].size;
  const judgeIndexes = entriesOf.map((_, j) => j);
  for (;;) {
    const minLoad = Math.min(...judgeIndexes.map(load));
    const sources = [...judgeIndexes].sort((a, b) => load(b) - load(a) || a - b);
    let shifted = false;
    for (const source of sources) {
      if (load(source) - minLoad < 2) break;
      const chain = findShiftChain(state, source);
      if (chain) {
        applyChain(state, chain);
        shifted = true;
        break;
      }
    }
    if (!shifted) return;
  }
}

/** A step moves `entry` from `from` to `to`. */
interface Shift {
  entry: number;
  from: number;
  to: number;
}

/** Breadth-first search for the shortest chain from `source` to a judge at least two lighter. */
function findShiftChain(state: AssignmentState, source: number): Shift[] | null {
  const { eligible, judgesOf, entriesOf } = state;
  const target = entriesOf[source].size - 2;
  const reachedBy = new Map<number, Shift | null>([[source, null]]);
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head];
    for (const entry of entriesOf[from]) {
      for (const to of eligible[entry]) {
        if (reachedBy.has(to) || judgesOf[entry].has(to)) continue;
        reachedBy.set(to, { entry, from, to });
        if (entriesOf[to].size <= target) return unwind(reachedBy, to);
        queue.push(to);
      }
    }
  }
  return null;
}

function unwind(reachedBy: Map<number, Shift | null>, end: number): Shift[] {
  const chain: Shift[] = [];
  for (let step = reachedBy.get(end); step; step = reachedBy.get(step.from)) chain.unshift(step);
  return chain;
}

function applyChain(state: AssignmentState, chain: readonly Shift[]): void {
  for (const { entry, from, to } of chain) {
    state.judgesOf[entry].delete(from);
    state.judgesOf[entry].add(to);
    state.entriesOf[from].delete(entry);
    state.entriesOf[to].add(entry);
  }
}

/**
 * One more judge for an entry (a flagged discrepancy, or a replacement): eligible, not already on
 * the entry, not excluded, with the lowest current load; ties by judge id.
 */
export function pickAdditionalJudge(
  assignments: readonly JudgeAssignment[],
  entryId: string,
  context: AssignmentContext,
  excludeJudgeIds: readonly string[] = [],
): string {
  const tree = new UnitTree(context.units);
  const entry = context.entries.find((e) => e.entryId === entryId);
  if (entry === undefined) {
    throw new EngineError(EngineErrorCodes.ESSAY_UNKNOWN_ENTRY, `Unknown entry ${entryId}`, { entryId });
  }
  tree.assertHas(entry.unitId, `entry ${entryId}`);
  const loads = new Map<string, number>();
  for (const a of assignments) loads.set(a.judgeId, (loads.get(a.judgeId) ?? 0) + 1);
  const onEntry = new Set(assignments.filter((a) => a.entryId === entryId).map((a) => a.judgeId));
  const excluded = new Set(excludeJudgeIds);

  for (const judge of context.judges) if (judge.unitId !== null) tree.assertHas(judge.unitId, `judge ${judge.judgeId}`);

  const [best] = context.judges
    .filter((judge) => !onEntry.has(judge.judgeId) && !excluded.has(judge.judgeId))
    .filter((judge) => isEligibleJudge(judge, entry, tree))
    .sort((a, b) => (loads.get(a.judgeId) ?? 0) - (loads.get(b.judgeId) ?? 0) || compareIds(a.judgeId, b.judgeId));
  if (best === undefined) {
    throw impossible(`No further eligible judge for entry ${entryId}`, {
      entryId,
      excludedJudgeIds: [...excluded].sort(compareIds),
    });
  }
  return best.judgeId;
}

/**
 * Replaces a judge who declared a conflict on an entry by the least loaded eligible judge; the
 * conflicted judge (and any in `excludeJudgeIds`) is never picked again for that entry.
 */
export function reassignOnConflict(
  assignments: readonly JudgeAssignment[],
  entryId: string,
  judgeId: string,
  context: AssignmentContext & { excludeJudgeIds?: readonly string[] },
): { assignments: JudgeAssignment[]; replacement: JudgeAssignment } {
  const index = assignments.findIndex((a) => a.entryId === entryId && a.judgeId === judgeId);
  if (index === -1) {
    throw new EngineError(EngineErrorCodes.ASSIGNMENT_NOT_FOUND, `Judge ${judgeId} is not assigned to entry ${entryId}`, {
      entryId,
      judgeId,
    });
  }
  const remaining = assignments.filter((_, i) => i !== index);
  const replacementId = pickAdditionalJudge(remaining, entryId, context, [judgeId, ...(context.excludeJudgeIds ?? [])]);
  const replacement = { entryId, judgeId: replacementId };
  return { assignments: assignments.map((a, i) => (i === index ? replacement : a)), replacement };
}

function impossible(message: string, details: Record<string, unknown>): EngineError {
  return new EngineError(EngineErrorCodes.ASSIGNMENT_IMPOSSIBLE, message, details);
}

function assertUniqueIds(ids: readonly string[], kind: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw impossible(`The ${kind} ${id} is listed twice`, { [`${kind}Id`]: id });
    seen.add(id);
  }
}
