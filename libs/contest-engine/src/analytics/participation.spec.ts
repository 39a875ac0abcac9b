import { describe, expect, it } from '@jest/globals';
import { EngineErrorCodes } from '../errors.js';
import type { BoardUnit } from '../ranking/unit-ranking.js';
import { type MemberUnitsCount, participationByUnit, type RoundUnitCount } from './participation.js';

// LĐLĐ tỉnh (province) → two district federations → grassroots unions (member counts in brackets):
//
//   province [0]
//   ├── north [10]          ├── south [0]
//   │   ├── school [40]     │   ├── factory [200]
//   │   └── hospital [50]   │   └── empty [0]
//
// Rolled-up member counts: north 10 + 40 + 50 = 100, south 200, province 300.
const units: BoardUnit[] = [
  { id: 'province', parentId: null, name: 'LĐLĐ tỉnh', memberCount: 0 },
  { id: 'south', parentId: 'province', name: 'LĐLĐ huyện Nam', memberCount: 0 },
  { id: 'north', parentId: 'province', name: 'LĐLĐ huyện Bắc', memberCount: 10 },
  { id: 'school', parentId: 'north', name: 'CĐCS Trường THCS', memberCount: 40 },
  { id: 'hospital', parentId: 'north', name: 'CĐCS Bệnh viện', memberCount: 50 },
  { id: 'factory', parentId: 'south', name: 'CĐCS Nhà máy', memberCount: 200 },
  { id: 'empty', parentId: 'south', name: 'CĐCS Mới thành lập', memberCount: 0 },
];

const rounds = ['week-1', 'week-2'];

// Week 1: school 20, hospital 5, north's own staff 1, factory 50.
// Week 2: school 10, hospital 25, factory 100.
const perRound: RoundUnitCount[] = [
  { roundId: 'week-1', unitId: 'school', participants: 20 },
  { roundId: 'week-1', unitId: 'hospital', participants: 5 },
  { roundId: 'week-1', unitId: 'north', participants: 1 },
  { roundId: 'week-1', unitId: 'factory', participants: 50 },
  { roundId: 'week-2', unitId: 'school', participants: 10 },
  { roundId: 'week-2', unitId: 'hospital', participants: 25 },
  { roundId: 'week-2', unitId: 'factory', participants: 100 },
];

// Over both weeks: school 24 distinct members, hospital 27, north 1, factory 120, and 3 members who
// moved from the school to the hospital between the weeks (counted in both units, once in north).
const members: MemberUnitsCount[] = [
  { unitIds: ['school'], members: 24 },
  { unitIds: ['hospital'], members: 27 },
  { unitIds: ['north'], members: 1 },
  { unitIds: ['factory'], members: 120 },
  { unitIds: ['hospital', 'school'], members: 3 },
];

const byId = (result: ReturnType<typeof participationByUnit>) => new Map(result.map((unit) => [unit.unitId, unit]));

describe('participation by unit and round, rolled up the tree', () => {
  const result = byId(participationByUnit(units, rounds, perRound, members));

  it('a grassroots union: its own members in each round over its own member count', () => {
    // school: week 1 20 / 40 = 0.5, week 2 10 / 40 = 0.25; overall 24 + 3 movers = 27 / 40 = 0.675.
    expect(result.get('school')).toEqual({
      unitId: 'school',
      name: 'CĐCS Trường THCS',
      parentId: 'north',
      memberCount: 40,
      rounds: [
        { roundId: 'week-1', participants: 20, participationRate: 0.5 },
        { roundId: 'week-2', participants: 10, participationRate: 0.25 },
      ],
      participants: 27,
      participationRate: 27 / 40,
    });
  });

  it('a district adds up everyone below it round by round, and its own members', () => {
    // north: week 1 20 + 5 + 1 = 26 / 100; week 2 10 + 25 = 35 / 100.
    const north = result.get('north')!;
    expect(north.memberCount).toBe(100);
    expect(north.rounds).toEqual([
      { roundId: 'week-1', participants: 26, participationRate: 0.26 },
      { roundId: 'week-2', participants: 35, participationRate: 0.35 },
    ]);
  });

  it('a member who moved between two units below a district counts once in the district over the contest', () => {
    // hospital: 27 + 3 = 30; school 27; but north: 24 + 27 + 1 + 3 = 55, not 27 + 30 + 1 = 58.
    expect(result.get('hospital')!.participants).toBe(30);
    expect(result.get('north')).toMatchObject({ participants: 55, participationRate: 0.55 });
  });

  it('the province rolls up the whole tree', () => {
    // week 1 26 + 50 = 76, week 2 35 + 100 = 135, overall 55 + 120 = 175, over 300 members.
    expect(result.get('province')).toMatchObject({
      memberCount: 300,
      rounds: [
        { roundId: 'week-1', participants: 76, participationRate: 76 / 300 },
        { roundId: 'week-2', participants: 135, participationRate: 135 / 300 },
      ],
      participants: 175,
      participationRate: 175 / 300,
    });
  });

  it('a unit nobody took part from has zeros, and a rate of 0 when it has no members', () => {
    expect(result.get('empty')).toMatchObject({
      memberCount: 0,
      rounds: [
        { roundId: 'week-1', participants: 0, participationRate: 0 },
        { roundId: 'week-2', participants: 0, participationRate: 0 },
      ],
      participants: 0,
      participationRate: 0,
    });
  });

  it('lists every unit in tree order, siblings by name', () => {
    // "LĐLĐ huyện Bắc" < "LĐLĐ huyện Nam"; "CĐCS Bệnh viện" < "CĐCS Trường THCS"; "CĐCS Mới thành lập" < "CĐCS Nhà máy".
    expect(participationByUnit(units, rounds, perRound, members).map((unit) => unit.unitId)).toEqual([
      'province',
      'north',
      'hospital',
      'school',
      'south',
      'empty',
      'factory',
    ]);
  });

  it('gives the rounds in the order asked, and leaves out counts of other rounds', () => {
    const result = participationByUnit(units, ['week-2'], perRound, members);
    expect(result.find((unit) => unit.unitId === 'province')!.rounds).toEqual([{ roundId: 'week-2', participants: 135, participationRate: 0.45 }]);
  });

  it('a contest without rounds or participants: every unit, all zeros', () => {
    const result = participationByUnit(units, [], [], []);
    expect(result).toHaveLength(units.length);
    expect(result.every((unit) => unit.rounds.length === 0 && unit.participants === 0)).toBe(true);
  });

  it('a count naming a unit outside the tree is a caller bug', () => {
    expect(() => participationByUnit(units, rounds, [{ roundId: 'week-1', unitId: 'ghost', participants: 1 }], [])).toThrow(
      expect.objectContaining({ code: EngineErrorCodes.UNIT_NOT_FOUND }),
    );
    expect(() => participationByUnit(units, rounds, [], [{ unitIds: ['ghost'], members: 1 }])).toThrow(
      expect.objectContaining({ code: EngineErrorCodes.UNIT_NOT_FOUND }),
    );
  });

  it('a subtree: a unit whose parent is not listed is a root (its parentId kept)', () => {
    const north = units.filter((unit) => ['north', 'school', 'hospital'].includes(unit.id));
    const result = participationByUnit(north, rounds, perRound.filter((c) => c.unitId !== 'factory'), members.filter((m) => !m.unitIds.includes('factory')));
    expect(result.map((unit) => unit.unitId)).toEqual(['north', 'hospital', 'school']);
    expect(result[0]).toMatchObject({ parentId: 'province', memberCount: 100, participants: 55 });
  });
});
