import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aSingleChoice, aUnit, bearer } from '../support/builders.js';
import { essayBody, scoresOf } from '../support/essays.js';
import { hostileId, hostileQuery, hostileValue, Lazy, mutate, type RawBody, rawBody, serialize } from '../support/security/hostile.js';
import { call, type CallOptions, changedTables, type DocumentedRoute, documentedRoutes, fillPath, type Method, tableState } from '../support/security/routes.js';
import { buildWorld, type World } from '../support/security/world.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

/** Fixed: a failure names its seed and path, and a rerun replays it. */
const SEED = 20_261_126;
/** Requests per route; HOITHI_FUZZ_RUNS asks for more (a longer local hunt). */
const RUNS = Number(process.env.HOITHI_FUZZ_RUNS ?? 20);
const DAY = 24 * 3600_000;

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
  /** Refresh tokens nobody else uses. */
  refreshTokens: { refresh: string; logout: string };
}

interface Upload {
  field: string;
  file: Buffer;
  name: string;
  fields: Record<string, string>;
}

/** How to fuzz one route: as whom, the real ids, the query keys it reads, a valid body to start from. */
interface FuzzCase {
  as: Who;
  params?: Record<string, string>;
  query?: readonly string[];
  body?: unknown;
  /** A multipart form: the valid parts to start from. */
  upload?: Upload;
  /** A write the contract makes on a refused request (a reused refresh token ends its whole session). */
  refusedMayWrite?: { code: string; tables: string[] };
}

const PAGE = ['limit', 'offset'] as const;

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
  ['POST /api/units/import', () => ({ as: 'manager', upload: { field: 'file', file: UNITS_CSV, name: 'don-vi.csv', fields: { dryRun: 'true' } } })],

  ['GET /api/users', () => ({ as: 'admin', query: [...PAGE, 'search', 'unitId', 'role'] })],
  ['GET /api/users/judges', () => ({ as: 'manager', query: [...PAGE, 'search'] })],
  ['GET /api/users/organizers', () => ({ as: 'manager', query: [...PAGE, 'search'] })],
  ['GET /api/users/duplicates', () => ({ as: 'manager', query: [...PAGE, 'reason', 'unitId'] })],
  ['PUT /api/users/{id}/roles', (w) => ({ as: 'admin', params: { id: w.spareUser.user.id }, body: { roles: ['member'] } })],
  ['PATCH /api/users/{id}', (w) => ({ as: 'admin', params: { id: w.spareUser.user.id }, body: { active: true } })],
  ['GET /api/audit', () => ({ as: 'admin', query: [...PAGE, 'action', 'actorId'] })],

  ['GET /api/topics', () => ({ as: 'manager' })],
  ['POST /api/topics', (w) => ({ as: 'manager', body: { name: 'Luật Công đoàn 2024', parentId: w.spareTopic } })],
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
    (w) => ({ as: 'manager', upload: { field: 'file', file: QUESTIONS_AIKEN, name: 'cau-hoi.txt', fields: { format: 'aiken', topicId: w.spareTopic, dryRun: 'true' } } }),
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
  ['POST /api/users/{id}/reset-password', (w) => ({ as: 'admin', params: { id: w.spareUser.user.id } })],
  ['PUT /api/auth/password', (w) => ({ as: 'passwordChanger', body: { currentPassword: w.callers.passwordChanger.password, newPassword: 'mat-khau-moi-2026' } })],
  ['POST /api/auth/logout-all', () => ({ as: 'leaver' })],
];

const UNITS_CSV = Buffer.from('Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\nCĐCS Bưu điện,,120\n', 'utf8');
const QUESTIONS_AIKEN = Buffer.from('Tuổi tối thiểu để được bầu cử là bao nhiêu?\nA. 16 tuổi\nB. Đủ 18 tuổi\nANSWER: B\n', 'utf8');

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

/** One request as fast-check builds it. */
interface FuzzRequest {
  params: Record<string, string>;
  query: string | Lazy;
  body?: unknown;
  raw?: RawBody;
  upload?: Upload;
}

const hostileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(
    Buffer.alloc(0),
    Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'),
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    Buffer.from('\uFEFFTên đơn vị,Đơn vị cấp trên,Số đoàn viên\n"=cmd|\' /C calc\'!A0",,1e309\n\u0000,,-0\n', 'utf8'),
    Buffer.from('Câu hỏi?\nA. \u0000\nB. \uD800\nANSWER: Z\n', 'utf8'),
    Buffer.from(`${'A. x\n'.repeat(10_000)}ANSWER: A\n`),
  ),
);

