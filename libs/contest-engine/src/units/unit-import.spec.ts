import { describe, expect, it } from '@jest/globals';
import { type ExistingUnit, parseMemberCount, planUnitImport, type UnitImportRow, unitNameKey } from './unit-import.js';

let line = 1;
const row = (name: string, parentName = '', memberCount = ''): UnitImportRow => ({ line: ++line, name, parentName, memberCount });
const rows = (...items: UnitImportRow[]) => {
  line = 1;
  return items.map((item, index) => ({ ...item, line: index + 2 }));
};

const existing: ExistingUnit[] = [
  { id: 'tld', name: 'Tổng Liên đoàn Lao động Việt Nam', parentId: null, memberCount: 0 },
  { id: 'hcm', name: 'LĐLĐ TP. Hồ Chí Minh', parentId: 'tld', memberCount: 1000 },
  { id: 'hn', name: 'LĐLĐ TP. Hà Nội', parentId: 'tld', memberCount: 900 },
  // The same grassroots name under two cities.
  { id: 'll-hcm', name: 'CĐCS Trường THCS Lê Lợi', parentId: 'hcm', memberCount: 40 },
  { id: 'll-hn', name: 'CĐCS Trường THCS Lê Lợi', parentId: 'hn', memberCount: 35 },
];

describe('planUnitImport', () => {
  it('creates new units parents first, whatever the order of the rows, and updates the counts of existing ones', () => {
    const plan = planUnitImport(
      rows(
        row('CĐCS Công ty May Việt Tiến', 'Công đoàn Khu chế xuất Tân Thuận', '1.250'),
        row('Công đoàn Khu chế xuất Tân Thuận', 'LĐLĐ TP. Hồ Chí Minh', '15 000'),
        row('  lđlđ tp.  hà nội ', 'tổng liên đoàn lao động việt nam', '950'),
        row('LĐLĐ TP. Hồ Chí Minh', 'Tổng Liên đoàn Lao động Việt Nam', ''),
      ),
      existing,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.create).toEqual([
      { line: 3, name: 'Công đoàn Khu chế xuất Tân Thuận', memberCount: 15000, parentId: 'hcm', parentLine: null },
      { line: 2, name: 'CĐCS Công ty May Việt Tiến', memberCount: 1250, parentId: null, parentLine: 3 },
    ]);
    // An empty count leaves the unit as it is; an equal one is no change.
    expect(plan.update).toEqual([{ line: 4, id: 'hn', memberCount: 950 }]);
  });

  it('tells a grassroots unit by its parent: a name under two cities is two units', () => {
    const plan = planUnitImport(rows(row('CĐCS Trường THCS Lê Lợi', 'LĐLĐ TP. Hà Nội', '36')), existing);
    expect(plan).toEqual({ create: [], update: [{ line: 2, id: 'll-hn', memberCount: 36 }], issues: [] });
    const child = planUnitImport(rows(row('Tổ công đoàn Văn phòng', 'CĐCS Trường THCS Lê Lợi')), existing);
    expect(child.create).toEqual([]);
    expect(child.issues).toEqual([{ line: 2, field: 'parent', code: 'PARENT_AMBIGUOUS', params: { name: 'CĐCS Trường THCS Lê Lợi', count: 2 } }]);
  });

  it('names every problem with its line and column', () => {
    const plan = planUnitImport(
      rows(
        row('', 'LĐLĐ TP. Hà Nội'),
        row('x'.repeat(301)),
        row('CĐCS A', 'LĐLĐ TP. Hà Nội', '-3'),
        row('CĐCS B', 'LĐLĐ tỉnh Không Có'),
        row('CĐCS C', 'LĐLĐ TP. Hà Nội', '12'),
        row('CĐCS C', 'LĐLĐ TP. Hà Nội', '13'),
        row('CĐCS D', 'CĐCS B'),
        row('Vòng 1', 'Vòng 2'),
        row('Vòng 2', 'Vòng 1'),
        row('CĐCS E', 'LĐLĐ TP. Hà Nội', '10000001'),
      ),
      existing,
    );
    expect(plan.issues).toEqual([
      { line: 2, field: 'name', code: 'NAME_REQUIRED' },
      { line: 3, field: 'name', code: 'NAME_TOO_LONG', params: { max: 300 } },
      { line: 4, field: 'memberCount', code: 'MEMBER_COUNT_INVALID', params: { max: 10_000_000 } },
      { line: 5, field: 'parent', code: 'PARENT_NOT_FOUND', params: { name: 'LĐLĐ tỉnh Không Có' } },
      { line: 7, field: 'name', code: 'DUPLICATE_ROW', params: { line: 6 } },
      { line: 8, field: 'parent', code: 'PARENT_INVALID', params: { line: 5 } },
      { line: 9, field: 'parent', code: 'CYCLE', params: { name: 'Vòng 2' } },
      { line: 10, field: 'parent', code: 'CYCLE', params: { name: 'Vòng 1' } },
      { line: 11, field: 'memberCount', code: 'MEMBER_COUNT_INVALID', params: { max: 10_000_000 } },
    ]);
    expect(plan.create.map((unit) => unit.name)).toEqual(['CĐCS C']);
  });

  it('refuses an ambiguous existing unit rather than guessing which one to update', () => {
    const twins: ExistingUnit[] = [...existing, { id: 'll-hcm-2', name: 'cđcs trường thcs lê lợi', parentId: 'hcm', memberCount: 1 }];
    const plan = planUnitImport(rows(row('CĐCS Trường THCS Lê Lợi', 'LĐLĐ TP. Hồ Chí Minh', '41')), twins);
    expect(plan.issues).toEqual([{ line: 2, field: 'name', code: 'UNIT_AMBIGUOUS', params: { name: 'CĐCS Trường THCS Lê Lợi', count: 2 } }]);
    expect(plan.update).toEqual([]);
  });

  it('plans 2,558 grassroots units under 24 districts in one pass', () => {
    const districts = Array.from({ length: 24 }, (_, d) => row(`Công đoàn Quận ${d + 1}`, 'LĐLĐ TP. Hồ Chí Minh', '0'));
    const grassroots = Array.from({ length: 2558 }, (_, g) => row(`CĐCS Đơn vị ${g + 1}`, `Công đoàn Quận ${(g % 24) + 1}`, String(20 + (g % 300))));
    const plan = planUnitImport(rows(...grassroots, ...districts), existing);
    expect(plan.issues).toEqual([]);
    expect(plan.create).toHaveLength(2582);
    expect(plan.create.slice(0, 24).every((unit) => unit.parentId === 'hcm')).toBe(true);
  });
});

describe('parseMemberCount and unitNameKey', () => {
  it.each([
    ['', null],
    [' 42 ', 42],
    ['1.250', 1250],
    ['1,250,000', 1_250_000],
    ['1 250', 1250],
    ['12.5', undefined],
    ['1.2345', undefined],
    ['-1', undefined],
    ['mười', undefined],
    ['10000001', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseMemberCount(text)).toBe(expected);
  });

  it('compares names without case or extra spaces, but with their diacritics', () => {
    expect(unitNameKey('  LĐLĐ  TP. Hà Nội ')).toBe(unitNameKey('lđlđ tp. hà nội'));
    expect(unitNameKey('Hà Nội')).not.toBe(unitNameKey('Ha Noi'));
    expect(unitNameKey('Hà Nội'.normalize('NFD'))).toBe(unitNameKey('Hà Nội'));
  });
});
