import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { bearer } from '../support/builders.js';
import { startTestApp } from '../support/test-app.js';

/**
 * The embedded mode `npm start` uses: PGlite in DATA_DIR, no server. One PGlite boot costs a few
 * seconds, so this file boots it only a handful of times.
 */
describe('embedded database (PGlite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoithi-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates a fresh folder, loads the demo, and keeps data and sessions across a restart', async () => {
    const first = await startTestApp({ embeddedDataDir: dataDir, env: { DEMO_DATA: 'true' } });
    let token: string;
    let userId: string;
    try {
      const health = await first.http().get('/api/health').expect(200);
      expect(health.body.database).toEqual({ status: 'up', mode: 'embedded' });

      const units = (await first.http().get('/api/units').expect(200)).body as { id: string; name: string }[];
      const names = units.map((u) => u.name);
      expect(names).toEqual(expect.arrayContaining(['Công đoàn cơ quan Trung ương Đoàn', 'CĐCS Báo Thanh Niên', 'CĐCS Báo Tiền Phong', 'CĐCS Học viện Thanh thiếu niên Việt Nam']));
      const [{ count: staff }] = await first.dataSource.query(
        `SELECT count(*)::int AS count FROM users WHERE roles && ARRAY['admin','organizer','judge']::text[]`,
      );
      expect(staff).toBeGreaterThanOrEqual(3);
      const bank = await first.dataSource.query(
        `SELECT t.name, count(*)::int AS questions, count(v.explanation)::int AS explained
         FROM questions q JOIN topics t ON t.id = q.topic_id JOIN question_versions v ON v.id = q.current_version_id GROUP BY t.name`,
      );
      expect(bank).toHaveLength(2);
      expect(bank.reduce((sum: number, row: { questions: number }) => sum + row.questions, 0)).toBeGreaterThanOrEqual(60);
      expect(bank.every((row: { questions: number; explained: number }) => row.explained === row.questions)).toBe(true);

      const unitId = units.find((u) => u.name === 'CĐCS Báo Tiền Phong')!.id;
      const registered = await first
        .http()
        .post('/api/auth/register')
        .send({ fullName: 'Vũ Thị Lan', email: 'lan.vu@example.org', password: 'mat-khau-dai', unitId })
        .expect(201);
      userId = registered.body.user.id;
      const login = await first.http().post('/api/auth/login').send({ email: 'lan.vu@example.org', password: 'mat-khau-dai' }).expect(200);
      token = login.body.accessToken;

      // The demo contest runs now; on the one embedded connection a whole attempt goes through.
      const contests = await first.http().get('/api/contests').expect(200);
      expect(contests.body.items).toEqual([expect.objectContaining({ title: 'Tìm hiểu pháp luật về bầu cử', status: 'published' })]);
      const [week1] = contests.body.items[0].rounds;
      expect(week1).toMatchObject({ phase: 'open', timeLimitSeconds: 1200, maxAttempts: 3, questionCount: 20, predictionQuestion: expect.any(String) });
      const attempt = await first.http().post(`/api/rounds/${week1.id}/attempts`).set(...bearer({ accessToken: token })).expect(201);
      expect(attempt.body.questions).toHaveLength(20);
      expect(new Date(attempt.body.deadline).getTime() - new Date(attempt.body.startedAt).getTime()).toBe(1_200_000);
      const [question] = attempt.body.questions;
      await first
        .http()
        .put(`/api/attempts/${attempt.body.id}/answers/${question.id}`)
        .set(...bearer({ accessToken: token }))
        .send({ optionIds: [question.options[0].id] })
        .expect(200);
      const submitted = await first.http().post(`/api/attempts/${attempt.body.id}/submit`).set(...bearer({ accessToken: token })).send({ prediction: 1 }).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', maxScore: 20, prediction: 1 });
    } finally {
      await first.close();
    }

    const second = await startTestApp({ embeddedDataDir: dataDir, env: { DEMO_DATA: 'true' } });
    try {
      // Same data, the demo not loaded twice, and the kept JWT secret still accepts the old token.
      const me = await second.http().get('/api/auth/me').set(...bearer({ accessToken: token })).expect(200);
      expect(me.body).toMatchObject({ id: userId, email: 'lan.vu@example.org' });
      await second.http().post('/api/auth/login').send({ email: 'lan.vu@example.org', password: 'mat-khau-dai' }).expect(200);
      const [{ count }] = await second.dataSource.query(`SELECT count(*)::int AS count FROM units WHERE name = 'CĐCS Báo Thanh Niên'`);
      expect(count).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('keeps committed data after the process is killed, and reopens despite the stale lock', async () => {
    // A separate process writes to the folder the way the app does, then is killed with SIGKILL.
    const child = spawn(process.execPath, [join(import.meta.dirname, '../support/pglite-writer.mjs'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('committed') && resolve());
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const app = await startTestApp({ embeddedDataDir: dataDir, env: { DEMO_DATA: 'true' } });
    try {
      const units = (await app.http().get('/api/units').expect(200)).body as { name: string; memberCount: number }[];
      expect(units).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'CĐCS ghi trước khi dừng', memberCount: 7 })]));
    } finally {
      await app.close();
    }
  });

  it('refuses a folder another live process is using', async () => {
    const busyDir = mkdtempSync(join(tmpdir(), 'hoithi-busy-'));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(busyDir, 'pglite.pid'), String(sleeper.pid));
      await expect(EmbeddedPostgres.start(busyDir)).rejects.toThrow(/in use by process/);
    } finally {
      sleeper.kill('SIGKILL');
      rmSync(busyDir, { recursive: true, force: true });
    }
  });
});
