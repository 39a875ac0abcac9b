import { describe, expect, it } from 'vitest';
import { participation } from '../test/fixtures';
import { buildTree, comparedRounds, largestUnits, levelsOf, movers, roundTotals, topUnits, unitsAtLevel, visibleRows } from './participation-model';

const tree = buildTree(participation.units);
const names = (units: { name: string }[]) => units.map((unit) => unit.name);

describe('the participation model', () => {
  it('rebuilds the tree and its levels from the flat list', () => {
    expect(tree.roots.map((root) => root.unit.unitId)).toEqual(['tld']);
    expect(tree.byId.get('hcm-cl')?.depth).toBe(2);
    expect(levelsOf(tree)).toEqual([
      { depth: 0, count: 1, example: 'Tổng Liên đoàn Lao động Việt Nam' },
      { depth: 1, count: 2, example: 'LĐLĐ Hà Nội' },
      { depth: 2, count: 4, example: 'CĐCS Bệnh viện Đa khoa Đống Đa' },
    ]);
  });

  it('totals each round over the roots, and compares the last round anyone took part in with the one before', () => {
    const totals = roundTotals(participation, tree);
    expect(totals.map((total) => [total.participants, total.rate])).toEqual([
      [150, 0.15],
      [190, 0.19],
      [0, 0],
    ]);
    expect(comparedRounds(totals)).toEqual({ previous: 0, latest: 1 });
    expect(comparedRounds(totals.slice(0, 1))).toBeNull();
  });

  it('finds the units of a level that rose and fell most, by rate', () => {
    const { grew, fell } = movers(unitsAtLevel(tree, 2), 0, 1, 5);
    // Đống Đa 10% → 30%, Cát Lái 6.7% → 16.7%; Bách khoa 20% → 12.5%; Báo Thanh Niên unchanged.
    expect(grew.map((change) => [change.unit.name, Math.round(change.rateChange * 1000) / 10])).toEqual([
      ['CĐCS Bệnh viện Đa khoa Đống Đa', 20],
      ['CĐCS Cảng Cát Lái', 10],
    ]);
    expect(fell.map((change) => [change.unit.name, change.participantChange])).toEqual([['CĐCS Đại học Bách khoa', -30]]);
  });

  it('ranks the top units of a level by participants or by rate, ties sharing a rank', () => {
    const grassroots = unitsAtLevel(tree, 2);
    expect(topUnits(grassroots, 'participants', 3).map((entry) => [entry.rank, entry.unit.name])).toEqual([
      [1, 'CĐCS Đại học Bách khoa'],
      [2, 'CĐCS Bệnh viện Đa khoa Đống Đa'],
      [3, 'CĐCS Cảng Cát Lái'],
    ]);
    expect(topUnits(grassroots, 'rate', 2).map((entry) => entry.unit.name)).toEqual(['CĐCS Báo Thanh Niên', 'CĐCS Bệnh viện Đa khoa Đống Đa']);
    const twins = [grassroots[0]!, { ...grassroots[0]!, unitId: 'twin', name: 'CĐCS Bệnh viện Đa khoa Đống Đa 2' }];
    expect(topUnits(twins, 'participants', 5).map((entry) => entry.rank)).toEqual([1, 1]);
    expect(names(largestUnits(grassroots, 2))).toEqual(['CĐCS Đại học Bách khoa', 'CĐCS Cảng Cát Lái']);
  });

  it('shows the expanded branches, or every match under its ancestors when searching (diacritics ignored)', () => {
    expect(visibleRows(tree, new Set(['tld']), '').map((row) => row.node.unit.unitId)).toEqual(['tld', 'hn', 'hcm']);
    expect(visibleRows(tree, new Set(['tld', 'hcm']), '').map((row) => row.node.unit.unitId)).toEqual(['tld', 'hn', 'hcm', 'hcm-btn', 'hcm-cl']);
    const found = visibleRows(tree, new Set(), 'cang cat lai');
    expect(found.map((row) => [row.node.unit.unitId, row.match])).toEqual([
      ['tld', false],
      ['hcm', false],
      ['hcm-cl', true],
    ]);
    expect(visibleRows(tree, new Set(), 'không có')).toEqual([]);
  });
});
