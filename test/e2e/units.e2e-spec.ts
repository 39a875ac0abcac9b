import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aMember, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { AuthResponse } from '@hoi-thi/contracts';

describe('units: the CĐCS → LĐLĐ → TLĐ tree', () => {
  let t: TestApp;
  let organizer: AuthResponse;
  let member: AuthResponse;
  let rootId: string;

  beforeAll(async () => {
    t = await startTestApp();
    rootId = (await aUnit(t, 'Tổng Liên đoàn Lao động Việt Nam', null, 0)).id;
    organizer = await aUserWithRoles(t, rootId, ['organizer']);
    member = await aMember(t, rootId);
  });
  afterAll(async () => t?.close());

  it('lets an organizer build the tree, and anyone read it', async () => {
    const ldld = await t
      .http()
      .post('/api/units')
      .set(...bearer(organizer))
      .send({ name: '  Liên đoàn Lao động thành phố Hà Nội ', parentId: rootId })
      .expect(201);
    expect(ldld.body).toEqual({ id: expect.any(String), name: 'Liên đoàn Lao động thành phố Hà Nội', parentId: rootId, memberCount: 0 });
    const cdcs = await t
      .http()
      .post('/api/units')
      .set(...bearer(organizer))
      .send({ name: 'CĐCS Trường THCS Vĩnh Tuy', parentId: ldld.body.id, memberCount: 72 })
      .expect(201);

    const list = await t.http().get('/api/units').expect(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        { id: rootId, name: 'Tổng Liên đoàn Lao động Việt Nam', parentId: null, memberCount: 0 },
        ldld.body,
        { id: cdcs.body.id, name: 'CĐCS Trường THCS Vĩnh Tuy', parentId: ldld.body.id, memberCount: 72 },
      ]),
    );

    const updated = await t.http().patch(`/api/units/${cdcs.body.id}`).set(...bearer(organizer)).send({ memberCount: 80 }).expect(200);
    expect(updated.body.memberCount).toBe(80);
  });

  it('refuses bad units with clear errors and writes nothing', async () => {
    const before = (await t.http().get('/api/units')).body.length;
    const unknownParent = await t
      .http()
      .post('/api/units')
      .set(...bearer(organizer))
      .send({ name: 'CĐCS ma', parentId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknownParent.body.details).toEqual([{ field: 'parentId', message: 'Đơn vị không tồn tại.' }]);
    const negative = await t.http().post('/api/units').set(...bearer(organizer)).send({ name: 'CĐCS âm', memberCount: -1 }).expect(400);
    expect(negative.body.details[0].field).toBe('memberCount');
    await t.http().post('/api/units').set(...bearer(organizer)).send({ name: '   ' }).expect(400);
    await t.http().patch('/api/units/00000000-0000-4000-8000-000000000000').set(...bearer(organizer)).send({ memberCount: 1 }).expect(404);
    expect((await t.http().get('/api/units')).body.length).toBe(before);
  });

  it('keeps members and visitors from changing units', async () => {
    await t.http().post('/api/units').send({ name: 'CĐCS khách' }).expect(401);
    const forbidden = await t.http().post('/api/units').set(...bearer(member)).send({ name: 'CĐCS đoàn viên' }).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
  });
});
