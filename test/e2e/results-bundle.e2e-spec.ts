import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { AuthResponse } from '@hoi-thi/contracts';
import { type BundleAttempt, type BundleQuestion, type BundleRound, ResultsDifference } from '@hoi-thi/contest-engine';
import { verifyBundle } from '../../tools/verify-results/verify-results.mjs';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

type Files = Record<string, Uint8Array>;

/** The bundle's files changed by `change`, zipped again; SHA256SUMS recomputed unless told otherwise. */
function tampered(bundle: Buffer, change: (files: Files) => void, recomputeSums = true): Buffer {
  const files = unzipSync(bundle);
  change(files);
  if (recomputeSums) {
    const names = ['results.csv', 'attempts.jsonl', 'questions.jsonl', 'round.json'];
    files.SHA256SUMS = strToU8(names.map((name) => `${sha256(files[name])}  ${name}\n`).join(''));
  }
  return Buffer.from(zipSync(files));
}

const lines = <T>(files: Files, name: string): T[] =>
  strFromU8(files[name])
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
const writeLines = (files: Files, name: string, values: unknown[]) => {
  files[name] = strToU8(values.map((value) => `${JSON.stringify(value)}\n`).join(''));
};

function differenceOf(bundle: Buffer): string {
  try {
    verifyBundle(bundle);
  } catch (error) {
    if (error instanceof ResultsDifference) return error.message;
    throw error;
  }
  throw new Error('the bundle verified');
}

/**
 * Verifiable results (API.md "Analytics and verifiable results", issue 19 item 5): a real round
 * played through the API (attempts before and after a bank edit, so two candidate pools; a
 * prediction; an attempt left to expire), closed, its bundle downloaded and verified with the
 * engine alone; then the same bundle tampered in each way a dispute could claim, each caught.
 */
