/**
 * One person, many accounts (issue #15 item 7): a phone number is stored in one form and belongs to
 * one account; REGISTER_REQUIRE_PHONE makes it mandatory; organizers get a list of accounts that
 * look like the same person; the migration that brought this in copes with the phones already
 * stored (other formats, duplicates, numbers that are not mobiles).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { foldVietnamese } from '@hoi-thi/contest-engine';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aUnit, aUserWithRoles, bearer, uniqueEmail } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let serial = 0;

function register(t: TestApp, unitId: string, body: { phone?: string; fullName?: string } = {}) {
  serial += 1;
  return t
    .http()
    .post('/api/auth/register')
    .send({ fullName: body.fullName ?? `Thí sinh số ${serial}`, email: uniqueEmail('phone'), password: 'mat-khau-dai', unitId, ...('phone' in body ? { phone: body.phone } : {}) });
}

/** Accounts whose stored phone, whatever its format, ends with these nine digits. */
async function accountsWithNumber(t: TestApp, nineDigits: string): Promise<{ phone: string }[]> {
  return t.dataSource.query(`SELECT phone FROM users WHERE regexp_replace(phone, '[^0-9]', '', 'g') LIKE $1`, [`%${nineDigits}`]);
}

describe('phones: one number, one account', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { REGISTER_RATE_LIMIT: '1000' } });
    unitId = (await aUnit(t, 'CĐCS Điện lực Thủ Đức')).id;
  });
  afterAll(async () => t?.close());

  it('keeps one form of a number, the national 0xxxxxxxxx, whatever way it was typed', async () => {
    const registered = await register(t, unitId, { phone: ' +84 (0) 912.345-678 ' }).expect(201);
    const [row] = await t.dataSource.query('SELECT phone FROM users WHERE id = $1', [registered.body.user.id]);
    expect(row.phone).toBe('0912345678');
  });

  it('refuses the same number written another way with 409 AUTH.PHONE_TAKEN: reformatting does not make a second account', async () => {
    await register(t, unitId, { phone: '0987 654 321' }).expect(201);
    const variants = ['0987654321', '+84987654321', '84987654321', '098.765.4321', '098-765-4321', '(+84) 98 765 43 21', '+84 (0) 987 654 321', '0084 987 654 321', '987654321', '０９８７６５４３２１'];
    for (const phone of variants) {
      const response = await register(t, unitId, { phone });
      expect({ phone, status: response.status, code: response.body.code }).toEqual({ phone, status: 409, code: 'AUTH.PHONE_TAKEN' });
      expect(response.body.statusCode).toBe(409);
      expect(response.body.message).toBe('Số điện thoại này đã được dùng cho một tài khoản khác.');
    }
    expect(await accountsWithNumber(t, '987654321')).toHaveLength(1);
  });

  it('lets exactly one of many simultaneous registrations of one number in different formats win', async () => {
    const formats = ['0903111222', '+84903111222', '84903111222', '0903 111 222', '090.311.1222', '+84 903 111 222', '(090) 311-1222', '903111222'];
    const responses = await Promise.all(formats.map((phone) => register(t, unitId, { phone })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) expect(response.body.code).toBe('AUTH.PHONE_TAKEN');
    expect(await accountsWithNumber(t, '903111222')).toEqual([{ phone: '0903111222' }]);
  });

  it.each([
    ['12345', 'too short'],
    ['0912 345 67', 'nine digits after the 0'],
    ['0912 345 6789', 'eleven digits'],
    ['0168 123 4567', 'an old 11-digit mobile prefix (converted in 2018)'],
    ['+84 168 123 4567', 'an old prefix in international form'],
    ['024 3825 1234', 'a landline (Hà Nội)'],
    ['0612 345 678', 'not a mobile range'],
    ['1900 1234', 'a service number'],
    ['+1 202 555 0100', 'a foreign number'],
    ['0912 345 678 ext 9', 'letters'],
    ['0912+345678', 'a plus inside'],
    ['không có', 'words'],
    ['0'.repeat(40), 'absurdly long'],
  ])('refuses %j (%s) with 400 VALIDATION naming phone, in words, not a validator code', async (phone) => {
    const response = await register(t, unitId, { phone }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'phone', message: 'Số điện thoại không hợp lệ.' }] });
  });

  it('says so in English when asked', async () => {
    const response = await register(t, unitId, { phone: 'abc' }).set('Accept-Language', 'en').expect(400);
    expect(response.body.details).toEqual([{ field: 'phone', message: 'Not a valid phone number.' }]);
  });

  it('still registers without a phone by default, and says the phone is optional', async () => {
    await register(t, unitId).expect(201);
    await register(t, unitId).expect(201);
    const settings = await t.http().get('/api/auth/registration-settings').expect(200);
    expect(settings.body).toEqual({ phoneRequired: false });
  });

  it('shows admins the stored form', async () => {
    const admin = await aUserWithRoles(t, unitId, ['admin']);
    const member = await register(t, unitId, { phone: '+84 33 444 5566', fullName: 'Đỗ Thị Hiển Thị' }).expect(201);
    const page = await t.http().get('/api/users').query({ search: 'Hiển Thị' }).set(...bearer(admin)).expect(200);
    expect(page.body.items).toEqual([expect.objectContaining({ id: member.body.user.id, phone: '0334445566' })]);
  });
});

