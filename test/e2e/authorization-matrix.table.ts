/**
 * Who may call what: every route of the OpenAPI document, as each kind of caller (issue 16 item 1).
 * `authorization-matrix.e2e-spec.ts` calls every route as every caller and compares the outcomes
 * with this table; a route missing here fails the test (deny by default: a new route needs a row).
 *
 * Outcomes:
 * - `'allow'`: the request reached the handler: any status but 401, 403, 404 and 5xx (a 400 for an
 *   empty body or a 409 for the fixture's state still means the guards let it through).
 * - `401`: no (valid) token.
 * - `403`: the role is missing (code `FORBIDDEN`, from the global AuthGuard).
 * - `'403 <CODE>'`: refused by a rule of the domain, with that code.
 * - `404`: the handler hides the resource from this caller (another member's attempt or essay,
 *   another judge's work): it does not exist for them.
 *
 * The ids in the paths are real (see the spec's fixtures): the member's own attempt and essay, the
 * judge's own assignment, rounds and contests that `manager` created and `otherOrganizer` does not
 * manage.
 */

export const CALLERS = ['anonymous', 'member', 'judge', 'otherOrganizer', 'manager', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export type Outcome = 'allow' | 401 | 403 | 404 | '403 CONTEST.NOT_MANAGER' | '403 ROUND.STAFF_CANNOT_COMPETE';
export type Row = Record<Caller, Outcome>;

/** Open to everyone; a token, when sent, only identifies the caller. */
const PUBLIC: Row = { anonymous: 'allow', member: 'allow', judge: 'allow', otherOrganizer: 'allow', manager: 'allow', admin: 'allow' };
/** Any signed-in account. */
const SIGNED_IN: Row = { ...PUBLIC, anonymous: 401 };
/** Organizers (admins count as organizers), whatever the contest: the unit tree, the shared question bank, the people pickers. */
const ORGANIZERS: Row = { anonymous: 401, member: 403, judge: 403, otherOrganizer: 'allow', manager: 'allow', admin: 'allow' };
/** One contest's organizer routes (API.md "Contest managers"): its managers and admins only. */
const MANAGERS: Row = { ...ORGANIZERS, otherOrganizer: '403 CONTEST.NOT_MANAGER' };
const ADMINS: Row = { anonymous: 401, member: 403, judge: 403, otherOrganizer: 403, manager: 403, admin: 'allow' };
/** The judges' side of essay judging (admins are not judges unless they hold the role). */
const JUDGES: Row = { anonymous: 401, member: 403, judge: 'allow', otherOrganizer: 403, manager: 403, admin: 403 };

/** A member's own attempt or essay: its author, and the contest's managers (support, disputes); to anyone else it does not exist. */
const OWNER_AND_MANAGERS: Row = { anonymous: 401, member: 'allow', judge: 404, otherOrganizer: 404, manager: 'allow', admin: 'allow' };
/** Changing a member's own attempt or essay: its author only; not even the contest's managers. */
const OWNER_ONLY: Row = { anonymous: 401, member: 'allow', judge: 404, otherOrganizer: 404, manager: 404, admin: 404 };
/** Taking part: anyone signed in but the contest's staff (its managers; in an essay contest also its judges). */
const CONTESTANTS: Row = { ...SIGNED_IN, manager: '403 ROUND.STAFF_CANNOT_COMPETE' };

export const EXPECTED: Record<string, Row> = {
  'GET /api/health': PUBLIC,

  // Units
  'GET /api/units': PUBLIC,
  'POST /api/units': ORGANIZERS,
  'PATCH /api/units/{id}': ORGANIZERS,
  'DELETE /api/units/{id}': ORGANIZERS,
  'POST /api/units/import': ORGANIZERS,

  // Accounts
  'GET /api/auth/registration-settings': PUBLIC,
  'POST /api/auth/register': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/refresh': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'POST /api/auth/logout-all': SIGNED_IN,
  'PUT /api/auth/password': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'PATCH /api/auth/me': SIGNED_IN,
  'GET /api/me/history': SIGNED_IN,
  'GET /api/users': ADMINS,
  'GET /api/users/judges': ORGANIZERS,
  'GET /api/users/organizers': ORGANIZERS,
  'GET /api/users/duplicates': ORGANIZERS,
  'PUT /api/users/{id}/roles': ADMINS,
  'POST /api/users/{id}/reset-password': ADMINS,
  'PATCH /api/users/{id}': ADMINS,
  'GET /api/audit': ADMINS,

  // Question bank: one bank shared by every organizer
  'GET /api/topics': ORGANIZERS,
  'POST /api/topics': ORGANIZERS,
  'PATCH /api/topics/{id}': ORGANIZERS,
  'DELETE /api/topics/{id}': ORGANIZERS,
  'GET /api/questions': ORGANIZERS,
  'POST /api/questions': ORGANIZERS,
  'GET /api/questions/availability': ORGANIZERS,
  'GET /api/questions/{id}': ORGANIZERS,
  'PATCH /api/questions/{id}': ORGANIZERS,
  'DELETE /api/questions/{id}': ORGANIZERS,
  'POST /api/questions/import': ORGANIZERS,
  'GET /api/questions/import-template': ORGANIZERS,
  'GET /api/questions/export': ORGANIZERS,

  // Contests and rounds
  'GET /api/contests': PUBLIC,
  'POST /api/contests': ORGANIZERS,
  'GET /api/contests/{id}': PUBLIC,
  'PATCH /api/contests/{id}': MANAGERS,
  'GET /api/contests/{id}/managers': MANAGERS,
  'PUT /api/contests/{id}/managers': MANAGERS,
  'POST /api/contests/{id}/rounds': MANAGERS,
  'POST /api/contests/{id}/publish': MANAGERS,
  'POST /api/contests/{id}/finish': MANAGERS,
  'GET /api/rounds/{id}': PUBLIC,
  'PATCH /api/rounds/{id}': MANAGERS,
  'DELETE /api/rounds/{id}': MANAGERS,

  // Quiz rounds and attempts
  'POST /api/rounds/{id}/attempts': CONTESTANTS,
  'GET /api/rounds/{id}/attempts/mine': SIGNED_IN,
  'POST /api/rounds/{id}/preview': MANAGERS,
  'POST /api/rounds/{id}/regrade': MANAGERS,
  'GET /api/rounds/{id}/regrades': MANAGERS,
  'GET /api/rounds/{id}/participation': MANAGERS,
  'POST /api/rounds/{id}/close': MANAGERS,

  // Analytics (managers)
  'GET /api/contests/{id}/participation': MANAGERS,
  'GET /api/rounds/{id}/item-analysis': MANAGERS,
  'GET /api/rounds/{id}/results-bundle': MANAGERS,

  // Certificates: a member's own (any signed-in caller: the handler says whether they took part), managers' bulk batches.
  'GET /api/rounds/{id}/certificate': SIGNED_IN,
  'POST /api/rounds/{id}/certificate-batches': MANAGERS,
  'GET /api/rounds/{id}/certificate-batches': MANAGERS,
  // No such batch: its managers get 404 CERTIFICATE.BATCH_NOT_FOUND, everyone else is stopped before.
  'GET /api/rounds/{id}/certificate-batches/{batchId}': { ...MANAGERS, manager: 404, admin: 404 },
  'GET /api/rounds/{id}/certificate-batches/{batchId}/file': { ...MANAGERS, manager: 404, admin: 404 },
  'GET /api/attempts/{id}': OWNER_AND_MANAGERS,
  'GET /api/attempts/{id}/review': OWNER_AND_MANAGERS,
  'PUT /api/attempts/{id}/answers/{questionId}': OWNER_ONLY,
  'PUT /api/attempts/{id}/prediction': OWNER_ONLY,
  'POST /api/attempts/{id}/submit': OWNER_ONLY,

  // Leaderboards (public once the contest is published)
  'GET /api/rounds/{id}/leaderboard': PUBLIC,
  'GET /api/rounds/{id}/leaderboard/me': SIGNED_IN,
  'GET /api/rounds/{id}/leaderboard/stream': PUBLIC,
  'GET /api/rounds/{id}/leaderboard/export': MANAGERS,
  'GET /api/contests/{id}/leaderboard': PUBLIC,
  'GET /api/contests/{id}/leaderboard/units': PUBLIC,
  'GET /api/contests/{id}/leaderboard/export': MANAGERS,
  'GET /api/contests/{id}/leaderboard/units/export': MANAGERS,

  // Essays: the member's side (the judge judges the contest, so cannot compete in it)
  'POST /api/rounds/{id}/entries': { ...CONTESTANTS, judge: '403 ROUND.STAFF_CANNOT_COMPETE' },
  'GET /api/rounds/{id}/entries/mine': SIGNED_IN,
  'GET /api/entries/{id}': OWNER_AND_MANAGERS,
  'PUT /api/entries/{id}': OWNER_ONLY,
  'PUT /api/entries/{id}/attachment': OWNER_ONLY,
  'DELETE /api/entries/{id}/attachment': OWNER_ONLY,
  'GET /api/entries/{id}/attachment': OWNER_AND_MANAGERS,

  // Essays: the organizers' side
  'GET /api/rounds/{id}/entries': MANAGERS,
  'POST /api/rounds/{id}/assignments': MANAGERS,
  'GET /api/rounds/{id}/assignments': MANAGERS,
  'GET /api/rounds/{id}/judging': MANAGERS,
  'PUT /api/rounds/{id}/essay-settings': MANAGERS,
  'POST /api/rounds/{id}/judging/lock': MANAGERS,
  'POST /api/entries/{id}/extra-judge': MANAGERS,
  'GET /api/rounds/{id}/essay-results': MANAGERS,
  'GET /api/rounds/{id}/essay-results/export': MANAGERS,
  'POST /api/rounds/{id}/essay-results/publish': MANAGERS,
  'POST /api/rounds/{id}/shortlist': MANAGERS,
  'GET /api/rounds/{id}/essay-results/public': PUBLIC,

  // Essays: the judges' side (their own assignments)
  'GET /api/judging/assignments': JUDGES,
  'GET /api/judging/assignments/{id}': JUDGES,
  'PUT /api/judging/assignments/{id}': JUDGES,
  'POST /api/judging/assignments/{id}/conflict': JUDGES,
  'GET /api/judging/assignments/{id}/attachment': JUDGES,
};