function uploadArbitrary(upload: Upload): fc.Arbitrary<Upload> {
  const fieldNames = Object.keys(upload.fields);
  return fc.record({
    field: fc.oneof({ weight: 5, arbitrary: fc.constant(upload.field) }, { weight: 1, arbitrary: fc.constantFrom('files', 'file[]', 'FILE') }),
    file: fc.oneof({ weight: 1, arbitrary: fc.constant(upload.file) }, { weight: 3, arbitrary: hostileBytes }),
    name: fc.oneof(
      { weight: 2, arbitrary: fc.constant(upload.name) },
      { weight: 1, arbitrary: fc.constantFrom('../../etc/passwd', '\u202Efdp.exe', 'a\u0000b.pdf', 'x'.repeat(1000), 'bài dự thi.pdf', 'con.pdf', '.pdf', '"; filename=evil.exe') },
    ),
    fields: fc
      .tuple(
        fc.record(Object.fromEntries(fieldNames.map((name) => [name, fc.oneof({ weight: 2, arbitrary: fc.constant(upload.fields[name]) }, { weight: 2, arbitrary: fc.constantFrom('', 'NaN', 'yes', '\u0000', 'x'.repeat(2000), 'not-a-uuid', 'xlsx', 'gift', 'csv', '00000000-0000-0000-0000-000000000000') }, { weight: 1, arbitrary: fc.constant(undefined) })]))),
        fc.option(fc.constantFrom('__proto__', 'constructor', 'note'), { freq: 4 }),
      )
      .map(([fields, extra]) => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
        if (extra) Object.defineProperty(out, extra, { value: 'x', enumerable: true });
        return out;
      }),
  });
}

function requestArbitrary(route: DocumentedRoute, fuzz: FuzzCase): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(
    Object.fromEntries(
      route.pathParams.map((name) => {
        const real = fuzz.params?.[name];
        return [name, real ? fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 2, arbitrary: hostileId }) : hostileId];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: fuzz.query ? 3 : 1, arbitrary: hostileQuery(fuzz.query ?? []) });
  let content: fc.Arbitrary<Pick<FuzzRequest, 'body' | 'raw' | 'upload'>>;
  if (fuzz.upload) {
    content = fc.oneof(
      { weight: 5, arbitrary: uploadArbitrary(fuzz.upload).map((upload) => ({ upload })) },
      { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
    );
  } else if (fuzz.body !== undefined) {
    content = fc.oneof(
      { weight: 6, arbitrary: mutate(fuzz.body).map((body) => ({ body })) },
      { weight: 1, arbitrary: hostileValue.map((body) => ({ body })) },
      { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
    );
  } else {
    // No body expected: none, or one anyway.
    content = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileValue.map((body) => ({ body })) }, { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) });
  }
  return fc.record({ params, query, content }).map(({ params, query, content }) => ({ params, query, ...content }));
}

/** A stable seed per route: adding a route does not change the requests of the others. */
function seedOf(key: string): number {
  let hash = SEED;
  for (const ch of key) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}

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
    t = await startTestApp({ clock });
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

  for (const [key, makeCase] of CASES) {
    it(key, async () => {
      const route = routes.find((r) => r.key === key);
      if (!route) return; // reported by the coverage test above
      const fuzz = makeCase(w);
      const token = fuzz.as === 'anonymous' ? undefined : w.callers[fuzz.as].accessToken;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route, fuzz), async (request) => {
          const before = await tableState(t);
          const options: CallOptions = { token, query: request.query };
          if (request.upload) options.upload = request.upload;
          else if (request.raw) options.raw = request.raw;
          else if (request.body !== undefined) options.raw = { contentType: 'application/json', payload: serialize(request.body) };
          const { status, code } = await call(t, route.method as Method, fillPath(route.path, request.params), options);
          if (status >= 500) throw new Error(`${key}: HTTP ${status} ${code ?? ''}`);
          if (status >= 400) {
            let changed = changedTables(before, await tableState(t));
            if (fuzz.refusedMayWrite?.code === code) changed = Object.fromEntries(Object.entries(changed).filter(([table]) => !fuzz.refusedMayWrite!.tables.includes(table)));
            if (Object.keys(changed).length) throw new Error(`${key}: refused (HTTP ${status} ${code ?? ''}) but wrote ${JSON.stringify(changed)}`);
          }
        }),
        { seed: seedOf(key), numRuns: RUNS },
      );
    });
  }
});