describe('the results bundle of a closed round', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let quiz: QuizSetup;
  let members: AuthResponse[];
  let bundle: Buffer;

  const download = (as: { accessToken: string }, roundId = quiz.roundId) =>
    t
      .http()
      .get(`/api/rounds/${roundId}/results-bundle`)
      .set(...bearer(as))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  /** Starts an attempt, answers every question (right when `right` says so), submits (unless `leave`) after `seconds`. */
  async function play(member: AuthResponse, right: (index: number) => boolean, seconds: number, submit: { prediction?: number } | 'leave') {
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    for (const [index, question] of (started.body.questions as { id: string; options: { id: string }[] }[]).entries()) {
      const key = quiz.keys.get(question.id)!;
      const optionIds = right(index) ? key : [question.options.find((o) => !key.includes(o.id))!.id];
      await t.http().put(`/api/attempts/${started.body.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds }).expect(200);
    }
    clock.advance(seconds * 1000);
    if (submit !== 'leave') await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send(submit).expect(200);
    return started.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const unit = await aUnit(t, 'CĐCS Công ty Điện lực', null, 50);
    quiz = await aQuizRound(t, unit.id, {
      questions: 4,
      now: clock.now(),
      round: { maxAttempts: 2, timeLimitSeconds: 600, freezeMinutes: 0, predictionQuestion: 'Bao nhiêu người tham gia tuần này?', predictionActual: 'participants' },
    });
    members = [];
    for (let i = 0; i < 4; i++) members.push(await aMember(t, unit.id, { fullName: i === 3 ? '=Người, "khó" đọc' : `Đoàn viên ${i + 1}` }));

    // Before the bank edit: two members, one perfect paper.
    await play(members[0], () => true, 90, { prediction: 4 });
    await play(members[1], (i) => i !== 0, 60, { prediction: 3 });
    // A bank edit: the question gets a new version, so later papers come from another pool.
    const [firstQuestion] = [...quiz.keys.keys()];
    await t.http().patch(`/api/questions/${firstQuestion}`).set(...bearer(quiz.organizer)).send({ text: 'Câu 1 (sửa): tuổi tối thiểu để được bầu cử?' }).expect(200);
    await play(members[2], (i) => i !== 0, 60, {});
    await play(members[1], () => true, 120, { prediction: 5 });
    // Left unsubmitted: the close expires it.
    await play(members[3], (i) => i < 2, 30, 'leave');
    clock.advance(20 * MINUTE);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('is refused before close (409 with a stable code) and to anyone but the managers', async () => {
    const early = await download(quiz.organizer).expect(409);
    expect(JSON.parse(early.body.toString()).code).toBe('RESULTS.ROUND_NOT_CLOSED');
    await download(members[0]).expect(403);

    await t.dataSource.query('UPDATE rounds SET closes_at = $2 WHERE id = $1', [quiz.roundId, new Date(clock.now().getTime() - t.config.attemptGraceSeconds * 1000)]);
    await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(200);
    await download(members[0]).expect(403);
    const board = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard`).expect(200);
    expect(board.body).toMatchObject({ final: true, resultsSha256: null });
  });

  it('after close: a zip that verifies with the engine alone, papers re-drawn from two stored pools', async () => {
    const response = await download(quiz.organizer).expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain('.zip');
    bundle = response.body as Buffer;
    const files = unzipSync(bundle);
    expect(Object.keys(files)).toEqual(['results.csv', 'attempts.jsonl', 'questions.jsonl', 'round.json', 'SHA256SUMS']);

    const round = JSON.parse(strFromU8(files['round.json'])) as BundleRound;
    const attempts = lines<BundleAttempt>(files, 'attempts.jsonl');
    expect(attempts).toHaveLength(5);
    expect(round.pools).toHaveLength(2);
    expect(new Set(attempts.map((a) => a.poolId))).toEqual(new Set(round.pools.map((p) => p.id)));
    expect(round.actualValue).toBe(4);
    expect(attempts.filter((a) => a.status === 'expired')).toHaveLength(1);
    // Both versions of the edited question are there, each with its key.
    expect(lines<BundleQuestion>(files, 'questions.jsonl')).toHaveLength(5);

    expect(verifyBundle(bundle)).toMatchObject({ attempts: 5, ranks: 4, papersRederived: 5, papersWithoutPool: 0 });

    // results.csv is the public final board, and the board now shows its SHA-256 (another page size:
    // the page read before the bundle is shared for a moment).
    const board = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=100`).expect(200);
    const csv = strFromU8(files['results.csv']).replace(/^\uFEFF/, '').trim().split('\n');
    expect(csv[0]).toBe('rank,attemptId,userId,fullName,unitName,score,prediction,predictionDiff,durationMs,submittedAt');
    expect(csv.slice(1).map((line) => line.split(',').filter((_, i) => i === 0 || i === 2).join(','))).toEqual(
      board.body.entries.map((e: { rank: number; userId: string }) => `${e.rank},${e.userId}`),
    );
    // A name that a spreadsheet would run as a formula is defused; quotes and commas are quoted.
    expect(csv.some((line) => line.includes(`"'=Người, ""khó"" đọc"`))).toBe(true);
    expect(board.body.resultsSha256).toBe(sha256(files['results.csv']));
    expect(board.body.entries[0]).toMatchObject({ userId: members[0].user.id, rank: 1 });

    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'round.results%'`, [quiz.roundId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['round.results_bundle']);
  });

  it('a changed score in attempts.jsonl is the first difference', () => {
    const bad = tampered(bundle, (files) => {
      const attempts = lines<BundleAttempt>(files, 'attempts.jsonl');
      attempts[0].score = (attempts[0].score ?? 0) + 1;
      writeLines(files, 'attempts.jsonl', attempts);
    });
    expect(differenceOf(bad)).toMatch(/^attempt [0-9a-f-]+: score \d+ in attempts.jsonl, re-graded \d+$/);
  });

  it('a changed answer re-grades to another score', () => {
    let attemptId = '';
    const bad = tampered(bundle, (files) => {
      const attempts = lines<BundleAttempt>(files, 'attempts.jsonl');
      const target = attempts.find((a) => a.status === 'submitted' && a.score === 4)!;
      attemptId = target.attemptId;
      const question = target.paper[0];
      target.answers = target.answers.map((answer) =>
        answer.questionId === question.questionId ? { ...answer, optionIds: [question.optionOrder.find((id) => !answer.optionIds.includes(id))!] } : answer,
      );
      writeLines(files, 'attempts.jsonl', attempts);
    });
    expect(differenceOf(bad)).toBe(`attempt ${attemptId}: score 4 in attempts.jsonl, re-graded 3`);
  });

  it('two swapped ranks in results.csv are caught at the first of them', () => {
    const bad = tampered(bundle, (files) => {
      const [header, first, second, ...rest] = strFromU8(files['results.csv']).split('\n');
      const swap = (line: string, rank: number) => `${rank}${line.slice(line.indexOf(','))}`;
      files['results.csv'] = strToU8([header, swap(second, 1), swap(first, 2), ...rest].join('\n'));
    });
    expect(differenceOf(bad)).toMatch(/^results.csv line 2 \(rank 1\): attempt .* of member .*, but re-ranking puts attempt .* of member .* at rank 1$/);
  });

  it('a changed key in questions.jsonl re-grades the papers that carry it', () => {
    const bad = tampered(bundle, (files) => {
      const questions = lines<BundleQuestion>(files, 'questions.jsonl');
      const [question] = questions;
      question.options = question.options.map((o) => ({ ...o, correct: !o.correct }));
      writeLines(files, 'questions.jsonl', questions);
    });
    expect(differenceOf(bad)).toMatch(/^attempt [0-9a-f-]+: score \d+ in attempts.jsonl, re-graded \d+$/);
  });

  it('a changed seed draws another paper', () => {
    const bad = tampered(bundle, (files) => {
      const attempts = lines<BundleAttempt>(files, 'attempts.jsonl');
      attempts[0].seed = 'f'.repeat(32);
      writeLines(files, 'attempts.jsonl', attempts);
    });
    expect(differenceOf(bad)).toMatch(/^attempt [0-9a-f-]+, question \d of the paper: /);
  });

  it('a file changed without recomputing SHA256SUMS fails the checksum first', () => {
    const bad = tampered(
      bundle,
      (files) => {
        files['results.csv'] = strToU8(strFromU8(files['results.csv']).replace('Đoàn viên 1', 'Đoàn viên 9'));
      },
      false,
    );
    expect(differenceOf(bad)).toMatch(/^results.csv: SHA-256 [0-9a-f]{64}, SHA256SUMS says [0-9a-f]{64}$/);
  });

  it('an attempt that predates stored pools is graded and ranked, and said to be so', async () => {
    await t.dataSource.query(
      `UPDATE attempts SET pool_snapshot_id = NULL WHERE id = (SELECT id FROM attempts WHERE round_id = $1 ORDER BY started_at LIMIT 1)`,
      [quiz.roundId],
    );
    const again = (await download(quiz.organizer).expect(200)).body as Buffer;
    expect(verifyBundle(again)).toMatchObject({ attempts: 5, ranks: 4, papersRederived: 4, papersWithoutPool: 1 });
    // Same final board, same results.csv: the published digest stands.
    expect(sha256(unzipSync(again)['results.csv'])).toBe(sha256(unzipSync(bundle)['results.csv']));
  });

  it('a regrade after close: the papers are graded against the corrected key, and the new code is audited', async () => {
    const [questionId] = [...quiz.keys.keys()];
    const question = (await t.http().get(`/api/questions/${questionId}`).set(...bearer(quiz.organizer)).expect(200)).body as {
      options: { id: string; text: string; correct: boolean }[];
    };
    const newKey = question.options.find((o) => !o.correct)!.id;
    await t
      .http()
      .patch(`/api/questions/${questionId}`)
      .set(...bearer(quiz.organizer))
      .send({ options: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.id === newKey })) })
      .expect(200);
    const regrade = await t.http().post(`/api/rounds/${quiz.roundId}/regrade`).set(...bearer(quiz.organizer)).send({}).expect(200);
    expect(regrade.body.changed.length).toBeGreaterThan(0);

    const before = sha256(unzipSync(bundle)['results.csv']);
    const after = (await download(quiz.organizer).expect(200)).body as Buffer;
    const files = unzipSync(after);
    expect(sha256(files['results.csv'])).not.toBe(before);
    const regraded = lines<BundleAttempt>(files, 'attempts.jsonl').filter((a) => a.paper.some((item) => item.keyVersionId));
    expect(regraded).toHaveLength(5);
    expect(verifyBundle(after)).toMatchObject({ attempts: 5, ranks: 4 });

    const board = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=99`).expect(200);
    expect(board.body.resultsSha256).toBe(sha256(files['results.csv']));
    const [changed] = await t.dataSource.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'round.results_digest'`, [quiz.roundId]);
    expect(changed.details).toEqual({ previous: before, current: sha256(files['results.csv']) });
  });

  it('starts write each pool once, not once per start', async () => {
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM question_pool_snapshots');
    expect(n).toBe(2);
  });
});
