/**
 * A regrade of a live round works in batches of members, each its own short transaction, so a member's
 * rows are never held for the length of the whole regrade (issue 16 item 6). Server only: the proof
 * holds a row lock from a second connection while the API regrades, which the embedded default's one
 * connection cannot do.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aTopic, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

describe('a regrade of a live round commits member by member', () => {
  let t: TestApp;
  let organizer: AuthResponse;
  let unitId: string;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { REGRADE_BATCH_USERS: '1', DATABASE_LOCK_TIMEOUT_MS: '60000' } });
    unitId = (await aUnit(t)).id;
    organizer = await aUserWithRoles(t, unitId, ['organizer']);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await t?.close();
  });

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: t.config.databaseUrl! });
    await client.connect();
    clients.push(client);
    return client;
  }

  const http = () => t.http();
  const scoreOf = async (attemptId: string): Promise<number> =>
    (await t.dataSource.query('SELECT score::float AS score FROM attempts WHERE id = $1', [attemptId]))[0].score;

  it('releases each batch before the next: a member held elsewhere does not hold the others', async () => {
    const topic = await aTopic(t, organizer, 'Luật Công đoàn 2024');
    const question = (
      await http()
        .post('/api/questions')
        .set(...bearer(organizer))
        .send({
          topicId: topic.id,
          type: 'single',
          text: 'Luật Công đoàn 2024 có hiệu lực từ ngày nào?',
          options: [
            { text: '01/7/2025', correct: false },
            { text: '01/01/2025', correct: true },
            { text: '01/7/2024', correct: false },
          ],
          points: 1,
        })
        .expect(201)
    ).body;
    const contest = (await http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Tìm hiểu Luật Công đoàn', kind: 'quiz' }).expect(201)).body;
    const now = Date.now();
    const round = (
      await http()
        .post(`/api/contests/${contest.id}/rounds`)
        .set(...bearer(organizer))
        .send({
          title: 'Tuần 1',
          opensAt: new Date(now - HOUR).toISOString(),
          closesAt: new Date(now + 2 * HOUR).toISOString(),
          timeLimitSeconds: 600,
          maxAttempts: 1,
          blueprint: [{ topicId: topic.id, count: 1 }],
        })
        .expect(201)
    ).body;
    await http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(200);

    // Three members answer the first option: wrong now, right once the key is corrected.
    const [wrongNow] = question.options.map((o: { id: string }) => o.id);
    const taken: { userId: string; attemptId: string }[] = [];
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) {
      const member = await aMember(t, unitId, { fullName: name });
      const attempt = (await http().post(`/api/rounds/${round.id}/attempts`).set(...bearer(member)).expect(201)).body;
      await http().put(`/api/attempts/${attempt.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: [wrongNow] }).expect(200);
      expect((await http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({}).expect(200)).body.score).toBe(0);
      taken.push({ userId: member.user.id, attemptId: attempt.id });
    }
    // The regrade walks members in user id order.
    taken.sort((a, b) => a.userId.localeCompare(b.userId));
    const [first, , last] = taken;

    await http()
      .patch(`/api/questions/${question.id}`)
      .set(...bearer(organizer))
      .send({ options: question.options.map((o: { id: string; text: string }) => ({ id: o.id, text: o.text, correct: o.id === wrongNow })) })
      .expect(200);

    // Another transaction holds the last member's participant row, as a submit or a save would.
    const holder = await connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM round_participants WHERE round_id = $1 AND user_id = $2 FOR UPDATE', [round.id, last.userId]);

    const regrade = http().post(`/api/rounds/${round.id}/regrade`).set(...bearer(organizer)).send({}).then((response) => response);

    // The first member's batch commits while the last member is still held…
    const deadline = Date.now() + 30_000;
    while ((await scoreOf(first.attemptId)) !== 1) {
      if (Date.now() > deadline) throw new Error('the first batch never committed while another member was held');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await scoreOf(last.attemptId)).toBe(0);
    // …and its rows are free again: nobody holds them while the regrade waits for the last member.
    const probe = await connect();
    await probe.query('BEGIN');
    await expect(
      probe.query('SELECT 1 FROM round_participants WHERE round_id = $1 AND user_id = $2 FOR UPDATE NOWAIT', [round.id, first.userId]),
    ).resolves.toMatchObject({ rowCount: 1 });
    await expect(probe.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE NOWAIT', [first.attemptId])).resolves.toMatchObject({ rowCount: 1 });
    await probe.query('ROLLBACK');

    await holder.query('COMMIT');
    const response = await regrade;
    expect(response.status).toBe(200);
    expect(response.body.changed).toHaveLength(3);
    for (const { attemptId } of taken) expect(await scoreOf(attemptId)).toBe(1);

    // One log entry holds every change, and the audit says so once.
    const log = (await http().get(`/api/rounds/${round.id}/regrades`).set(...bearer(organizer)).expect(200)).body.items;
    expect(log).toHaveLength(1);
    expect(log[0].changed.map((c: { attemptId: string }) => c.attemptId).sort()).toEqual(taken.map((c) => c.attemptId).sort());
    const audits = await t.dataSource.query(`SELECT details FROM audit_log WHERE action = 'round.regrade' AND target_id = $1`, [round.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ regradeId: log[0].id, changedAttempts: 3 });

    // Nothing is left to do.
    const again = await http().post(`/api/rounds/${round.id}/regrade`).set(...bearer(organizer)).send({}).expect(200);
    expect(again.body).toMatchObject({ questions: [], changed: [], regradeId: null });
  });
});
