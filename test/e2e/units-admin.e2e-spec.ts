import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { AuthResponse, UnitImportResponse, UnitResponse } from '@hoi-thi/contracts';
import { aMember, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HEADER = ['Tên đơn vị', 'Đơn vị cấp trên', 'Số đoàn viên'];

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn vị');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csv = (rows: (string | number)[][]) => Buffer.from(`\uFEFF${rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`);

/** The unit tree in the admin's hands (API.md "Units"): move, delete, import from a spreadsheet. */
describe('units: move, delete, import', () => {
  let t: TestApp;
  let organizer: AuthResponse;
  let rootId: string;

  const http = () => t.http();
  const units = async () => (await http().get('/api/units').expect(200)).body as UnitResponse[];
  const byName = async (name: string) => (await units()).find((unit) => unit.name === name)!;
  const upload = (file: Buffer, name: string, dryRun?: boolean, as: AuthResponse = organizer) => {
    const request = http().post('/api/units/import').set(...bearer(as)).attach('file', file, name);
    return dryRun === undefined ? request : request.field('dryRun', String(dryRun));
  };

  beforeAll(async () => {
    t = await startTestApp();
    rootId = (await aUnit(t, 'Tổng Liên đoàn Lao động Việt Nam', null, 0)).id;
    organizer = await aUserWithRoles(t, rootId, ['organizer']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('moves a unit under another, and refuses to move it under itself or its own sub-unit', async () => {
    const city = await aUnit(t, 'LĐLĐ TP. Đà Nẵng', rootId);
    const district = await aUnit(t, 'LĐLĐ quận Hải Châu', rootId);
    const school = await aUnit(t, 'CĐCS Trường THPT Phan Châu Trinh', district.id);
    const moved = await http().patch(`/api/units/${district.id}`).set(...bearer(organizer)).send({ parentId: city.id, name: 'Công đoàn quận Hải Châu' }).expect(200);
    expect(moved.body).toMatchObject({ parentId: city.id, name: 'Công đoàn quận Hải Châu' });
    expect((await http().patch(`/api/units/${city.id}`).set(...bearer(organizer)).send({ parentId: school.id }).expect(409)).body.code).toBe('UNIT.CYCLE');
    expect((await http().patch(`/api/units/${city.id}`).set(...bearer(organizer)).send({ parentId: city.id }).expect(409)).body.code).toBe('UNIT.CYCLE');
    const missing = await http().patch(`/api/units/${city.id}`).set(...bearer(organizer)).send({ parentId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'parentId' })]);
    expect((await http().patch(`/api/units/${school.id}`).set(...bearer(organizer)).send({ parentId: null }).expect(200)).body.parentId).toBeNull();
    expect((await byName('LĐLĐ TP. Đà Nẵng')).parentId).toBe(rootId);
  });

  it('deletes only a unit with no sub-unit, no member and no contest open to it', async () => {
    const parent = await aUnit(t, 'LĐLĐ tỉnh Quảng Nam', rootId);
    const child = await aUnit(t, 'CĐCS Công ty Điện lực Quảng Nam', parent.id);
    const withMember = await aUnit(t, 'CĐCS Bệnh viện Đa khoa Quảng Nam', parent.id);
    await aMember(t, withMember.id);
    const eligible = await aUnit(t, 'CĐCS Trường Đại học Quảng Nam', parent.id);
    await http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Cuộc thi của trường', kind: 'quiz', eligibleUnitIds: [eligible.id] }).expect(201);
    const remove = (id: string) => http().delete(`/api/units/${id}`).set(...bearer(organizer));
    for (const id of [parent.id, withMember.id, eligible.id]) expect((await remove(id).expect(409)).body.code).toBe('UNIT.IN_USE');
    await remove(child.id).expect(204);
    await remove(child.id).expect(404);
    expect((await units()).map((u) => u.id)).not.toContain(child.id);
    expect((await units()).map((u) => u.id)).toContain(parent.id);
    const member = await aMember(t, rootId);
    await remove(eligible.id).set(...bearer(member)).expect(403);
  });

  it('imports a tree from xlsx, parents in any order, after a dry run that writes nothing', async () => {
    const file = await xlsx([
      HEADER,
      ['CĐCS Công ty May Việt Tiến', 'Công đoàn Khu chế xuất Tân Thuận', '1.250'],
      ['Công đoàn Khu chế xuất Tân Thuận', 'LĐLĐ TP. Hồ Chí Minh', 15000],
      ['LĐLĐ TP. Hồ Chí Minh', 'Tổng Liên đoàn Lao động Việt Nam', 1_000_000],
    ]);
    const before = (await units()).length;
    const dry = (await upload(file, 'don-vi.xlsx', true).expect(200)).body as UnitImportResponse;
    expect(dry).toEqual({ dryRun: true, created: 3, updated: 0, errors: [] });
    expect((await units()).length).toBe(before);

    const done = (await upload(file, 'don-vi.xlsx').expect(201)).body as UnitImportResponse;
    expect(done).toEqual({ dryRun: false, created: 3, updated: 0, errors: [] });
    const city = await byName('LĐLĐ TP. Hồ Chí Minh');
    const zone = await byName('Công đoàn Khu chế xuất Tân Thuận');
    expect(city).toMatchObject({ parentId: rootId, memberCount: 1_000_000 });
    expect(zone).toMatchObject({ parentId: city.id, memberCount: 15000 });
    expect(await byName('CĐCS Công ty May Việt Tiến')).toMatchObject({ parentId: zone.id, memberCount: 1250 });

    // Again from csv, with new counts: the same units are updated, none created.
    const again = (await upload(csv([HEADER, ['CĐCS Công ty May Việt Tiến', 'Công đoàn Khu chế xuất Tân Thuận', '1300'], ['lđlđ tp. hồ chí minh', 'Tổng Liên đoàn Lao động Việt Nam', '']]), 'don-vi.csv').expect(201)).body;
    expect(again).toEqual({ dryRun: false, created: 0, updated: 1, errors: [] });
    expect((await byName('CĐCS Công ty May Việt Tiến')).memberCount).toBe(1300);
  });

  it('imports nothing from a file with problems, and names each row and column', async () => {
    const before = await units();
    const file = await xlsx([
      ['Số đoàn viên', 'Tên đơn vị', 'Đơn vị cấp trên'],
      [12, 'CĐCS Mới 1', 'Tổng Liên đoàn Lao động Việt Nam'],
      ['mười', 'CĐCS Mới 2', 'Tổng Liên đoàn Lao động Việt Nam'],
      [5, 'CĐCS Mới 3', 'LĐLĐ tỉnh Không Có'],
      [5, '', 'Tổng Liên đoàn Lao động Việt Nam'],
    ]);
    const refused = await upload(file, 'loi.xlsx').set('Accept-Language', 'vi').expect(400);
    expect(refused.body.code).toBe('UNIT_IMPORT.INVALID');
    expect(refused.body.errors).toEqual([
      { line: 3, column: 'A', message: 'Số đoàn viên phải là số nguyên từ 0 đến 10000000.' },
      { line: 4, column: 'C', message: 'Không tìm thấy đơn vị cấp trên "LĐLĐ tỉnh Không Có" (trong hệ thống hoặc trong tệp).' },
      { line: 5, column: 'B', message: 'Thiếu tên đơn vị.' },
    ]);
    expect(await units()).toEqual(before);

    const noHeader = await upload(csv([['Tên', 'Cấp trên'], ['A', 'B']]), 'x.csv', true).set('Accept-Language', 'en').expect(200);
    expect(noHeader.body.errors).toEqual([{ line: 1, message: 'The header row (row 1) has no "Tên đơn vị" column.' }]);
    const notASheet = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), 'x.xlsx', true).expect(200);
    expect(notASheet.body.errors).toHaveLength(1);
    await http().post('/api/units/import').set(...bearer(organizer)).send({}).expect(415);
    await upload(csv([HEADER]), 'x.csv').set(...bearer(await aMember(t, rootId))).expect(403);
  });

  it('imports a federation of 2,558 grassroots units under 24 districts', async () => {
    const rows = [
      HEADER,
      ['LĐLĐ tỉnh Đồng Nai', 'Tổng Liên đoàn Lao động Việt Nam', 500000],
      ...Array.from({ length: 24 }, (_, d) => [`Công đoàn Huyện ${d + 1}`, 'LĐLĐ tỉnh Đồng Nai', 0]),
      ...Array.from({ length: 2558 }, (_, g) => [`CĐCS Doanh nghiệp ${g + 1}`, `Công đoàn Huyện ${(g % 24) + 1}`, 20 + (g % 300)]),
    ];
    const before = (await units()).length;
    const done = (await upload(await xlsx(rows), 'dong-nai.xlsx').expect(201)).body as UnitImportResponse;
    expect(done).toMatchObject({ created: 2583, updated: 0, errors: [] });
    const after = await units();
    expect(after.length).toBe(before + 2583);
    const district = after.find((unit) => unit.name === 'Công đoàn Huyện 7')!;
    expect(after.filter((unit) => unit.parentId === district.id)).toHaveLength(Math.ceil((2558 - 6) / 24));
  });
});
