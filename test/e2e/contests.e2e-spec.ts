import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aMember, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('contest list: the first screen', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  it('is an empty page before any contest is published', async () => {
    const response = await t.http().get('/api/contests').expect(200);
    expect(response.body).toEqual({ items: [], total: 0 });
  });

  it('shows visitors and members only published and finished contests, newest first, paginated', async () => {
    const insert = (title: string, status: string, createdAt: string) =>
      t.dataSource.query(`INSERT INTO contests (title, kind, status, created_at) VALUES ($1, 'quiz', $2, $3) RETURNING id`, [title, status, createdAt]);
    await insert('Bản nháp', 'draft', '2026-11-20T00:00:00Z');
    const [older] = await insert('Tìm hiểu Nghị quyết Đại hội XIII', 'finished', '2026-10-01T00:00:00Z');
    const [newer] = await insert('Tìm hiểu pháp luật về bầu cử', 'published', '2026-11-01T00:00:00Z');

    const all = await t.http().get('/api/contests').expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([newer.id, older.id]);
    expect(all.body.items[0]).toMatchObject({ title: 'Tìm hiểu pháp luật về bầu cử', kind: 'quiz', status: 'published', rounds: [] });

    const page = await t.http().get('/api/contests?limit=1&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 2, items: [{ id: older.id }] });

    const member = await aMember(t, unitId);
    expect((await t.http().get('/api/contests').set(...bearer(member)).expect(200)).body.total).toBe(2);
    const organizer = await aUserWithRoles(t, unitId, ['organizer']);
    expect((await t.http().get('/api/contests').set(...bearer(organizer)).expect(200)).body.total).toBe(3);

    // Asking for drafts without the right to see them is an empty page, not an error.
    expect((await t.http().get('/api/contests?status=draft').set(...bearer(member)).expect(200)).body).toEqual({ items: [], total: 0 });
    expect((await t.http().get('/api/contests?status=draft').set(...bearer(organizer)).expect(200)).body.total).toBe(1);

    const [draft] = await t.dataSource.query(`SELECT id FROM contests WHERE status = 'draft'`);
    await t.http().get(`/api/contests/${draft.id}`).expect(404);
    await t.http().get(`/api/contests/${draft.id}`).set(...bearer(organizer)).expect(200);
    await t.http().get(`/api/contests/${newer.id}`).expect(200);
  });

  it('refuses bad paging with 400', async () => {
    for (const query of ['limit=0', 'limit=1000', 'offset=-1', 'limit=abc', 'status=open']) {
      const response = await t.http().get(`/api/contests?${query}`).expect(400);
      expect(response.body.code).toBe('VALIDATION');
    }
  });
});
