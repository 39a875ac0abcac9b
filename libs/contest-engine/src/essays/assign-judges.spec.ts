import { describe, expect, it } from '@jest/globals';
import { createRandom, randomIndex } from '../random/seeded-random.js';
import type { UnitNode } from '../units/unit-tree.js';
import {
  type AssignmentContext,
  assignJudges,
  type EntryAuthor,
  type JudgeAssignment,
  pickAdditionalJudge,
  type PoolJudge,
  reassignOnConflict,
} from './assign-judges.js';

// A province federation, two districts, four grassroots unions under each.
const grassroots = ['n1', 'n2', 'n3', 'n4', 's1', 's2', 's3', 's4'];
const units: UnitNode[] = [
  { id: 'province', parentId: null },
  { id: 'north', parentId: 'province' },
  { id: 'south', parentId: 'province' },
  ...grassroots.map((id) => ({ id, parentId: id.startsWith('n') ? 'north' : 'south' })),
];
const parentOf = new Map(units.map((u) => [u.id, u.parentId]));

/** Written out independently of the engine: same unit, or one above the other. */
function conflicts(judgeUnit: string | null, authorUnit: string): boolean {
  if (judgeUnit === null) return false;
  const lineage = (id: string): string[] => [id, ...(parentOf.get(id) ? lineage(parentOf.get(id)!) : [])];
  return lineage(authorUnit).includes(judgeUnit) || lineage(judgeUnit).includes(authorUnit);
}

// 12 judges from the 8 grassroots unions.
const judges: PoolJudge[] = ['n1', 'n1', 'n2', 'n2', 'n3', 'n4', 's1', 's1', 's2', 's2', 's3', 's4'].map((unitId, i) => ({
  judgeId: `judge-${String(i).padStart(2, '0')}`,
  unitId,
}));

// 300 entries from the districts and grassroots unions.
const authorUnits = ['north', 'south', ...grassroots];
const pick = createRandom('entries');
const entries: EntryAuthor[] = Array.from({ length: 300 }, (_, i) => ({
  entryId: `entry-${String(i).padStart(3, '0')}`,
  unitId: authorUnits[randomIndex(pick, authorUnits.length)],
}));

const loadsOf = (assignments: readonly JudgeAssignment[]) => {
  const loads = new Map<string, number>();
  for (const a of assignments) loads.set(a.judgeId, (loads.get(a.judgeId) ?? 0) + 1);
  return loads;
};

describe('assigning judges to essay entries (300 entries, 12 judges from 8 unions, 2 judges each)', () => {
  const plan = assignJudges({ entries, judges, units, judgesPerEntry: 2, seed: 'round-7' });

  it('every entry gets two distinct judges, none from the author\'s unit or a unit above or below it', () => {
    const judgeUnit = new Map(judges.map((j) => [j.judgeId, j.unitId]));
    for (const entry of entries) {
      const mine = plan.assignments.filter((a) => a.entryId === entry.entryId).map((a) => a.judgeId);
      expect(new Set(mine).size).toBe(2);
      for (const judgeId of mine) expect(conflicts(judgeUnit.get(judgeId)!, entry.unitId)).toBe(false);
    }
    expect(plan.assignments).toHaveLength(600);
  });

  it('loads differ by at most one', () => {
    const loads = [...loadsOf(plan.assignments).values()];
    expect(loads).toHaveLength(12);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(plan.loads.map((l) => l.load)).toEqual(judges.map((j) => loadsOf(plan.assignments).get(j.judgeId)));
  });

  it('the same seed gives the same assignment, whatever order entries and judges are listed in', () => {
    const again = assignJudges({
      entries: [...entries].reverse(),
      judges: [...judges].reverse(),
      units,
      judgesPerEntry: 2,
      seed: 'round-7',
    });
    const sorted = (list: JudgeAssignment[]) =>
      list.map((a) => `${a.entryId}/${a.judgeId}`).sort();
    expect(sorted(again.assignments)).toEqual(sorted(plan.assignments));
  });

  it('another seed gives another assignment', () => {
    const other = assignJudges({ entries, judges, units, judgesPerEntry: 2, seed: 'round-8' });
    expect(other.assignments).not.toEqual(plan.assignments);
  });
});