describe('phones: REGISTER_REQUIRE_PHONE=true', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { REGISTER_RATE_LIMIT: '1000', REGISTER_REQUIRE_PHONE: 'true' } });
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  it('tells the client, without a token', async () => {
    const settings = await t.http().get('/api/auth/registration-settings').expect(200);
    expect(settings.body).toEqual({ phoneRequired: true });
  });

  it('refuses a registration without a phone: 400 naming phone, nothing created', async () => {
    const email = uniqueEmail();
    const response = await t.http().post('/api/auth/register').send({ fullName: 'Không Số', email, password: 'mat-khau-dai', unitId }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'phone', message: 'Trường này là bắt buộc.' }] });
    const english = await t
      .http()
      .post('/api/auth/register')
      .set('Accept-Language', 'en')
      .send({ fullName: 'Không Số', email, password: 'mat-khau-dai', unitId, phone: '  ' })
      .expect(400);
    expect(english.body.details).toEqual([{ field: 'phone', message: 'This field is required.' }]);
    const nothing = await t.http().post('/api/auth/register').send({ fullName: 'Không Số', email, password: 'mat-khau-dai', unitId, phone: null }).expect(400);
    expect(nothing.body.details).toEqual([{ field: 'phone', message: 'Trường này là bắt buộc.' }]);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [email]);
    expect(count).toBe(0);
  });

  it('registers with a phone, and the number is still unique', async () => {
    await register(t, unitId, { phone: '0356 789 012' }).expect(201);
    expect((await register(t, unitId, { phone: '+84356789012' }).expect(409)).body.code).toBe('AUTH.PHONE_TAKEN');
  });
});

