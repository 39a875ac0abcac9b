/**
 * Routes whose declared return type does not describe the body: files and streams written through
 * `@Res()`, JSON serialized by hand (`Promise<string>`), and methods without a declared return type.
 *
 * Per media type: `type` is a TypeScript type expression (names from @hoi-thi/contracts, or from the
 * files in `from`), or `schema` is a JSON Schema. `sends` lists text that must appear in the method's
 * body (the content type it sets, the contract it builds), so an entry cannot silently go stale; the
 * generator also refuses an entry for a route that no longer exists and an `@Res()` route without one.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BINARY = { schema: { type: 'string', format: 'binary' } };

export const OVERRIDES = {
  'GET /api/contests/{id}/leaderboard/export': { content: { [XLSX]: BINARY }, sends: ['XLSX_CONTENT_TYPE'] },
  'GET /api/contests/{id}/leaderboard/units': { content: { 'application/json': { type: 'UnitLeaderboardResponse' } }, sends: ['UnitLeaderboardResponse'] },
  'GET /api/contests/{id}/leaderboard/units/export': { content: { [XLSX]: BINARY }, sends: ['XLSX_CONTENT_TYPE'] },
  'GET /api/contests/{id}/participation': {
    content: { 'application/json': { type: 'ContestParticipationResponse' }, [XLSX]: BINARY },
    sends: ['ContestParticipationResponse', 'XLSX_CONTENT_TYPE'],
  },
  'GET /api/entries/{id}/attachment': {
    content: { 'application/pdf': BINARY, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': BINARY },
    sends: ['ATTACHMENT_CONTENT_TYPES'],
  },
  'GET /api/judging/assignments/{id}/attachment': {
    content: { 'application/pdf': BINARY, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': BINARY },
    sends: ['ATTACHMENT_CONTENT_TYPES'],
  },
  'GET /api/questions/export': { content: { [XLSX]: BINARY, 'text/plain': { schema: { type: 'string' } } }, sends: ['CONTENT_TYPES[query.format]'] },
  'GET /api/questions/import-template': { content: { [XLSX]: BINARY }, sends: ['CONTENT_TYPES.xlsx'] },
  'GET /api/rounds/{id}/certificate': { content: { 'application/pdf': BINARY }, sends: ["'application/pdf'"] },
  'GET /api/rounds/{id}/certificate-batches/{batchId}/file': { content: { 'application/zip': BINARY }, sends: ["'application/zip'"] },
  'GET /api/rounds/{id}/essay-results/export': { content: { [XLSX]: BINARY }, sends: ['XLSX_CONTENT_TYPE'] },
  'GET /api/rounds/{id}/leaderboard': { content: { 'application/json': { type: 'RoundLeaderboardResponse' } }, sends: ['RoundLeaderboardResponse'] },
  'GET /api/rounds/{id}/leaderboard/export': { content: { [XLSX]: BINARY }, sends: ['XLSX_CONTENT_TYPE'] },
  'GET /api/rounds/{id}/leaderboard/stream': {
    content: { 'text/event-stream': { schema: { type: 'string', description: 'Server-sent events: `data:` lines carry the top of the board as JSON.' } } },
    sends: ['text/event-stream'],
  },
  'GET /api/rounds/{id}/regrades': {
    content: { 'application/json': { type: '{ items: RegradeLogEntity[] }', from: { RegradeLogEntity: 'apps/api/src/modules/attempts/regrade-log.entity.ts' } } },
    sends: ['items: await this.regrades.log(id)'],
  },
  'GET /api/rounds/{id}/results-bundle': { content: { 'application/zip': BINARY }, sends: ["'application/zip'"] },
  'POST /api/rounds/{id}/essay-results/publish': {
    content: { 'application/json': { type: '{ roundId: string; publishedAt: string; normalize: boolean }' } },
    sends: ['roundId: id, publishedAt:', 'normalize:'],
  },
  'PUT /api/attempts/{id}/prediction': { content: { 'application/json': { type: 'SavePredictionResponse' } }, sends: ['prediction: saved.prediction, savedAt:'] },
};
