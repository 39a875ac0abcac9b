import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aUnit } from '../support/builders.js';
import { essayBody, scoresOf } from '../support/essays.js';
import { call, type CallOptions, type DocumentedRoute, documentedRoutes, fillPath } from '../support/security/routes.js';
import { buildWorld } from '../support/security/world.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';
import { CALLERS, type Caller, EXPECTED, type Outcome } from './authorization-matrix.table.js';

const DAY = 24 * 3600_000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** How to call one route: real ids, a body the handler accepts or refuses after the guards. */
interface Plan extends Omit<CallOptions, 'token'> {
  params?: Record<string, string>;
  /** Fresh ids for each caller, for a route that uses its target up (a delete). */
  paramsFor?: (caller: Caller) => Promise<Record<string, string>>;
  /**
   * Calls that change what other routes see run after every call of an earlier phase: 1 = the
   * end of a workflow (submit, judging lock, withdrawal), 2 = what needs those, 3 = signing out.
   */
  phase?: number;
}

type Actual = Outcome | number | string;

/** A batch id no batch has: past the guards, its managers learn it does not exist. */
const NO_BATCH = '00000000-0000-4000-8000-000000000000';

/** What the caller met, in the table's terms (see authorization-matrix.table.ts). */
function outcomeOf(status: number, code: string | undefined): Actual {
  if (status === 401) return 401;
  if (status === 403) return code === 'FORBIDDEN' ? 403 : `403 ${code}`;
  if (status === 404) return 404;
  if (status >= 500) return status;
  return 'allow';
}

/**
 * Issue 16 item 1: every route of the OpenAPI document as anonymous, a member, a judge, an organizer
 * who does not manage the contest, the contest's manager and an admin, against the table in
 * authorization-matrix.table.ts. A route the table does not list fails (deny by default).
 */
