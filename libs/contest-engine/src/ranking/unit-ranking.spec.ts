import { describe, expect, it } from '@jest/globals';
import { type BoardUnit, type MemberBestResult, rankUnits, rankUnitTotals, unitTotals } from './unit-ranking.js';

// LĐLĐ tỉnh → two district federations → grassroots unions.
const units: BoardUnit[] = [
  { id: 'province', parentId: null, name: 'LĐLĐ tỉnh', memberCount: 0 },
  { id: 'north', parentId: 'province', name: 'LĐLĐ huyện Bắc', memberCount: 10 },
  { id: 'south', parentId: 'province', name: 'LĐLĐ huyện Nam', memberCount: 0 },
  { id: 'school', parentId: 'north', name: 'CĐCS Trường THCS', memberCount: 40 },
  { id: 'hospital', parentId: 'north', name: 'CĐCS Bệnh viện', memberCount: 50 },
  { id: 'factory', parentId: 'south', name: 'CĐCS Nhà máy', memberCount: 200 },
  { id: 'empty', parentId: 'south', name: 'CĐCS Mới thành lập', memberCount: 0 },
];

const results: MemberBestResult[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ userId: `school-${i}`, unitId: 'school', score: 8 })),
  ...Array.from({ length: 10 }, (_, i) => ({ userId: `hospital-${i}`, unitId: 'hospital', score: 10 })),
  ...Array.from({ length: 50 }, (_, i) => ({ userId: `factory-${i}`, unitId: 'factory', score: 6.5 })),
  { userId: 'north-staff', unitId: 'north', score: 9 },
];

const byId = (board: ReturnType<typeof rankUnits>) => new Map(board.map((s) => [s.unitId, s]));

describe('the unit board (giải tập thể)', () => {
  it('a grassroots union counts its own distinct participants over its own members', () => {
    const school = byId(rankUnits(units, results)).get('school')!;
    expect(school).toMatchObject({ participants: 20, memberCount: 40, participationRate: 0.5, averageScore: 8 });
  });

  it('a district counts everyone below it, members and participants alike', () => {
    const north = byId(rankUnits(units, results)).get('north')!;
    // 10 own + 40 + 50 members; 1 + 20 + 10 participants.
    expect(north).toMatchObject({ participants: 31, memberCount: 100, participationRate: 0.31 });
    expect(north.averageScore).toBe(Math.round(((9 + 20 * 8 + 10 * 10) / 31) * 100) / 100);
  });

  it('the province rolls up the whole tree', () => {
    expect(byId(rankUnits(units, results)).get('province')).toMatchObject({ participants: 81, memberCount: 300, depth: 0 });
  });

  it('a unit with no members has a rate of 0, not a division by zero', () => {
    expect(byId(rankUnits(units, results)).get('empty')).toMatchObject({
      participants: 0,
      memberCount: 0,
      participationRate: 0,
      averageScore: 0,
    });
  });

  it('a member listed twice counts once, with their higher score', () => {
    const board = byId(
      rankUnits(units, [
        { userId: 'lan', unitId: 'school', score: 4 },
        { userId: 'lan', unitId: 'school', score: 9 },
      ]),
    );
    expect(board.get('school')).toMatchObject({ participants: 1, averageScore: 9 });
  });

  it('by participants: the most participants first; the factory and its district tie at 50, by name', () => {
    const board = rankUnits(units, results, 'participants');
    expect(board.slice(0, 4).map((s) => s.unitId)).toEqual(['province', 'factory', 'south', 'north']);
    expect(board.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('by rate: the highest participation rate first', () => {
    const board = rankUnits(units, results, 'rate');
    expect(board.slice(0, 3).map((s) => [s.unitId, s.participationRate])).toEqual([
      ['school', 0.5],
      ['north', 0.31],
      ['province', 0.27],
    ]);
  });

  it('equal rates: by name, in Vietnamese order', () => {
    const twins: BoardUnit[] = [
      { id: 'u1', parentId: null, name: 'Đội Xe', memberCount: 10 },
      { id: 'u2', parentId: null, name: 'Ban Kế hoạch', memberCount: 10 },
      { id: 'u3', parentId: null, name: 'Ca Sáng', memberCount: 10 },
    ];
    const board = rankUnits(twins, [], 'rate');
    // Đ sorts after D, before E: a plain code-unit sort would put it last.
    expect(board.map((s) => s.name)).toEqual(['Ban Kế hoạch', 'Ca Sáng', 'Đội Xe']);
  });

  it('a result from a unit outside the tree is refused', () => {
    expect(() => rankUnits(units, [{ userId: 'x', unitId: 'nowhere', score: 1 }])).toThrow(
      expect.objectContaining({ code: 'UNIT.NOT_FOUND' }),
    );
  });

  it('a cycle in the tree is refused', () => {
    expect(() =>
      rankUnits(
        [
          { id: 'a', parentId: 'b', name: 'A', memberCount: 1 },
          { id: 'b', parentId: 'a', name: 'B', memberCount: 1 },
        ],
        [],
      ),
    ).toThrow(expect.objectContaining({ code: 'UNIT.CYCLE' }));
  });

  it('a subtree can be ranked alone: a parent outside the list makes a root', () => {
    const north = units.filter((u) => u.parentId === 'north' || u.id === 'north');
    const inNorth = new Set(north.map((u) => u.id));
    const board = rankUnits(north, results.filter((r) => inNorth.has(r.unitId)));
    expect(byId(board).get('north')).toMatchObject({ depth: 0, participants: 31, parentId: 'province' });
  });
  it('the same board from each unit\'s own totals (a database can sum its members): one row per unit, no member list', () => {
    expect(unitTotals(units, results).sort((a, b) => a.unitId.localeCompare(b.unitId))).toEqual([
      { unitId: 'factory', participants: 50, scoreHundredths: 50 * 650 },
      { unitId: 'hospital', participants: 10, scoreHundredths: 10 * 1000 },
      { unitId: 'north', participants: 1, scoreHundredths: 900 },
      { unitId: 'school', participants: 20, scoreHundredths: 20 * 800 },
    ]);
    const fromTotals = rankUnitTotals(
      units,
      [
        { unitId: 'school', participants: 20, scoreHundredths: 16_000 },
        { unitId: 'hospital', participants: 10, scoreHundredths: 10_000 },
        { unitId: 'factory', participants: 50, scoreHundredths: 32_500 },
        { unitId: 'north', participants: 1, scoreHundredths: 900 },
      ],
      'rate',
    );
    expect(fromTotals).toEqual(rankUnits(units, results, 'rate'));
    expect(() => rankUnitTotals(units, [{ unitId: 'nowhere', participants: 1, scoreHundredths: 100 }])).toThrow();
  });
});