describe('phones: accounts that look like the same person (organizers)', () => {
  let t: TestApp;
  let organizer: AuthResponse;
  let admin: AuthResponse;
  let member: AuthResponse;
  const units: Record<'north' | 'south' | 'staff', string> = { north: '', south: '', staff: '' };
  const ids: Record<string, string> = {};

  const person = async (key: string, unit: 'north' | 'south', fullName: string, phone?: string) => {
    const response = await register(t, units[unit], { fullName, ...(phone ? { phone } : {}) }).expect(201);
    ids[key] = response.body.user.id;
    return response.body as AuthResponse;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { REGISTER_RATE_LIMIT: '1000' } });
    units.north = (await aUnit(t, 'CĐCS Cảng Hải Phòng')).id;
    units.south = (await aUnit(t, 'CĐCS Cảng Sài Gòn')).id;
    units.staff = (await aUnit(t, 'Ban Tổ chức')).id;
    organizer = await aUserWithRoles(t, units.staff, ['organizer']);
    admin = await aUserWithRoles(t, units.staff, ['admin']);
    // Same name in the same unit, written three ways (case, diacritics, spaces, decomposed letters).
    member = await person('an1', 'north', 'Nguyễn Văn An', '0911000001');
    await person('an2', 'north', '  nguyễn   văn  AN '.normalize('NFD'));
    await person('an3', 'north', 'Nguyen Van An');
    // The same name in another unit is another person.
    await person('anSouth', 'south', 'Nguyễn Văn An');
    // Numbers one digit apart at the end, in one unit: a run of SIMs or invented numbers.
    await person('be', 'north', 'Trần Thị Bé', '0911000101');
    await person('ca', 'north', 'Lê Văn Cả', '0911000102');
    // The same run in another unit is not grouped with them.
    await person('du', 'south', 'Lý Thị Dự', '0911000103');
    // An account that lost its number to an older one when phones became unique.
    await person('em', 'south', 'Hoàng Văn Em');
    await t.dataSource.query(`UPDATE users SET phone_legacy = '0911000001' WHERE id = $1`, [ids.em]);
  });
  afterAll(async () => t?.close());

  const list = (query: Record<string, string | number> = {}, who: AuthResponse = organizer) =>
    t.http().get('/api/users/duplicates').query(query).set(...bearer(who));

  it('lists the groups, biggest first, each with its accounts oldest first', async () => {
    const response = await list().expect(200);
    expect(response.body.total).toBe(3);
    const groups = response.body.items as { reason: string; key: string; unitId: string | null; unitName: string | null; size: number; accounts: { id: string }[] }[];
    expect(groups.map((g) => [g.reason, g.size])).toEqual([
      ['SAME_NAME', 3],
      ['SAME_PHONE', 2],
      ['SIMILAR_PHONE', 2],
    ]);
    expect(groups[0]).toMatchObject({ key: 'nguyen van an', unitId: units.north, unitName: 'CĐCS Cảng Hải Phòng' });
    expect(groups[0].accounts.map((a) => a.id)).toEqual([ids.an1, ids.an2, ids.an3]);
    expect(groups[0].accounts[0]).toEqual({
      id: ids.an1,
      fullName: 'Nguyễn Văn An',
      email: expect.stringMatching(/@example\.org$/),
      phone: '0911000001',
      legacyPhone: null,
      unitId: units.north,
      unitName: 'CĐCS Cảng Hải Phòng',
      createdAt: expect.any(String),
    });
    expect(groups[1]).toMatchObject({ key: '0911000001', unitId: null, unitName: null });
    expect(groups[1].accounts).toEqual([
      expect.objectContaining({ id: ids.an1, phone: '0911000001', legacyPhone: null }),
      expect.objectContaining({ id: ids.em, phone: null, legacyPhone: '0911000001', unitName: 'CĐCS Cảng Sài Gòn' }),
    ]);
    expect(groups[2]).toMatchObject({ key: '091100010', unitId: units.north });
    expect(groups[2].accounts.map((a) => a.id)).toEqual([ids.be, ids.ca]);
  });

  it('filters by reason and by unit, and pages', async () => {
    expect((await list({ reason: 'SIMILAR_PHONE' }).expect(200)).body).toMatchObject({ total: 1, items: [{ reason: 'SIMILAR_PHONE' }] });
    const south = await list({ unitId: units.south }).expect(200);
    expect(south.body).toMatchObject({ total: 1, items: [{ reason: 'SAME_PHONE' }] });
    expect((await list({ unitId: units.staff }).expect(200)).body).toEqual({ items: [], total: 0 });
    const second = await list({ limit: 1, offset: 1 }).expect(200);
    expect(second.body).toMatchObject({ total: 3, items: [{ reason: 'SAME_PHONE' }] });
    expect((await list({ offset: 10 }).expect(200)).body).toEqual({ items: [], total: 3 });
  });

  it('is for organizers and admins only', async () => {
    await list({}, admin).expect(200);
    expect((await list({}, member).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http().get('/api/users/duplicates').expect(401);
    await list({ reason: 'SAME_EVERYTHING' }).expect(400);
    await list({ unitId: 'north' }).expect(400);
    await list({ limit: 0 }).expect(400);
  });

  it('keys names in the database exactly as the engine folds them', async () => {
    const names = ['Nguyễn Văn An', 'ĐẶNG  THỊ\u00a0NGỌC', ' Phạm\tHữu  Lộc ', 'Hoàng Thuỳ Linh'.normalize('NFD'), 'Trương Vĩnh Ký', 'Ưng Hoàng Phúc', 'José Müller Ñúñez'];
    for (const name of names) {
      const [row] = await t.dataSource.query('SELECT users_name_key($1) AS key', [name]);
      expect({ name, key: row.key }).toEqual({ name, key: foldVietnamese(name) });
    }
  });
});