describe('who may judge an entry', () => {
  const context = (extra: PoolJudge[]): AssignmentContext => ({
    entries: [{ entryId: 'e', unitId: 'north', authorId: 'author' }],
    judges: extra,
    units,
  });

  it('a judge from the same unit, the province above or a union below is never chosen', () => {
    const plan = assignJudges({
      ...context([
        { judgeId: 'same-unit', unitId: 'north' },
        { judgeId: 'above', unitId: 'province' },
        { judgeId: 'below', unitId: 'n3' },
        { judgeId: 'other-district', unitId: 's2' },
        { judgeId: 'outside', unitId: null },
      ]),
      judgesPerEntry: 2,
      seed: 's',
    });
    expect(plan.assignments.map((a) => a.judgeId)).toEqual(['other-district', 'outside']);
  });

  it('an author never judges their own entry', () => {
    expect(() =>
      assignJudges({ ...context([{ judgeId: 'author', unitId: null }]), judgesPerEntry: 1, seed: 's' }),
    ).toThrow(expect.objectContaining({ code: 'ESSAY.ASSIGNMENT_IMPOSSIBLE' }));
  });

  it('too few neutral judges for an entry: refused, naming the entry and how many there are', () => {
    expect(() =>
      assignJudges({
        ...context([
          { judgeId: 'ok', unitId: 's1' },
          { judgeId: 'conflicted', unitId: 'n1' },
        ]),
        judgesPerEntry: 2,
        seed: 's',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'ESSAY.ASSIGNMENT_IMPOSSIBLE',
        details: { judgesPerEntry: 2, entries: [{ entryId: 'e', eligibleJudges: 1 }] },
      }),
    );
  });

  it('a judge or an entry from a unit outside the tree is refused', () => {
    expect(() =>
      assignJudges({ ...context([{ judgeId: 'j', unitId: 'elsewhere' }]), judgesPerEntry: 1, seed: 's' }),
    ).toThrow(expect.objectContaining({ code: 'UNIT.NOT_FOUND' }));
  });
});

describe('balance when the units make perfect balance impossible', () => {
  it('a judge eligible for few entries takes all of them; the others share the rest evenly', () => {
    const plan = assignJudges({
      entries: Array.from({ length: 10 }, (_, i) => ({ entryId: `e${i}`, unitId: i < 8 ? 'n1' : 's1' })),
      judges: [
        { judgeId: 'from-north', unitId: 'n2' }, // conflicts with nobody here: n2 is a sibling of n1
        { judgeId: 'from-n1', unitId: 'n1' }, // can judge only the two entries from s1
        { judgeId: 'outside', unitId: null },
      ],
      units,
      judgesPerEntry: 1,
      seed: 'x',
    });
    expect(plan.loads).toEqual([
      { judgeId: 'from-n1', load: 2 },
      { judgeId: 'from-north', load: 4 },
      { judgeId: 'outside', load: 4 },
    ]);
  });

  it('a judge who can take only one entry still gets it, when that evens the loads', () => {
    // Handing e5 to the first free judge would leave 'north' idle while two others carry three each.
    const plan = assignJudges({
      entries: [
        { entryId: 'e0', unitId: 'n2' },
        { entryId: 'e1', unitId: 'n4' },
        { entryId: 'e2', unitId: 'n1' },
        { entryId: 'e3', unitId: 'n2' },
        { entryId: 'e4', unitId: 'north' },
        { entryId: 'e5', unitId: 's3' },
      ],
      judges: [
        { judgeId: 'province', unitId: 'province' }, // above every author: never eligible
        { judgeId: 's3', unitId: 's3' },
        { judgeId: 'n2', unitId: 'n2' },
        { judgeId: 'north', unitId: 'north' }, // eligible for e5 only
      ],
      units,
      judgesPerEntry: 1,
      seed: 's161',
    });
    expect(plan.loads).toEqual([
      { judgeId: 'n2', load: 2 },
      { judgeId: 'north', load: 1 },
      { judgeId: 'province', load: 0 },
      { judgeId: 's3', load: 3 },
    ]);
  });

  it('on small random cases, loads are exactly as even as an exhaustive search finds possible', () => {
    const random = createRandom('exhaustive');
    const unitIds = units.map((u) => u.id);
    for (let round = 0; round < 400; round++) {
      const k = round % 2 === 0 ? 1 : 2;
      const caseEntries = Array.from({ length: 6 }, (_, i) => ({
        entryId: `e${i}`,
        unitId: authorUnits[randomIndex(random, authorUnits.length)],
      }));
      const caseJudges = Array.from({ length: 4 }, (_, i) => ({
        judgeId: `j${i}`,
        unitId: randomIndex(random, 6) === 0 ? null : unitIds[randomIndex(random, unitIds.length)],
      }));
      const best = bestSumOfSquares(caseEntries, caseJudges, k);
      const attempt = () => assignJudges({ entries: caseEntries, judges: caseJudges, units, judgesPerEntry: k, seed: `c${round}` });
      if (best === null) {
        expect(attempt).toThrow(expect.objectContaining({ code: 'ESSAY.ASSIGNMENT_IMPOSSIBLE' }));
      } else {
        const loads = attempt().loads.map((l) => l.load);
        expect(loads.reduce((sum, l) => sum + l * l, 0)).toBe(best);
      }
    }
  });
});

