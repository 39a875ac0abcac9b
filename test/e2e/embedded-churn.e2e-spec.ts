import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { EmbeddedMaintenance } from '../../apps/api/src/database/embedded-maintenance.js';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface PoolInternals {
  _clients: { connection: { stream: { destroy(): void } } }[];
  totalCount: number;
}
const poolOf = (dataSource: DataSource) => (dataSource.driver as unknown as { master: PoolInternals }).master;

/**
 * The embedded database is one PostgreSQL session behind pglite-socket: it outlives every pg
 * connection. Named statements (and anything else a session keeps) must not break when the app's
 * connection is replaced — by the pool's idle close, a broken socket, or a restarted pool.
 */
describe('embedded database: named statements across connection churn', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoithi-churn-'));
  const IDLE_MS = 150;
  let t: TestApp;
  let quiz: QuizSetup;
  let unitId: string;

  beforeAll(async () => {
    // Shorter than any wait below, so each quiet gap closes the pool's connection.
    t = await startTestApp({ embeddedDataDir: dataDir, env: { DATABASE_IDLE_TIMEOUT_MS: String(IDLE_MS) } });
    unitId = (await aUnit(t)).id;
    quiz = await aQuizRound(t, unitId, { questions: 4 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /**
   * A quiet gap in which the pool closes its idle connection. On a busy machine the idle timer (and
   * a batched save's release) can fire late: wait for the close, up to 10 s, rather than a fixed time.
   */
  const idle = async () => {
    await sleep(IDLE_MS * 3);
    for (let waited = 0; poolOf(t.dataSource).totalCount > 0 && waited < 10_000; waited += 25) await sleep(25);
  };

  it('answers again after the pool closed its idle connection (the 500 of a quiet server)', async () => {
    const member = await aMember(t, unitId);
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    const [q1, q2, q3] = started.body.questions;
    await t.http().put(`/api/attempts/${started.body.id}/answers/${q1.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q1.id) }).expect(200);

    await idle();
    expect(poolOf(t.dataSource).totalCount).toBe(0); // the connection really was closed

    await t.http().put(`/api/attempts/${started.body.id}/answers/${q2.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q2.id) }).expect(200);
    await idle();
    await t.http().put(`/api/attempts/${started.body.id}/answers/${q3.id}`).set(...bearer(member)).send({ optionIds: [] }).expect(200);
    await idle();
    const submitted = await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({ prediction: 3 }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', correctCount: 2 });
    await idle();
    // A second attempt after a quiet gap prepares the start statements again.
    const again = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    await t.http().put(`/api/attempts/${again.body.id}/answers/${again.body.questions[0].id}`).set(...bearer(member)).send({ optionIds: [] }).expect(200);
  });

  it('answers again after the connection broke under it', async () => {
    const member = await aMember(t, unitId);
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    const [q1, q2] = started.body.questions;
    await t.http().put(`/api/attempts/${started.body.id}/answers/${q1.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q1.id) }).expect(200);

    const pool = poolOf(t.dataSource);
    expect(pool._clients.length).toBe(1);
    pool._clients[0].connection.stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));

    await t.http().put(`/api/attempts/${started.body.id}/answers/${q2.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q2.id) }).expect(200);
    const submitted = await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({ prediction: 3 }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', correctCount: 2 });
  });

  it('a broken connection in the middle of a transaction leaves nothing of it behind', async () => {
    const pool = poolOf(t.dataSource);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`INSERT INTO units (name, member_count) VALUES ('CĐCS chưa ghi', 1)`);
    pool._clients[0].connection.stream.destroy();
    await runner.release().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM units WHERE name = 'CĐCS chưa ghi'`);
    expect(rows[0].n).toBe(0);
    const member = await aMember(t, unitId);
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    await t.http().put(`/api/attempts/${started.body.id}/answers/${started.body.questions[0].id}`).set(...bearer(member)).send({ optionIds: [] }).expect(200);
  });

  it('answers again after the pool was closed and opened again', async () => {
    const member = await aMember(t, unitId);
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    const [q1, q2] = started.body.questions;
    await t.http().put(`/api/attempts/${started.body.id}/answers/${q1.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q1.id) }).expect(200);

    await t.dataSource.destroy();
    await t.dataSource.initialize();

    await t.http().put(`/api/attempts/${started.body.id}/answers/${q2.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q2.id) }).expect(200);
    const submitted = await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({ prediction: 3 }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', correctCount: 2 });
  });

  it('vacuums and analyzes every table, since PGlite runs no autovacuum', async () => {
    const stats = async () =>
      (await t.dataSource.query(
        `SELECT c.reltuples::float8 AS reltuples, s.last_vacuum FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'attempt_answers'`,
      ))[0] as { reltuples: number; last_vacuum: Date | null };
    expect(await stats()).toEqual({ reltuples: -1, last_vacuum: null }); // never analyzed, never vacuumed

    const tables = await t.app.get(EmbeddedMaintenance).run();
    expect(tables).toEqual(expect.arrayContaining(['public.attempt_answers', 'public.attempts', 'public.round_participants', 'public.users']));
    const after = await stats();
    expect(after.reltuples).toBeGreaterThan(0);
    expect(after.last_vacuum).not.toBeNull();
    // The app goes on as before.
    const member = await aMember(t, unitId);
    await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
  });

  it('a new connection starts from a fresh session: no setting, advisory lock or listener of the last one', async () => {
    const pool = poolOf(t.dataSource);
    await t.dataSource.query(`SET application_name = 'left-behind'`);
    await t.dataSource.query('SELECT pg_advisory_lock(4242)');
    await t.dataSource.query('LISTEN left_behind');
    pool._clients[0].connection.stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const [state] = await t.dataSource.query(
      `SELECT current_setting('application_name') AS name,
              (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory') AS advisory,
              (SELECT count(*)::int FROM pg_listening_channels()) AS listening`,
    );
    expect(state).toEqual({ name: expect.not.stringMatching('left-behind'), advisory: 0, listening: 0 });
  });
});