describe('authorization matrix', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let routes: DocumentedRoute[];
  let callers: Record<Exclude<Caller, 'anonymous'>, AuthResponse>;
  let plans: Record<string, Plan>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    routes = await documentedRoutes(t);
    const w = await buildWorld(t, clock);
    const { member, judge, otherOrganizer, manager, admin, spareUser, quiz, attempt, essay } = w;
    callers = { member, judge, otherOrganizer, manager, admin };
    const judgeScores = { scores: scoresOf([8, 4, 3]), comment: 'Bài viết tốt.' };
    const entryText = { title: 'Người thợ (sửa)', body: essayBody(40, 1) };

    plans = {
      'PATCH /api/units/{id}': { params: { id: w.units.spare }, body: {} },
      'DELETE /api/units/{id}': { paramsFor: async (caller) => ({ id: (await aUnit(t, `Đơn vị để xoá (${caller})`)).id }) },
      'POST /api/units': { body: {} },
      // No multipart: 415 from the handler.
      'POST /api/units/import': {},
      'POST /api/auth/register': { body: {} },
      'POST /api/auth/login': { body: {} },
      'POST /api/auth/refresh': { body: {} },
      'POST /api/auth/logout': { body: {} },
      'POST /api/auth/logout-all': { phase: 3 },
      'PUT /api/auth/password': { body: {} },
      'PATCH /api/auth/me': { body: {} },
      'PUT /api/users/{id}/roles': { params: { id: spareUser.user.id }, body: {} },
      'POST /api/users/{id}/reset-password': { params: { id: spareUser.user.id } },
      'PATCH /api/users/{id}': { params: { id: spareUser.user.id }, body: {} },

      'POST /api/topics': { body: {} },
      'PATCH /api/topics/{id}': { params: { id: w.spareTopic }, body: {} },
      'DELETE /api/topics/{id}': { paramsFor: async (caller) => ({ id: await w.newTopic(`Chủ đề để xoá (${caller})`) }) },
      'POST /api/questions': { body: {} },
      'GET /api/questions/{id}': { params: { id: w.spareQuestion } },
      'PATCH /api/questions/{id}': { params: { id: w.spareQuestion }, body: {} },
      'DELETE /api/questions/{id}': { params: { id: w.spareQuestion }, phase: 1 },
      'GET /api/questions/export': { query: { format: 'gift', topicId: w.spareTopic } },
      // No multipart: 415 from the handler.
      'POST /api/questions/import': {},

      'POST /api/contests': { body: {} },
      'GET /api/contests/{id}': { params: { id: quiz.contestId } },
      'PATCH /api/contests/{id}': { params: { id: quiz.contestId }, body: {} },
      'GET /api/contests/{id}/managers': { params: { id: quiz.contestId } },
      'PUT /api/contests/{id}/managers': { params: { id: quiz.contestId }, body: {} },
      'POST /api/contests/{id}/rounds': { params: { id: quiz.contestId }, body: {} },
      'POST /api/contests/{id}/publish': { params: { id: w.contestToPublish } },
      'POST /api/contests/{id}/finish': { params: { id: w.contestToPublish }, phase: 1 },
      'GET /api/contests/{id}/leaderboard': { params: { id: quiz.contestId } },
      'GET /api/contests/{id}/leaderboard/units': { params: { id: quiz.contestId } },
      'GET /api/contests/{id}/leaderboard/export': { params: { id: quiz.contestId } },
      'GET /api/contests/{id}/leaderboard/units/export': { params: { id: quiz.contestId } },
      'GET /api/rounds/{id}': { params: { id: quiz.roundId } },
      'PATCH /api/rounds/{id}': { params: { id: quiz.roundId }, body: {} },
      'DELETE /api/rounds/{id}': { paramsFor: async (caller) => ({ id: await w.newQuizRound(`Tuần sau (${caller})`, DAY) }) },

      'POST /api/rounds/{id}/attempts': { params: { id: quiz.roundId } },
      'GET /api/rounds/{id}/attempts/mine': { params: { id: quiz.roundId } },
      'POST /api/rounds/{id}/preview': { params: { id: quiz.roundId } },
      'POST /api/rounds/{id}/regrade': { params: { id: quiz.roundId }, body: { dryRun: true } },
      'GET /api/rounds/{id}/regrades': { params: { id: quiz.roundId } },
      'GET /api/rounds/{id}/participation': { params: { id: quiz.roundId } },
      'POST /api/rounds/{id}/close': { params: { id: w.roundToClose }, body: {} },
      'GET /api/contests/{id}/participation': { params: { id: quiz.contestId } },
      'GET /api/rounds/{id}/item-analysis': { params: { id: quiz.roundId } },
      // An open round: the managers get 409 RESULTS.ROUND_NOT_CLOSED, past the guards.
      'GET /api/rounds/{id}/results-bundle': { params: { id: quiz.roundId } },
      // Certificates of an open round: 409 CERTIFICATE.ROUND_NOT_CLOSED past the guards; no batch exists yet.
      'GET /api/rounds/{id}/certificate': { params: { id: quiz.roundId } },
      'POST /api/rounds/{id}/certificate-batches': { params: { id: quiz.roundId }, body: { winners: 3 } },
      'GET /api/rounds/{id}/certificate-batches': { params: { id: quiz.roundId } },
      'GET /api/rounds/{id}/certificate-batches/{batchId}': { params: { id: quiz.roundId, batchId: NO_BATCH } },
      'GET /api/rounds/{id}/certificate-batches/{batchId}/file': { params: { id: quiz.roundId, batchId: NO_BATCH } },
      'GET /api/attempts/{id}': { params: { id: attempt.id } },
      'GET /api/attempts/{id}/review': { params: { id: attempt.id } },
      // Valid bodies: the handler, not the validation pipe, must be what refuses a stranger.
      'PUT /api/attempts/{id}/answers/{questionId}': { params: { id: attempt.id, questionId: attempt.questionIds[0] }, body: { optionIds: [] } },
      'PUT /api/attempts/{id}/prediction': { params: { id: attempt.id }, body: { prediction: 120 } },
      'POST /api/attempts/{id}/submit': { params: { id: attempt.id }, body: {}, phase: 1 },
      'GET /api/rounds/{id}/leaderboard': { params: { id: quiz.roundId } },
      'GET /api/rounds/{id}/leaderboard/me': { params: { id: quiz.roundId } },
      'GET /api/rounds/{id}/leaderboard/stream': { params: { id: quiz.roundId } },
      'GET /api/rounds/{id}/leaderboard/export': { params: { id: quiz.roundId } },

      'POST /api/rounds/{id}/entries': { params: { id: essay.openRoundId }, body: { title: 'Bài của tôi', body: essayBody(40, 2) } },
      'GET /api/rounds/{id}/entries/mine': { params: { id: essay.roundId } },
      'GET /api/rounds/{id}/entries': { params: { id: essay.roundId } },
      'GET /api/entries/{id}': { params: { id: essay.entryId } },
      'PUT /api/entries/{id}': { params: { id: essay.entryId }, body: entryText },
      'PUT /api/entries/{id}/attachment': { params: { id: essay.entryId }, upload: { field: 'file', file: w.pdf, name: 'bai-du-thi.pdf' } },
      'DELETE /api/entries/{id}/attachment': { params: { id: essay.entryId }, phase: 1 },
      'GET /api/entries/{id}/attachment': { params: { id: essay.entryId } },
      'POST /api/entries/{id}/extra-judge': { params: { id: essay.entryId } },
      'POST /api/rounds/{id}/assignments': { params: { id: essay.roundId }, body: {} },
      'GET /api/rounds/{id}/assignments': { params: { id: essay.roundId } },
      'GET /api/rounds/{id}/judging': { params: { id: essay.roundId } },
      'PUT /api/rounds/{id}/essay-settings': { params: { id: essay.roundId }, body: {} },
      'POST /api/rounds/{id}/judging/lock': { params: { id: essay.roundId }, phase: 1 },
      'GET /api/rounds/{id}/essay-results': { params: { id: essay.roundId } },
      'GET /api/rounds/{id}/essay-results/export': { params: { id: essay.roundId } },
      'POST /api/rounds/{id}/essay-results/publish': { params: { id: essay.roundId }, body: {}, phase: 2 },
      'GET /api/rounds/{id}/essay-results/public': { params: { id: essay.roundId }, phase: 2 },
      'POST /api/rounds/{id}/shortlist': { params: { id: essay.roundId }, body: {} },
      'GET /api/judging/assignments/{id}': { params: { id: essay.assignmentId } },
      'PUT /api/judging/assignments/{id}': { params: { id: essay.assignmentId }, body: judgeScores },
      'POST /api/judging/assignments/{id}/conflict': { params: { id: essay.assignmentId }, phase: 2 },
      'GET /api/judging/assignments/{id}/attachment': { params: { id: essay.assignmentId } },
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets exactly the callers the table names through each route', async () => {
    const actual: Record<string, Record<Caller, Actual>> = {};
    const byPhase = [...routes].sort((a, b) => (plans[a.key]?.phase ?? 0) - (plans[b.key]?.phase ?? 0));
    for (const route of byPhase) {
      // A route without a plan still gets called (made-up ids), so the failure shows what it does.
      const plan = plans[route.key] ?? {};
      const expected = EXPECTED[route.key];
      const row = {} as Record<Caller, Actual>;
      for (const caller of CALLERS) {
        const params = plan.paramsFor ? await plan.paramsFor(caller) : (plan.params ?? Object.fromEntries(route.pathParams.map((name) => [name, NO_SUCH_ID])));
        const token = caller === 'anonymous' ? undefined : callers[caller].accessToken;
        const { status, code } = await call(t, route.method, fillPath(route.path, params), { query: plan.query, body: plan.body, upload: plan.upload, token });
        const outcome = outcomeOf(status, code);
        // A mismatch says what came back, to be read in the one diff below.
        row[caller] = expected && outcome === expected[caller] ? outcome : `${outcome} (HTTP ${status}${code ? ` ${code}` : ''})`;
      }
      actual[route.key] = row;
    }
    // One comparison: every mismatch, every route missing from the table (deny by default) and
    // every row of the table without a route shows at once.
    expect(actual).toEqual(EXPECTED);
  });

  it('has a plan (real ids) for every route with a path parameter or a body', () => {
    const unplanned = routes.filter((route) => (route.pathParams.length || route.hasBody) && !plans[route.key]).map((route) => route.key);
    const stale = Object.keys(plans).filter((key) => !routes.some((route) => route.key === key));
    expect({ unplanned, stale }).toEqual({ unplanned: [], stale: [] });
  });
});