describe('phones: the migration and the phones already stored', () => {
  let t: TestApp;
  const MIGRATION = 'PhoneNumbers1796267199000';

  beforeAll(async () => {
    t = await startTestApp({ env: { REGISTER_RATE_LIMIT: '1000' } });
  });
  afterAll(async () => t?.close());

  it('normalizes them, keeps each number on its oldest account, keeps the others as legacy, and never fails', async () => {
    // Back to the schema before the migration (and any after it), with the phones as they were stored.
    while ((await t.dataSource.query('SELECT name FROM migrations')).some((m: { name: string }) => m.name === MIGRATION)) {
      await t.dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [unit] = await t.dataSource.query(`INSERT INTO units (name) VALUES ('CĐCS Cũ') RETURNING id`);
    const legacy: [string, string | null, string, string][] = [
      ['oldest', '0912 000 111', '2020-01-01T00:00:00Z', 'Nguyễn  Văn AN'],
      ['second', '+84912000111', '2020-02-01T00:00:00Z', 'Trần Thị Hai'],
      ['third', '84 912 000 111', '2020-03-01T00:00:00Z', 'Lê Văn Ba'],
      ['landline1', '024 3825 1234', '2020-01-01T00:00:00Z', 'Phòng Hành chính'],
      ['landline2', '024 3825 1234', '2020-01-02T00:00:00Z', 'Phòng Kế toán'],
      ['oldPrefix', '0168 123 4567', '2020-01-01T00:00:00Z', 'Vũ Văn Cũ'],
      ['blank', '   ', '2020-01-01T00:00:00Z', 'Đào Thị Trống'],
      ['empty', '', '2020-01-01T00:00:00Z', 'Đào Thị Rỗng'],
      ['none', null, '2020-01-01T00:00:00Z', 'Mai Văn Không'],
      ['plain', '033.444.5566', '2020-01-01T00:00:00Z', 'Hồ Thị Thường'],
      ['tieA', '0977 000 222', '2021-01-01T00:00:00Z', 'Cùng Giờ A'],
      ['tieB', '+84977000222', '2021-01-01T00:00:00Z', 'Cùng Giờ B'],
    ];
    const ids: Record<string, string> = {};
    for (const [key, phone, createdAt, fullName] of legacy) {
      const [row] = await t.dataSource.query(
        `INSERT INTO users (full_name, email, password_hash, phone, unit_id, created_at) VALUES ($1, $2, 'x', $3, $4, $5) RETURNING id`,
        [fullName, uniqueEmail(key), phone, unit.id, createdAt],
      );
      ids[key] = row.id;
    }

    await t.dataSource.runMigrations({ transaction: 'each' });

    const rows: { id: string; phone: string | null; phone_legacy: string | null; name_key: string }[] = await t.dataSource.query(
      'SELECT id, phone, phone_legacy, name_key FROM users WHERE unit_id = $1',
      [unit.id],
    );
    const byKey = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, rows.find((r) => r.id === id)!]));
    const stored = (key: string) => ({ phone: byKey[key].phone, legacy: byKey[key].phone_legacy });
    expect(stored('oldest')).toEqual({ phone: '0912000111', legacy: null });
    expect(stored('second')).toEqual({ phone: null, legacy: '0912000111' });
    expect(stored('third')).toEqual({ phone: null, legacy: '0912000111' });
    expect(stored('landline1')).toEqual({ phone: null, legacy: '024 3825 1234' });
    expect(stored('landline2')).toEqual({ phone: null, legacy: '024 3825 1234' });
    expect(stored('oldPrefix')).toEqual({ phone: null, legacy: '0168 123 4567' });
    expect(stored('blank')).toEqual({ phone: null, legacy: null });
    expect(stored('empty')).toEqual({ phone: null, legacy: null });
    expect(stored('none')).toEqual({ phone: null, legacy: null });
    expect(stored('plain')).toEqual({ phone: '0334445566', legacy: null });
    const [tieWinner, tieLoser] = [ids.tieA, ids.tieB].sort();
    expect([rows.find((r) => r.id === tieWinner)!.phone, rows.find((r) => r.id === tieLoser)!.phone_legacy]).toEqual(['0977000222', '0977000222']);
    expect(byKey.oldest.name_key).toBe('nguyen van an');

    // From now on the number is taken, in any format; the accounts that lost it are listed.
    const registered = await t.http().post('/api/auth/register').send({ fullName: 'Người Mới', email: uniqueEmail(), password: 'mat-khau-dai', unitId: unit.id, phone: '+84 912 000 111' });
    expect(registered.status).toBe(409);
    expect(registered.body.code).toBe('AUTH.PHONE_TAKEN');
    const organizer = await aUserWithRoles(t, unit.id, ['organizer']);
    const report = await t.http().get('/api/users/duplicates').query({ reason: 'SAME_PHONE' }).set(...bearer(organizer)).expect(200);
    const groups = report.body.items.map((g: { key: string; accounts: { id: string }[] }) => [g.key, g.accounts.map((a) => a.id).sort()]);
    expect(groups).toEqual(
      expect.arrayContaining([
        ['0912000111', [ids.oldest, ids.second, ids.third].sort()],
        ['024 3825 1234', [ids.landline1, ids.landline2].sort()],
        ['0977000222', [ids.tieA, ids.tieB].sort()],
      ]),
    );
    expect(report.body.total).toBe(3);
  });
});
