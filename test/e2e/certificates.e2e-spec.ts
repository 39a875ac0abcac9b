/** Certificates of a closed quiz round (issue 19 item 4): a member's own PDF, and managers' bulk zip with progress. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

/** Reads a binary body (supertest buffers it only when asked). */
const binary = (request: import('supertest').Test) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('certificates', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let unitId: string;
  let quiz: QuizSetup;
  const members: AuthResponse[] = [];
  let outsider: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    unitId = (await aUnit(t, 'CĐCS Công ty Điện lực Thủ Đức')).id;
    quiz = await aQuizRound(t, unitId, { questions: 3, round: { closesAt: new Date(clock.now().getTime() + HOUR).toISOString() } });
    // Three members: 3, 2 and 1 right answers, so ranks 1, 2, 3.
    for (const [i, name] of ['Nguyễn Thị Hồng Nhung', 'Trần Văn Bình', 'Lê Thị Cúc'].entries()) {
      const member = await aMember(t, unitId, { fullName: name });
      const attempt = (await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201)).body;
      for (const [n, question] of attempt.questions.entries()) {
        if (n >= 3 - i) break;
        await t.http().put(`/api/attempts/${attempt.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(question.id) }).expect(200);
      }
      clock.advance(10_000);
      await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({}).expect(200);
      members.push(member);
    }
    outsider = await aMember(t, unitId, { fullName: 'Phạm Văn Dũng' });
  });
  afterAll(async () => t?.close());

  it('exist only after close', async () => {
    const early = await t.http().get(`/api/rounds/${quiz.roundId}/certificate`).set(...bearer(members[0])).expect(409);
    expect(early.body.code).toBe('CERTIFICATE.ROUND_NOT_CLOSED');
    const batch = await t.http().post(`/api/rounds/${quiz.roundId}/certificate-batches`).set(...bearer(quiz.organizer)).send({ winners: 1 }).expect(409);
    expect(batch.body.code).toBe('CERTIFICATE.ROUND_NOT_CLOSED');

    clock.advance(2 * HOUR);
    await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(200);
  });

  it("give a member their own participation certificate, and nobody else's", async () => {
    const response = await binary(t.http().get(`/api/rounds/${quiz.roundId}/certificate`).set(...bearer(members[1]))).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="chung-nhan-2.pdf"');
    const pdf = await PDFDocument.load(response.body as Buffer, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Giấy chứng nhận — Trần Văn Bình');
    // No bulk job has named winners yet: everyone's is a participation certificate.
    expect(pdf.getSubject()).toBe('Giấy chứng nhận tham gia');

    const none = await t.http().get(`/api/rounds/${quiz.roundId}/certificate`).set(...bearer(outsider)).expect(404);
    expect(none.body.code).toBe('CERTIFICATE.NOT_PARTICIPANT');
    await t.http().get(`/api/rounds/${quiz.roundId}/certificate`).expect(401);
  });

  it('build every participant’s into one zip for the managers, with progress, winners first', async () => {
    const bad = await t.http().post(`/api/rounds/${quiz.roundId}/certificate-batches`).set(...bearer(quiz.organizer)).send({ winners: -1 }).expect(400);
    expect(bad.body.code).toBe('VALIDATION');
    const stranger = await aUserWithRoles(t, unitId, ['organizer']);
    const refused = await t.http().post(`/api/rounds/${quiz.roundId}/certificate-batches`).set(...bearer(stranger)).send({ winners: 1 }).expect(403);
    expect(refused.body.code).toBe('CONTEST.NOT_MANAGER');

    const started = await t.http().post(`/api/rounds/${quiz.roundId}/certificate-batches`).set(...bearer(quiz.organizer)).send({ winners: 1 }).expect(202);
    expect(started.body).toMatchObject({ roundId: quiz.roundId, winners: 1, status: 'running', finishedAt: null });

    let batch = started.body;
    const deadline = Date.now() + 60_000;
    while (batch.status === 'running') {
      if (Date.now() > deadline) throw new Error('the batch never finished');
      // Before it finishes, its file is not there to take.
      const early = await t.http().get(`/api/rounds/${quiz.roundId}/certificate-batches/${batch.id}/file`).set(...bearer(quiz.organizer));
      if (early.status !== 200) expect(early.body.code).toBe('CERTIFICATE.BATCH_NOT_READY');
      await new Promise((resolve) => setTimeout(resolve, 100));
      batch = (await t.http().get(`/api/rounds/${quiz.roundId}/certificate-batches/${batch.id}`).set(...bearer(quiz.organizer)).expect(200)).body;
    }
    expect(batch).toMatchObject({ status: 'done', total: 3, done: 3, finishedAt: expect.any(String) });
    const list = await t.http().get(`/api/rounds/${quiz.roundId}/certificate-batches`).set(...bearer(quiz.organizer)).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([batch.id]);

    const file = await binary(t.http().get(`/api/rounds/${quiz.roundId}/certificate-batches/${batch.id}/file`).set(...bearer(quiz.organizer))).expect(200);
    expect(file.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(file.body as Buffer));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      [`giai/000001-${members[0].user.id}.pdf`, `tham-gia/000002-${members[1].user.id}.pdf`, `tham-gia/000003-${members[2].user.id}.pdf`].sort(),
    );
    const winner = await PDFDocument.load(entries[`giai/000001-${members[0].user.id}.pdf`], { updateMetadata: false });
    expect([winner.getTitle(), winner.getSubject()]).toEqual(['Giấy chứng nhận — Nguyễn Thị Hồng Nhung', 'Giấy chứng nhận đạt giải']);

    // The batch named one winner: the first member's own download now says so; the others' do not.
    const own = await binary(t.http().get(`/api/rounds/${quiz.roundId}/certificate`).set(...bearer(members[0]))).expect(200);
    expect((await PDFDocument.load(own.body as Buffer, { updateMetadata: false })).getSubject()).toBe('Giấy chứng nhận đạt giải');
    const second = await binary(t.http().get(`/api/rounds/${quiz.roundId}/certificate`).set(...bearer(members[1]))).expect(200);
    expect((await PDFDocument.load(second.body as Buffer, { updateMetadata: false })).getSubject()).toBe('Giấy chứng nhận tham gia');

    const audit = await t.dataSource.query(`SELECT details FROM audit_log WHERE action = 'round.certificates' AND target_id = $1`, [quiz.roundId]);
    expect(audit).toEqual([{ details: { batchId: batch.id, winners: 1 } }]);
  });

  it('never hand out a batch of another round', async () => {
    const other = await aQuizRound(t, unitId, { questions: 1 });
    const [batch] = (await t.http().get(`/api/rounds/${quiz.roundId}/certificate-batches`).set(...bearer(quiz.organizer)).expect(200)).body.items;
    const response = await t.http().get(`/api/rounds/${other.roundId}/certificate-batches/${batch.id}/file`).set(...bearer(other.organizer)).expect(404);
    expect(response.body.code).toBe('CERTIFICATE.BATCH_NOT_FOUND');
  });
});