/** Tries every assignment; the most even one has the least Σ load². Null when none exists. */
function bestSumOfSquares(entryList: EntryAuthor[], judgeList: PoolJudge[], k: 1 | 2): number | null {
  const pairs = (ids: number[]): number[][] =>
    k === 1 ? ids.map((a) => [a]) : ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]));
  const options = entryList.map((entry) =>
    pairs(judgeList.flatMap((judge, j) => (conflicts(judge.unitId, entry.unitId) ? [] : [j]))),
  );
  let best: number | null = null;
  const loads = judgeList.map(() => 0);
  const walk = (e: number): void => {
    if (e === options.length) {
      const total = loads.reduce((sum, l) => sum + l * l, 0);
      if (best === null || total < best) best = total;
      return;
    }
    for (const option of options[e]) {
      for (const j of option) loads[j] += 1;
      walk(e + 1);
      for (const j of option) loads[j] -= 1;
    }
  };
  walk(0);
  return best;
}

describe('replacing a judge who declares a conflict', () => {
  const context: AssignmentContext = {
    entries: [
      { entryId: 'e1', unitId: 'n1' },
      { entryId: 'e2', unitId: 'n1' },
    ],
    judges: [
      { judgeId: 'busy', unitId: 's1' },
      { judgeId: 'conflicted', unitId: 's2' },
      { judgeId: 'idle-b', unitId: 's3' },
      { judgeId: 'idle-a', unitId: 's4' },
      { judgeId: 'neighbour', unitId: 'n1' },
    ],
    units,
  };
  const assignments: JudgeAssignment[] = [
    { entryId: 'e1', judgeId: 'busy' },
    { entryId: 'e1', judgeId: 'conflicted' },
    { entryId: 'e2', judgeId: 'busy' },
  ];

  it('the least loaded neutral judge takes over, ties by judge id, in the same place', () => {
    const result = reassignOnConflict(assignments, 'e1', 'conflicted', context);
    expect(result.replacement).toEqual({ entryId: 'e1', judgeId: 'idle-a' });
    expect(result.assignments).toEqual([
      { entryId: 'e1', judgeId: 'busy' },
      { entryId: 'e1', judgeId: 'idle-a' },
      { entryId: 'e2', judgeId: 'busy' },
    ]);
  });

  it('judges already excluded for the entry are skipped', () => {
    const result = reassignOnConflict(assignments, 'e1', 'conflicted', { ...context, excludeJudgeIds: ['idle-a'] });
    expect(result.replacement.judgeId).toBe('idle-b');
  });

  it('the conflicted judge is never handed the entry back, even when they are the only one idle', () => {
    expect(() =>
      reassignOnConflict(assignments, 'e1', 'conflicted', { ...context, excludeJudgeIds: ['idle-a', 'idle-b'] }),
    ).toThrow(expect.objectContaining({ code: 'ESSAY.ASSIGNMENT_IMPOSSIBLE' }));
  });

  it('a pair that was never assigned is refused', () => {
    expect(() => reassignOnConflict(assignments, 'e2', 'idle-a', context)).toThrow(
      expect.objectContaining({ code: 'ESSAY.ASSIGNMENT_NOT_FOUND' }),
    );
  });

  it('a flagged entry gets a further judge: neutral, new to it, least loaded', () => {
    expect(pickAdditionalJudge(assignments, 'e2', context)).toBe('idle-a');
    expect(pickAdditionalJudge([...assignments, { entryId: 'e2', judgeId: 'idle-a' }], 'e2', context)).toBe('idle-b');
  });
});
