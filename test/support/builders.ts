/** Builders for test data through the public API (what a real client would do). */
import { randomBytes } from 'node:crypto';
import type { AuthResponse, UnitResponse } from '@hoi-thi/contracts';
import { Clock } from '../../apps/api/src/common/clock.js';
import type { TestApp } from './test-app.js';
import { DataSource } from 'typeorm';


export function uniqueEmail(prefix = 'member'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.org`;
}

/** Inserts a unit straight into the table (no organizer exists yet in a fresh database). */
export async function aUnit(t: TestApp, name = 'CĐCS Báo Thanh Niên', parentId: string | null = null, memberCount = 100): Promise<UnitResponse> {
  const [row] = await t.app
    .get(DataSource)
    .query('INSERT INTO units (name, parent_id, member_count) VALUES ($1, $2, $3) RETURNING id', [name, parentId, memberCount]);
  return { id: row.id, name, parentId, memberCount };
}

export async function aMember(
  t: TestApp,
  unitId: string,
  overrides: Partial<{ fullName: string; email: string; password: string; phone: string }> = {},
): Promise<AuthResponse & { password: string }> {
  const password = overrides.password ?? 'mat-khau-an-toan';
  const response = await t
    .http()
    .post('/api/auth/register')
    .send({ fullName: overrides.fullName ?? 'Nguyễn Văn An', email: overrides.email ?? uniqueEmail(), password, unitId, ...(overrides.phone ? { phone: overrides.phone } : {}) })
    .expect(201);
  return { ...(response.body as AuthResponse), password };
}

/** A user with extra roles: registered as a member, then promoted in the database, then logged in again. */
export async function aUserWithRoles(t: TestApp, unitId: string, roles: string[]): Promise<AuthResponse> {
  const member = await aMember(t, unitId, { fullName: `Cán bộ ${roles.join(' ')}` });
  await t.dataSource.query('UPDATE users SET roles = $1 WHERE id = $2', [roles, member.user.id]);
  const login = await t.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(200);
  return login.body as AuthResponse;
}

export function bearer(auth: { accessToken: string }): [string, string] {
  return ['Authorization', `Bearer ${auth.accessToken}`];
}

export async function aTopic(t: TestApp, organizer: AuthResponse, name = 'Luật Bầu cử 2015', parentId?: string): Promise<{ id: string; name: string }> {
  const response = await t
    .http()
    .post('/api/topics')
    .set(...bearer(organizer))
    .send({ name, ...(parentId ? { parentId } : {}) })
    .expect(201);
  return response.body;
}

export function aSingleChoice(topicId: string, text = 'Tuổi tối thiểu để được bầu cử là bao nhiêu?') {
  return {
    topicId,
    type: 'single',
    text,
    options: [
      { text: '16 tuổi', correct: false },
      { text: 'Đủ 18 tuổi', correct: true },
      { text: '21 tuổi', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Hiến pháp 2013, Điều 27: công dân đủ mười tám tuổi trở lên có quyền bầu cử.',
  };
}

export interface QuizSetup {
  organizer: AuthResponse;
  topicId: string;
  contestId: string;
  roundId: string;
  /** questionId → correct option ids (as created). */
  keys: Map<string, string[]>;
}

export interface QuizOptions {
  questions?: number;
  /** Questions of type `multiple` among them (the first n). */
  multiple?: number;
  round?: Record<string, unknown>;
  contest?: Record<string, unknown>;
  publish?: boolean;
  /** The test's clock now: the round opens an hour before and closes a week after, unless `round` says otherwise. */
  now?: Date;
}

/**
 * A published quiz contest with one open round drawing every question of a fresh topic, through
 * the organizer API: the builder for attempt tests.
 */
export async function aQuizRound(t: TestApp, unitId: string, options: QuizOptions = {}): Promise<QuizSetup> {
  const organizer = await aUserWithRoles(t, unitId, ['organizer']);
  const topic = await aTopic(t, organizer, `Chủ đề ${randomBytes(4).toString('hex')}`);
  const count = options.questions ?? 5;
  const keys = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const multiple = i < (options.multiple ?? 0);
    const body = multiple
      ? {
          topicId: topic.id,
          type: 'multiple',
          text: `Câu ${i + 1}: những quyền nào là quyền của cử tri?`,
          options: [
            { text: 'Bầu cử', correct: true },
            { text: 'Ứng cử', correct: true },
            { text: 'Bỏ phiếu thay người khác', correct: false },
            { text: 'Sửa phiếu bầu', correct: false },
          ],
        }
      : aSingleChoice(topic.id, `Câu ${i + 1}: tuổi tối thiểu để được bầu cử là bao nhiêu?`);
    const created = await t.http().post('/api/questions').set(...bearer(organizer)).send(body).expect(201);
    keys.set(created.body.id, created.body.options.filter((o: { correct: boolean }) => o.correct).map((o: { id: string }) => o.id));
  }
  const contest = await t
    .http()
    .post('/api/contests')
    .set(...bearer(organizer))
    .send({ title: 'Tìm hiểu pháp luật về bầu cử', kind: 'quiz', ...options.contest })
    .expect(201);
  // The app's own clock (a test's FakeClock, or the real one): a fixed date here would close the round one day.
  const now = options.now ?? t.app.get(Clock).now();
  const round = await t
    .http()
    .post(`/api/contests/${contest.body.id}/rounds`)
    .set(...bearer(organizer))
    .send({
      title: 'Tuần 1',
      opensAt: new Date(now.getTime() - 3600_000).toISOString(),
      closesAt: new Date(now.getTime() + 7 * 24 * 3600_000).toISOString(),
      timeLimitSeconds: 600,
      maxAttempts: 3,
      blueprint: [{ topicId: topic.id, count }],
      predictionQuestion: 'Có bao nhiêu người tham gia tuần thi này?',
      ...options.round,
    })
    .expect(201);
  if (options.publish !== false) await t.http().post(`/api/contests/${contest.body.id}/publish`).set(...bearer(organizer)).expect(200);
  return { organizer, topicId: topic.id, contestId: contest.body.id, roundId: round.body.id, keys };
}
