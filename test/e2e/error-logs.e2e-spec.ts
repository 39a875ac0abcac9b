/**
 * Issue 16 item 6: error logs never contain a failed statement's values. The database is made to
 * refuse (a CHECK constraint that fails every new row, NOT VALID so existing rows stay), a
 * registration and an essay then fail with a 500 that is logged, and the captured log lines hold the
 * error (its SQLSTATE, its placeholder query) but neither the password hash, the essay nor the row
 * PostgreSQL's detail would have quoted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { aUnit, uniqueEmail } from '../support/builders.js';
import { anEssayRound, insertPeople } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

describe('error logs without query parameters', () => {
  let t: TestApp;
  let clock: FakeClock;
  const lines: string[] = [];

  beforeAll(async () => {
    clock = new FakeClock();
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp({ clock, env: { LOG_LEVEL: 'error' }, logDestination: destination });
  });

  afterAll(async () => {
    await t?.close();
  });

  /** The error lines logged since `from`, once the stream has flushed them. */
  async function errorLinesSince(from: number): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    return lines.slice(from).join('');
  }

  it('logs a refused registration with its SQLSTATE but without the password hash, the name or the failing row', async () => {
    const unit = await aUnit(t);
    await t.dataSource.query('ALTER TABLE users ADD CONSTRAINT test_refuse_new_users CHECK (false) NOT VALID');
    const from = lines.length;
    const fullName = 'Nguyễn Văn Bí Mật Đăng Ký';
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ fullName, email: uniqueEmail('secret'), password: 'mat-khau-khong-duoc-ghi-log', unitId: unit.id })
      .expect(500);
    await t.dataSource.query('ALTER TABLE users DROP CONSTRAINT test_refuse_new_users');

    const logged = await errorLinesSince(from);
    expect(logged).toContain(String(response.body.requestId));
    expect(logged).toContain('23514');
    expect(logged).toContain('test_refuse_new_users');
    expect(logged).toMatch(/INSERT INTO .{0,4}users.{0,4}\(.*VALUES \(DEFAULT, \$1, \$2, \$3/);
    expect(logged).not.toContain('$argon2');
    expect(logged).not.toContain(fullName);
    expect(logged).not.toContain('mat-khau-khong-duoc-ghi-log');
    expect(logged).not.toContain('Failing row');
    expect(logged).not.toContain('"parameters"');
  });

  it('logs a refused essay without its text', async () => {
    const unitId = (await aUnit(t, 'CĐCS Nhật ký lỗi')).id;
    const [organizer, author] = await insertPeople(t, [{ unitId, roles: ['organizer'] }, { unitId }]);
    const { roundId } = await anEssayRound(t, organizer!, { now: clock.now() });
    await t.dataSource.query('ALTER TABLE essay_entries ADD CONSTRAINT test_refuse_new_entries CHECK (false) NOT VALID');
    const from = lines.length;
    const body = 'Bài viết riêng tư của đoàn viên về người thợ hàn ở cảng Đà Nẵng không được ghi vào nhật ký';
    await t
      .http()
      .post(`/api/rounds/${roundId}/entries`)
      .set('Authorization', `Bearer ${author!.accessToken}`)
      .send({ title: 'Người thợ hàn', body })
      .expect(500);
    await t.dataSource.query('ALTER TABLE essay_entries DROP CONSTRAINT test_refuse_new_entries');

    const logged = await errorLinesSince(from);
    expect(logged).toContain('test_refuse_new_entries');
    expect(logged).not.toContain('thợ hàn');
    expect(logged).not.toContain('Failing row');
  });
});
