import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aTopic, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** supertest parser that keeps a file download as a Buffer. */
function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../fixtures/import', path));

describe('question import and export', () => {
  let t: TestApp;
  let organizer: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await aUserWithRoles(t, (await aUnit(t)).id, ['organizer']);
  });
  afterAll(async () => t?.close());

  const upload = (file: Buffer, filename: string, fields: Record<string, string>) => {
    const request = t.http().post('/api/questions/import').set(...bearer(organizer));
    for (const [name, value] of Object.entries(fields)) request.field(name, value);
    return request.attach('file', file, filename);
  };
  const countIn = async (topicId: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS count FROM questions WHERE topic_id = $1`, [topicId]))[0].count as number;
  const totalQuestions = async () => (await t.dataSource.query('SELECT count(*)::int AS count FROM questions'))[0].count as number;

  it('imports the spreadsheet made by LibreOffice: dry run first, then for real, then reports duplicates', async () => {
    const topic = await aTopic(t, organizer, 'Từ Excel');
    const dry = await upload(fixture('ok/bank.xlsx'), 'bank.xlsx', { format: 'xlsx', topicId: topic.id, dryRun: 'true' }).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 14, errors: [], duplicates: [] });
    expect(await countIn(topic.id)).toBe(0);

    const real = await upload(fixture('ok/bank.xlsx'), 'bank.xlsx', { format: 'xlsx', topicId: topic.id }).expect(201);
    expect(real.body).toMatchObject({ dryRun: false, created: 14, errors: [] });
    expect(await countIn(topic.id)).toBe(14);
    const types = await t.dataSource.query(`SELECT type, count(*)::int AS n FROM questions WHERE topic_id = $1 GROUP BY type ORDER BY type`, [topic.id]);
    expect(types.map((r: { type: string }) => r.type)).toEqual(expect.arrayContaining(['multiple', 'single', 'true_false']));

    const again = await upload(fixture('ok/bank.xlsx'), 'bank.xlsx', { format: 'xlsx', topicId: topic.id }).expect(201);
    expect(again.body.created).toBe(0);
    expect(again.body.duplicates).toHaveLength(14);
    expect(again.body.duplicates[0]).toMatchObject({ line: 2, code: 'IMPORT.DUPLICATE', message: expect.any(String) });
    const forced = await upload(fixture('ok/bank.xlsx'), 'bank.xlsx', { format: 'xlsx', topicId: topic.id, allowDuplicates: 'true' }).expect(201);
    expect(forced.body.created).toBe(14);
    expect(await countIn(topic.id)).toBe(28);
  });

  it('imports GIFT with every construct: categories become sub-topics, other kinds are skipped', async () => {
    const topic = await aTopic(t, organizer, 'Từ Moodle');
    const dry = await upload(fixture('ok/bank.gift'), 'bank.gift', { format: 'gift', topicId: topic.id, dryRun: 'true' }).expect(200);
    expect(dry.body).toMatchObject({ created: 11, errors: [] });
    expect(await t.dataSource.query(`SELECT id FROM topics WHERE parent_id = $1`, [topic.id])).toEqual([]);
    const response = await upload(fixture('ok/bank.gift'), 'bank.gift', { format: 'gift', topicId: topic.id }).expect(201);
    expect(response.body.created).toBe(11);
    expect(response.body.errors).toEqual([]);
    expect(response.body.skipped).toHaveLength(6);
    expect(response.body.skipped.every((s: { line: number; code: string }) => s.line > 0 && s.code === 'IMPORT.GIFT_UNSUPPORTED_KIND')).toBe(true);
    const subTopics = await t.dataSource.query(`SELECT name FROM topics WHERE parent_id = $1`, [topic.id]);
    expect(subTopics.length).toBeGreaterThan(0);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM questions q JOIN topics tp ON tp.id = q.topic_id WHERE tp.id = $1 OR tp.parent_id = $1 OR tp.parent_id IN (SELECT id FROM topics WHERE parent_id = $1)`,
      [topic.id],
    );
    expect(count).toBe(11);
  });

  it('imports Aiken and CSV (BOM, quoted commas, line breaks in a field)', async () => {
    const aiken = await aTopic(t, organizer, 'Từ Aiken');
    const a = await upload(fixture('ok/bank.aiken.txt'), 'bank.txt', { format: 'aiken', topicId: aiken.id }).expect(201);
    expect(a.body.errors).toEqual([]);
    expect(a.body.created).toBeGreaterThan(0);
    expect(await countIn(aiken.id)).toBe(a.body.created);

    const csv = await aTopic(t, organizer, 'Từ CSV');
    const c = await upload(fixture('ok/bank.csv'), 'bank.csv', { format: 'csv', topicId: csv.id }).expect(201);
    expect(c.body.errors).toEqual([]);
    expect(c.body.created).toBeGreaterThan(0);
    const withBreak = await t.dataSource.query(`SELECT text FROM questions WHERE topic_id = $1 AND text LIKE '%' || chr(10) || '%'`, [csv.id]);
    expect(withBreak).toHaveLength(1);
  });

  it.each([
    ['not-ok/not-xlsx.xlsx', 'xlsx', 'IMPORT.FORMAT_MISMATCH', 1],
    ['not-ok/truncated.xlsx', 'xlsx', 'IMPORT.FILE_CORRUPT', 1],
    ['not-ok/semicolon.csv', 'csv', 'IMPORT.CSV_DELIMITER', 1],
    ['not-ok/unclosed-brace.gift', 'gift', 'IMPORT.GIFT_UNCLOSED_BRACE', 4],
    ['not-ok/aiken-bad-letter.txt', 'aiken', 'IMPORT.AIKEN_ANSWER_UNKNOWN', 12],
    ['ok/bank.xlsx', 'gift', 'IMPORT.FORMAT_MISMATCH', 1],
  ])('refuses %s as %s with 400 %s on line %i, writing nothing', async (path, format, code, line) => {
    const topic = await aTopic(t, organizer, `Lỗi ${path} ${format}`);
    const before = await totalQuestions();
    const response = await upload(fixture(path), 'upload', { format, topicId: topic.id }).expect(400);
    expect(response.body).toMatchObject({ code: 'IMPORT.INVALID', created: 0, message: expect.any(String) });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code, line, message: expect.any(String) })]));
    expect(await totalQuestions()).toBe(before);
    const dry = await upload(fixture(path), 'upload', { format, topicId: topic.id, dryRun: 'true' }).expect(200);
    expect(dry.body.errors.length).toBeGreaterThan(0);
    await t.http().get('/api/health').expect(200);
  });

  it('refuses a file over 10 MB, a missing file, a bad format and an unknown topic with 400', async () => {
    const topic = await aTopic(t, organizer, 'Giới hạn');
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 'a');
    const tooBig = await upload(big, 'big.gift', { format: 'gift', topicId: topic.id }).expect(400);
    expect(tooBig.body.code).toBe('IMPORT.FILE_TOO_LARGE');
    const missing = await t.http().post('/api/questions/import').set(...bearer(organizer)).field('format', 'gift').field('topicId', topic.id).expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
    const badFormat = await upload(fixture('ok/bank.gift'), 'bank.gift', { format: 'docx', topicId: topic.id }).expect(400);
    expect(badFormat.body.details).toEqual([expect.objectContaining({ field: 'format' })]);
    const unknownTopic = await upload(fixture('ok/bank.gift'), 'bank.gift', { format: 'gift', topicId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknownTopic.body.details).toEqual([expect.objectContaining({ field: 'topicId' })]);
    await t.http().post('/api/questions/import').set(...bearer(organizer)).send({ format: 'gift' }).expect(415);
    await t.http().get('/api/health').expect(200);
  });

  it('exports to xlsx that imports back to the same questions, and to GIFT and Aiken', async () => {
    const source = await aTopic(t, organizer, 'Nguồn xuất');
    await upload(fixture('ok/bank.xlsx'), 'bank.xlsx', { format: 'xlsx', topicId: source.id }).expect(201);
    const exported = await t
      .http()
      .get('/api/questions/export')
      .query({ format: 'xlsx', topicId: source.id })
      .set(...bearer(organizer))
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', /spreadsheetml/);
    const target = await aTopic(t, organizer, 'Đích nhập lại');
    const reimport = await upload(exported.body as Buffer, 'export.xlsx', { format: 'xlsx', topicId: target.id }).expect(201);
    expect(reimport.body.created).toBe(14);
    const shape = async (topicId: string) =>
      (
        await t.dataSource.query(
          `SELECT v.type, v.text, v.difficulty, v.points::text, v.explanation, (SELECT json_agg(json_build_object('t', o->>'text', 'c', o->'correct')) FROM jsonb_array_elements(v.options) o) AS options
           FROM questions q JOIN question_versions v ON v.id = q.current_version_id WHERE q.topic_id = $1 ORDER BY v.text`,
          [topicId],
        )
      ).map((row: Record<string, unknown>) => JSON.stringify(row));
    expect(await shape(target.id)).toEqual(await shape(source.id));

    const gift = await t.http().get('/api/questions/export').query({ format: 'gift', topicId: source.id }).set(...bearer(organizer)).expect(200);
    expect(gift.text).toContain('$CATEGORY:');
    const aiken = await t.http().get('/api/questions/export').query({ format: 'aiken', topicId: source.id }).set(...bearer(organizer)).expect(200);
    expect(aiken.text).toMatch(/ANSWER: [A-H]/);
    await t.http().get('/api/questions/export').query({ format: 'pdf' }).set(...bearer(organizer)).expect(400);
    await t.http().get('/api/questions/export').query({ format: 'gift', topicId: '00000000-0000-4000-8000-000000000000' }).set(...bearer(organizer)).expect(404);
  });

  it('serves the import template with the Vietnamese headers', async () => {
    const response = await t
      .http()
      .get('/api/questions/import-template')
      .set(...bearer(organizer))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const header = (workbook.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Câu hỏi', 'Phương án A', 'Phương án B', 'Phương án C', 'Phương án D', 'Phương án E', 'Phương án F', 'Phương án G', 'Phương án H', 'Đáp án', 'Mức độ', 'Điểm', 'Giải thích']);
  });
});
