import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aSingleChoice, aUnit, bearer } from '../support/builders.js';
import { essayBody, scoresOf } from '../support/essays.js';
import { type FuzzCase as Case, type FuzzRequest, requestArbitrary, seedOf, sweepRequests } from '../support/security/fuzz-requests.js';
import { serialize } from '../support/security/hostile.js';
import { call, type CallOptions, changedTables, type DocumentedRoute, documentedRoutes, fillPath, type Method, tableState } from '../support/security/routes.js';
import { buildWorld, type World } from '../support/security/world.js';
import { FakeClock, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app.js';

/** Fixed: a failure names its seed and path, and a rerun replays it. */
const SEED = 20_261_126;
/** Requests per route; HOITHI_FUZZ_RUNS asks for more (a longer local hunt). */
const RUNS = Number(process.env.HOITHI_FUZZ_RUNS ?? 20);
/** HOITHI_FUZZ_LOG=error shows the server's own report of a 500 (its stack). */
const LOG_LEVEL = process.env.HOITHI_FUZZ_LOG ?? 'silent';
const DAY = 24 * 3600_000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

type Who = 'anonymous' | 'member' | 'writer' | 'judge' | 'manager' | 'admin' | 'leaver' | 'passwordChanger';

/** What the fuzz suite knows beyond the shared world: more members, and targets it may use up. */
interface FuzzWorld extends World {
  callers: Record<Exclude<Who, 'anonymous'>, AuthResponse & { password?: string }>;
  /** The member's entry in the open essay round (editable). */
  openEntryId: string;
  /** An upcoming quiz round: any field may still change. */
  upcomingRoundId: string;
  roundToDelete: string;
  unitToDelete: string;
  questionToArchive: string;
  topicToDelete: string;
  /** Refresh tokens nobody else uses. */
  refreshTokens: { refresh: string; logout: string };
}

type FuzzCase = Case<Who>;

const PAGE = ['limit', 'offset'] as const;

const UNITS_CSV = Buffer.from('Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\nCĐCS Bưu điện,,120\n', 'utf8');
const QUESTIONS_AIKEN = Buffer.from('Tuổi tối thiểu để được bầu cử là bao nhiêu?\nA. 16 tuổi\nB. Đủ 18 tuổi\nANSWER: B\n', 'utf8');
/** Well-formed files but for one value: a NUL, a lone surrogate's bytes, a huge number, a formula. */
const HOSTILE_UNIT_FILES = [
  'Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\nCĐCS \u0000 Bưu điện,,120\n',
  'Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\nCĐCS Bưu điện,,1e309\n',
  'Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\nCĐCS Bưu điện,,-0\n',
  'Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\n=HYPERLINK("http://x"),,12\n',
  'Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\nCĐCS Bưu điện,CĐCS Bưu điện,12\n',
].map((text) => Buffer.from(text, 'utf8'));
const HOSTILE_AIKEN_FILES = [
  'Câu hỏi có \u0000 ở giữa?\nA. 16 tuổi\nB. Đủ 18 tuổi\nANSWER: B\n',
  'Câu hỏi?\nA. \u0000\nB. Đủ 18 tuổi\nANSWER: B\n',
  'Câu hỏi?\nA. 16 tuổi\nB. Đủ 18 tuổi\nANSWER: B\n'.repeat(2000),
].map((text) => Buffer.from(text, 'utf8'));

function quizRoundBody(w: World, opensIn: number) {
  const at = Date.parse('2026-11-26T10:00:00.000Z') + opensIn;
  return {
    title: 'Tuần 3',
    opensAt: new Date(at).toISOString(),
    closesAt: new Date(at + 7 * DAY).toISOString(),
    timeLimitSeconds: 600,
    maxAttempts: 2,
    blueprint: [{ topicId: w.quiz.topicId, count: 1, difficulty: 'easy', points: 1.5 }],
    shuffleQuestions: true,
    shuffleOptions: false,
    predictionQuestion: 'Có bao nhiêu người tham gia?',
    predictionActual: 'participants',
    reviewAfter: 'close',
    freezeMinutes: 10,
  };
}

/**
 * Every documented route (the suite fails for a route missing here, like the matrix), in the order
 * they run: routes that use their target up (submit, lock, close, finish, delete, sign out) last.
 */
const CASES: [string, (w: FuzzWorld) => FuzzCase][] = [
  ['GET /api/health', () => ({ as: 'anonymous' })],
  ['GET /api/auth/registration-settings', () => ({ as: 'anonymous' })],
  [
    'POST /api/auth/register',
    (w) => ({ as: 'anonymous', body: { fullName: 'Lê Thị Hoa', email: 'hoa.le@example.org', password: 'mat-khau-an-toan', unitId: w.units.a, phone: '0912345678' } }),
  ],
  ['POST /api/auth/login', (w) => ({ as: 'anonymous', body: { email: w.spareUser.user.email, password: w.spareUser.password } })],
  [
    'POST /api/auth/refresh',
    (w) => ({ as: 'anonymous', body: { refreshToken: w.refreshTokens.refresh }, refusedMayWrite: { code: 'AUTH.SESSION_REVOKED', tables: ['auth_sessions'] } }),
  ],
  ['POST /api/auth/logout', (w) => ({ as: 'anonymous', body: { refreshToken: w.refreshTokens.logout } })],
  ['GET /api/auth/me', () => ({ as: 'member' })],
  ['PATCH /api/auth/me', () => ({ as: 'member', body: { fullName: 'Nguyễn Văn An', phone: '0987654321' } })],
  ['GET /api/me/history', () => ({ as: 'member', query: PAGE })],

  ['GET /api/units', () => ({ as: 'anonymous' })],
  ['POST /api/units', (w) => ({ as: 'manager', body: { name: 'CĐCS Điện lực', parentId: w.units.a, memberCount: 120 } })],
  ['PATCH /api/units/{id}', (w) => ({ as: 'manager', params: { id: w.units.spare }, body: { name: 'CĐCS Dệt may Thành Công', parentId: w.units.b, memberCount: 80 } })],
  ['POST /api/units/import', () => ({ as: 'manager', upload: { field: 'file', file: UNITS_CSV, name: 'don-vi.csv', fields: { dryRun: 'false' } }, files: HOSTILE_UNIT_FILES })],

  ['GET /api/users', () => ({ as: 'admin', query: [...PAGE, 'search', 'unitId', 'role'] })],
  ['GET /api/users/judges', () => ({ as: 'manager', query: [...PAGE, 'search'] })],
  ['GET /api/users/organizers', () => ({ as: 'manager', query: [...PAGE, 'search'] })],
  ['GET /api/users/duplicates', () => ({ as: 'manager', query: [...PAGE, 'reason', 'unitId'] })],
  ['PUT /api/users/{id}/roles', (w) => ({ as: 'admin', params: { id: w.spareUser.user.id }, body: { roles: ['member'] } })],
  ['PATCH /api/users/{id}', (w) => ({ as: 'admin', params: { id: w.spareUser.user.id }, body: { active: true } })],
  ['GET /api/audit', () => ({ as: 'admin', query: [...PAGE, 'action', 'actorId'] })],

  ['GET /api/topics', () => ({ as: 'manager' })],
  ['POST /api/topics', (w) => ({ as: 'manager', body: { name: 'Luật Công đoàn 2024', parentId: w.spareTopic } })],
  ['PATCH /api/topics/{id}', (w) => ({ as: 'manager', params: { id: w.spareTopic }, body: { name: 'Chủ đề dự phòng (sửa)', parentId: null } })],
  ['GET /api/questions', () => ({ as: 'manager', query: [...PAGE, 'topicId', 'difficulty', 'type', 'status', 'search'] })],
  ['POST /api/questions', (w) => ({ as: 'manager', body: { ...aSingleChoice(w.spareTopic), points: 2 } })],
  ['GET /api/questions/availability', () => ({ as: 'manager' })],
  ['GET /api/questions/import-template', () => ({ as: 'manager' })],
  ['GET /api/questions/export', () => ({ as: 'manager', query: ['format', 'topicId'] })],
  ['GET /api/questions/{id}', (w) => ({ as: 'manager', params: { id: w.spareQuestion } })],
  [
    'PATCH /api/questions/{id}',
    (w) => ({
      as: 'manager',
      params: { id: w.spareQuestion },
      body: { text: 'Công đoàn Việt Nam là tổ chức chính trị - xã hội?', options: [{ text: 'Đúng', correct: true }, { text: 'Sai', correct: false }], difficulty: 'hard', points: 2, explanation: 'Điều 10 Hiến pháp 2013.' },
    }),
  ],
  [
    'POST /api/questions/import',
    (w) => ({ as: 'manager', upload: { field: 'file', file: QUESTIONS_AIKEN, name: 'cau-hoi.txt', fields: { format: 'aiken', topicId: w.spareTopic, dryRun: 'false' } }, files: HOSTILE_AIKEN_FILES }),
  ],

  ['GET /api/contests', () => ({ as: 'anonymous', query: [...PAGE, 'status'] })],
  ['POST /api/contests', (w) => ({ as: 'manager', body: { title: 'Tìm hiểu Luật Công đoàn', description: 'Vòng loại', kind: 'quiz', eligibleUnitIds: [w.units.a] } })],
  ['GET /api/contests/{id}', (w) => ({ as: 'anonymous', params: { id: w.quiz.contestId } })],
  ['PATCH /api/contests/{id}', (w) => ({ as: 'manager', params: { id: w.quiz.contestId }, body: { title: 'Tìm hiểu pháp luật về bầu cử', description: 'Tuần 1 đến tuần 4' } })],
  ['GET /api/contests/{id}/managers', (w) => ({ as: 'manager', params: { id: w.quiz.contestId } })],
  ['PUT /api/contests/{id}/managers', (w) => ({ as: 'manager', params: { id: w.quiz.contestId }, body: { userIds: [w.manager.user.id] } })],
  ['POST /api/contests/{id}/rounds', (w) => ({ as: 'manager', params: { id: w.quiz.contestId }, body: quizRoundBody(w, DAY) })],
  ['GET /api/contests/{id}/leaderboard', (w) => ({ as: 'anonymous', params: { id: w.quiz.contestId }, query: PAGE })],
  ['GET /api/contests/{id}/leaderboard/units', (w) => ({ as: 'anonymous', params: { id: w.quiz.contestId }, query: ['orderBy'] })],
  ['GET /api/contests/{id}/leaderboard/export', (w) => ({ as: 'manager', params: { id: w.quiz.contestId } })],
  ['GET /api/contests/{id}/leaderboard/units/export', (w) => ({ as: 'manager', params: { id: w.quiz.contestId }, query: ['orderBy'] })],

  ['GET /api/rounds/{id}', (w) => ({ as: 'anonymous', params: { id: w.quiz.roundId } })],
  ['PATCH /api/rounds/{id}', (w) => ({ as: 'manager', params: { id: w.upcomingRoundId }, body: { ...quizRoundBody(w, 2 * DAY), title: 'Tuần 3 (sửa)' } })],
  ['POST /api/rounds/{id}/attempts', (w) => ({ as: 'member', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/attempts/mine', (w) => ({ as: 'member', params: { id: w.quiz.roundId } })],
  ['POST /api/rounds/{id}/preview', (w) => ({ as: 'manager', params: { id: w.quiz.roundId } })],
  ['POST /api/rounds/{id}/regrade', (w) => ({ as: 'manager', params: { id: w.quiz.roundId }, body: { dryRun: true, questionIds: [w.attempt.questionIds[0]] } })],
  ['GET /api/rounds/{id}/regrades', (w) => ({ as: 'manager', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/participation', (w) => ({ as: 'manager', params: { id: w.quiz.roundId }, query: ['bucket'] })],
  ['GET /api/contests/{id}/participation', (w) => ({ as: 'manager', params: { id: w.quiz.contestId }, query: ['format'] })],
  ['GET /api/rounds/{id}/item-analysis', (w) => ({ as: 'manager', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/results-bundle', (w) => ({ as: 'manager', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/certificate', (w) => ({ as: 'member', params: { id: w.quiz.roundId } })],
  ['POST /api/rounds/{id}/certificate-batches', (w) => ({ as: 'manager', params: { id: w.quiz.roundId }, body: { winners: 3 } })],
  ['GET /api/rounds/{id}/certificate-batches', (w) => ({ as: 'manager', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/certificate-batches/{batchId}', (w) => ({ as: 'manager', params: { id: w.quiz.roundId, batchId: NO_SUCH_ID } })],
  ['GET /api/rounds/{id}/certificate-batches/{batchId}/file', (w) => ({ as: 'manager', params: { id: w.quiz.roundId, batchId: NO_SUCH_ID } })],
  ['GET /api/attempts/{id}', (w) => ({ as: 'member', params: { id: w.attempt.id } })],
  [
    'PUT /api/attempts/{id}/answers/{questionId}',
    (w) => ({ as: 'member', params: { id: w.attempt.id, questionId: w.attempt.questionIds[0] }, body: { optionIds: [w.attempt.optionIds[0]] } }),
  ],
  ['PUT /api/attempts/{id}/prediction', (w) => ({ as: 'member', params: { id: w.attempt.id }, body: { prediction: 150 } })],
  ['GET /api/attempts/{id}/review', (w) => ({ as: 'member', params: { id: w.attempt.id } })],
  ['GET /api/rounds/{id}/leaderboard', (w) => ({ as: 'anonymous', params: { id: w.quiz.roundId }, query: PAGE })],
  ['GET /api/rounds/{id}/leaderboard/me', (w) => ({ as: 'member', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/leaderboard/stream', (w) => ({ as: 'anonymous', params: { id: w.quiz.roundId } })],
  ['GET /api/rounds/{id}/leaderboard/export', (w) => ({ as: 'manager', params: { id: w.quiz.roundId }, query: ['format'] })],

  ['POST /api/rounds/{id}/entries', (w) => ({ as: 'writer', params: { id: w.essay.openRoundId }, body: { title: 'Người thợ mỏ', body: essayBody(40, 3) } })],
  ['GET /api/rounds/{id}/entries/mine', (w) => ({ as: 'member', params: { id: w.essay.openRoundId } })],
  ['GET /api/rounds/{id}/entries', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, query: PAGE })],
  ['GET /api/entries/{id}', (w) => ({ as: 'member', params: { id: w.openEntryId } })],
  ['PUT /api/entries/{id}', (w) => ({ as: 'member', params: { id: w.openEntryId }, body: { title: 'Người thợ (sửa)', body: essayBody(40, 4) } })],
  ['PUT /api/entries/{id}/attachment', (w) => ({ as: 'member', params: { id: w.openEntryId }, upload: { field: 'file', file: w.pdf, name: 'bai-du-thi.pdf', fields: {} } })],
  ['GET /api/entries/{id}/attachment', (w) => ({ as: 'member', params: { id: w.essay.entryId } })],
  ['POST /api/entries/{id}/extra-judge', (w) => ({ as: 'manager', params: { id: w.essay.entryId } })],
  ['POST /api/rounds/{id}/assignments', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, body: { judgeIds: [w.judge.user.id], seed: 'hat-giong' } })],
  ['GET /api/rounds/{id}/assignments', (w) => ({ as: 'manager', params: { id: w.essay.roundId } })],
  ['GET /api/rounds/{id}/judging', (w) => ({ as: 'manager', params: { id: w.essay.roundId } })],
  ['PUT /api/rounds/{id}/essay-settings', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, body: { normalize: true, discrepancyThreshold: 5.5 } })],
  ['GET /api/judging/assignments', () => ({ as: 'judge', query: ['roundId'] })],
  ['GET /api/judging/assignments/{id}', (w) => ({ as: 'judge', params: { id: w.essay.assignmentId } })],
  ['PUT /api/judging/assignments/{id}', (w) => ({ as: 'judge', params: { id: w.essay.assignmentId }, body: { scores: scoresOf([8, 4.5, 3.25]), comment: 'Bài viết tốt.' } })],
  ['GET /api/judging/assignments/{id}/attachment', (w) => ({ as: 'judge', params: { id: w.essay.assignmentId } })],
  ['GET /api/rounds/{id}/essay-results', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, query: ['normalize'] })],
  ['GET /api/rounds/{id}/essay-results/export', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, query: ['normalize'] })],

  // What uses its target up, last.
  ['DELETE /api/entries/{id}/attachment', (w) => ({ as: 'member', params: { id: w.openEntryId } })],
  ['POST /api/attempts/{id}/submit', (w) => ({ as: 'member', params: { id: w.attempt.id }, body: { prediction: 150 } })],
  ['POST /api/judging/assignments/{id}/conflict', (w) => ({ as: 'judge', params: { id: w.essay.assignmentId } })],
  ['POST /api/rounds/{id}/judging/lock', (w) => ({ as: 'manager', params: { id: w.essay.roundId } })],
  ['POST /api/rounds/{id}/essay-results/publish', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, body: { normalize: false } })],
  ['GET /api/rounds/{id}/essay-results/public', (w) => ({ as: 'anonymous', params: { id: w.essay.roundId } })],
  ['POST /api/rounds/{id}/shortlist', (w) => ({ as: 'manager', params: { id: w.essay.roundId }, body: { finalRoundId: w.essay.openRoundId, top: 1, cutoff: 1.5, normalize: false } })],
  ['POST /api/rounds/{id}/close', (w) => ({ as: 'manager', params: { id: w.roundToClose }, body: { actualValue: 10 } })],
  ['POST /api/contests/{id}/publish', (w) => ({ as: 'manager', params: { id: w.contestToPublish } })],
  ['POST /api/contests/{id}/finish', (w) => ({ as: 'manager', params: { id: w.contestToPublish } })],
  ['DELETE /api/rounds/{id}', (w) => ({ as: 'manager', params: { id: w.roundToDelete } })],
  ['DELETE /api/units/{id}', (w) => ({ as: 'manager', params: { id: w.unitToDelete } })],
  ['DELETE /api/questions/{id}', (w) => ({ as: 'manager', params: { id: w.questionToArchive } })],
  ['DELETE /api/topics/{id}', (w) => ({ as: 'manager', params: { id: w.topicToDelete } })],
  ['POST /api/users/{id}/reset-password', (w) => ({ as: 'admin', params: { id: w.spareUser.user.id } })],
  ['PUT /api/auth/password', (w) => ({ as: 'passwordChanger', body: { currentPassword: w.callers.passwordChanger.password, newPassword: 'mat-khau-moi-2026' } })],
  ['POST /api/auth/logout-all', () => ({ as: 'leaver' })],
];

/**
 * Issue 16 item 2: hostile bodies, query strings and path ids for every documented route, as a
 * caller allowed to use it, against the real app and database. (a) No response is a 5xx; (b) a
 * refused request (4xx) writes nothing: the rows of the main tables are the same before and after.
 */
describe('fuzzing every route', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let routes: DocumentedRoute[];
  let w: FuzzWorld;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { LOG_LEVEL } });
    routes = await documentedRoutes(t);
    const world = await buildWorld(t, clock);
    const http = () => t.http();
    const writer = await aMember(t, world.units.a);
    const leaver = await aMember(t, world.units.a);
    const passwordChanger = await aMember(t, world.units.a);
    const tokenHolder = await aMember(t, world.units.a);
    const logoutHolder = (await http().post('/api/auth/login').send({ email: tokenHolder.user.email, password: tokenHolder.password }).expect(200)).body as AuthResponse;
    const openEntryId = (await http().post(`/api/rounds/${world.essay.openRoundId}/entries`).set(...bearer(world.member)).send({ title: 'Bài vòng mở', body: essayBody(40, 5) }).expect(201)).body.id as string;
    const questionToArchive = (await http().post('/api/questions').set(...bearer(world.manager)).send(aSingleChoice(world.spareTopic, 'Câu để lưu trữ?')).expect(201)).body.id as string;
    w = {
      ...world,
      callers: { member: world.member, writer, judge: world.judge, manager: world.manager, admin: world.admin, leaver, passwordChanger },
      openEntryId,
      upcomingRoundId: await world.newQuizRound('Tuần 3', 2 * DAY),
      roundToDelete: await world.newQuizRound('Tuần để xoá', 3 * DAY),
      unitToDelete: (await aUnit(t, 'CĐCS để xoá')).id,
      questionToArchive,
      topicToDelete: await world.newTopic('Chủ đề để xoá'),
      refreshTokens: { refresh: tokenHolder.refreshToken, logout: logoutHolder.refreshToken },
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a case for every documented route, and no case without a route', () => {
    const documented = routes.map((route) => route.key);
    const cases = CASES.map(([key]) => key);
    expect({ missing: documented.filter((key) => !cases.includes(key)), stale: cases.filter((key) => !documented.includes(key)) }).toEqual({ missing: [], stale: [] });
  });

  it('answers what used to be a 500 with a 400 naming the field, and writes nothing', async () => {
    const topic = `/api/topics/${w.spareTopic}`;
    const json = (payload: unknown) => ({ contentType: 'application/json', payload: serialize(payload) });
    const pinned: { field: string | null; as: Who; method: Method; url: string; raw: { contentType: string; payload: string } }[] = [
      // A NUL reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00"), in a body or a query.
      { field: 'name', as: 'manager', method: 'PATCH', url: topic, raw: json({ name: 'a\u0000b' }) },
      { field: 'email', as: 'anonymous', method: 'POST', url: '/api/auth/login', raw: json({ email: '\u0000', password: 'x' }) },
      { field: 'search', as: 'manager', method: 'GET', url: '/api/users/organizers?search=%00', raw: json({}) },
      // A lone surrogate: isEmail threw a URIError; jsonb refused it.
      { field: 'email', as: 'anonymous', method: 'POST', url: '/api/auth/register', raw: json({ fullName: 'A', email: 'x\uD800@example.org', password: 'mat-khau-an-toan', unitId: w.units.a }) },
      { field: 'options.0.text', as: 'manager', method: 'POST', url: '/api/questions', raw: json({ ...aSingleChoice(w.spareTopic), options: [{ text: 'x\uD800', correct: true }, { text: 'b', correct: false }] }) },
      // Nesting: class-transformer recursed until the stack ran out.
      { field: `name${'.0'.repeat(15)}`, as: 'manager', method: 'PATCH', url: topic, raw: { contentType: 'application/json', payload: `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}` } },
      { field: `0${'.0'.repeat(15)}`, as: 'manager', method: 'PATCH', url: topic, raw: { contentType: 'application/json', payload: '['.repeat(100_000) + ']'.repeat(100_000) } },
      // An array where an object is expected passed ValidateNested, then the engine read `text` of it.
      { field: 'options', as: 'manager', method: 'POST', url: '/api/questions', raw: json({ ...aSingleChoice(w.spareTopic), options: [[], []] }) },
      // class-validator's maxDecimalPlaces read the decimals of `5e-324` (there is no '.').
      { field: 'discrepancyThreshold', as: 'manager', method: 'PUT', url: `/api/rounds/${w.essay.roundId}/essay-settings`, raw: json({ discrepancyThreshold: 5e-324 }) },
      // null passed @IsOptional to a NOT NULL column.
      { field: 'fullName', as: 'member', method: 'PATCH', url: '/api/auth/me', raw: json({ fullName: null }) },
      { field: 'memberCount', as: 'manager', method: 'PATCH', url: `/api/units/${w.units.spare}`, raw: json({ memberCount: null }) },
      { field: 'name', as: 'manager', method: 'PATCH', url: topic, raw: json({ name: null }) },
      { field: 'title', as: 'manager', method: 'PATCH', url: `/api/rounds/${w.upcomingRoundId}`, raw: json({ title: null }) },
      { field: 'normalize', as: 'manager', method: 'PUT', url: `/api/rounds/${w.essay.roundId}/essay-settings`, raw: json({ normalize: null }) },
      { field: 'active', as: 'admin', method: 'PATCH', url: `/api/users/${w.spareUser.user.id}`, raw: json({ active: null }) },
      // The multipart parser's own errors (no boundary, data cut short) were rethrown as they were.
      { field: null, as: 'manager', method: 'POST', url: '/api/units/import', raw: { contentType: 'multipart/form-data', payload: '--xyz\r\n' } },
      { field: null, as: 'manager', method: 'POST', url: '/api/questions/import', raw: { contentType: 'multipart/form-data; boundary=xyz', payload: '[1,2,' } },
      { field: null, as: 'member', method: 'PUT', url: `/api/entries/${w.openEntryId}/attachment`, raw: { contentType: `multipart/form-data; boundary=${'b'.repeat(300)}`, payload: 'x' } },
    ];
    const before = await tableState(t);
    const answers: { request: string; status: number; code: string | undefined; field: string | null }[] = [];
    for (const { as, method, url, raw } of pinned) {
      const token = as === 'anonymous' ? undefined : w.callers[as].accessToken;
      const { status, code, fields } = await call(t, method, url, { token, raw });
      answers.push({ request: `${method} ${url.slice(0, 60)} ${raw.payload.slice(0, 40)}`, status, code, field: fields[0] ?? null });
    }
    expect(answers).toEqual(
      pinned.map(({ field }, index) => ({ request: answers[index].request, status: 400, code: field === null ? 'BAD_REQUEST' : 'VALIDATION', field })),
    );
    expect(changedTables(before, await tableState(t))).toEqual({});
  });

  it('refuses forged and malformed bearer tokens with 401, and survives hostile headers', async () => {
    const claims = { sub: w.admin.user.id, unitId: w.units.a, roles: ['admin'], sid: randomUUID(), ver: 0 };
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
      'another secret': jwt.sign(claims, 'not-the-secret-but-just-as-long-0123456789', { algorithm: 'HS256', expiresIn: 3600 }),
      HS512: jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS512', expiresIn: 3600 }),
      expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
      'no session': jwt.sign({ sub: claims.sub, roles: claims.roles }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 }),
      'payload swapped': `${w.admin.accessToken.split('.')[0]}.${b64({ ...claims, roles: ['admin', 'organizer'] })}.${w.admin.accessToken.split('.')[2]}`,
      'signature cut': w.admin.accessToken.slice(0, -2),
      garbage: 'a.b.c',
      huge: 'a'.repeat(8000),
    };
    const answers: Record<string, number> = {};
    for (const [name, token] of Object.entries(forged)) {
      answers[`${name} /api/audit`] = (await call(t, 'GET', '/api/audit', { token })).status;
      answers[`${name} /api/auth/me`] = (await call(t, 'GET', '/api/auth/me', { token })).status;
    }
    for (const header of ['Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer a b', `Bearer ${w.admin.accessToken} ${w.admin.accessToken}`]) {
      answers[`${header.slice(0, 20)} /api/audit`] = (await t.http().get('/api/audit').set('Authorization', header)).status;
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((key) => [key, 401])));

    const statuses = new Set<number>();
    for (const language of ['*', 'en;q=NaN', 'vi;q=1e309', ',,;;;q=', 'x'.repeat(8000), new Array(500).fill('en-US;q=0.5').join(',')]) {
      statuses.add((await t.http().get(`/api/contests/${NO_SUCH_ID}`).set('Accept-Language', language)).status);
    }
    for (const requestId of ['x'.repeat(5000), '../../etc', '%00', '<script>']) {
      statuses.add((await t.http().get(`/api/contests/${NO_SUCH_ID}`).set('X-Request-Id', requestId)).status);
    }
    expect([...statuses]).toEqual([404]);
  });

  /** One request; what went wrong with it, or null. */
  async function attempt(route: DocumentedRoute, fuzz: FuzzCase, request: FuzzRequest): Promise<string | null> {
    const token = fuzz.as === 'anonymous' ? undefined : w.callers[fuzz.as].accessToken;
    const before = await tableState(t);
    const options: CallOptions = { token, query: request.query };
    if (request.upload) options.upload = request.upload;
    else if (request.raw) options.raw = request.raw;
    else if (request.body !== undefined) options.raw = { contentType: 'application/json', payload: serialize(request.body) };
    const { status, code } = await call(t, route.method as Method, fillPath(route.path, request.params), options);
    if (status >= 500) return `HTTP ${status} ${code ?? ''}`;
    if (status >= 400) {
      let changed = changedTables(before, await tableState(t));
      if (fuzz.refusedMayWrite?.code === code) changed = Object.fromEntries(Object.entries(changed).filter(([table]) => !fuzz.refusedMayWrite!.tables.includes(table)));
      if (Object.keys(changed).length) return `refused (HTTP ${status} ${code ?? ''}) but wrote ${JSON.stringify(changed)}`;
    }
    return null;
  }

  for (const [key, makeCase] of CASES) {
    it(key, async () => {
      const route = routes.find((r) => r.key === key);
      if (!route) return; // reported by the coverage test above
      const fuzz = makeCase(w);
      // First every field and query key with each of a few values known to break things, then random requests.
      const sweep: string[] = [];
      for (const { label, request } of sweepRequests(fuzz)) {
        const failure = await attempt(route, fuzz, request);
        if (failure) sweep.push(`${label}: ${failure}`);
      }
      let random: string | null = null;
      try {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route, fuzz), async (request) => {
            const failure = await attempt(route, fuzz, request);
            if (failure) throw new Error(failure);
          }),
          { seed: seedOf(key, SEED), numRuns: RUNS },
        );
      } catch (error) {
        random = (error as Error).message;
      }
      expect({ sweep, random }).toEqual({ sweep: [], random: null });
    });
  }
});
