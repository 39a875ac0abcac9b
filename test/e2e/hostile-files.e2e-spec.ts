import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { AssignmentSummary } from '@hoi-thi/contracts';
import { bearer } from '../support/builders.js';
import { aDocx, aPdf, pdfContains } from '../support/essay-documents.js';
import { anEssayRound, binary, essayBody, insertPeople, insertUnitTree, type Person } from '../support/essays.js';
import {
  deepDocx,
  deepSheet,
  docxBomb,
  docxFullOfAuthor,
  entityDocx,
  GIB,
  manyEntriesZip,
  manyObjectsPdf,
  objectStreamBombPdf,
  pdfFullOfAuthor,
  plainZip,
  smallXlsx,
  unclosedDocx,
  unclosedSheet,
  windowsProgram,
  xlsxBomb,
  xlsxWithSheet,
} from '../support/hostile-files.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Hostile files against the real app and database: every one is refused with a 4xx and a stable
 * code (and, for attachments, a `reason`) by a limit, not by running out of memory; nothing is
 * written; the process keeps answering. Memory is sampled through the whole file: the resident
 * set must grow by less than MEMORY_BOUND over the test (the bombs hold 2 GiB each). Times are
 * printed, never asserted.
 */
const MEMORY_BOUND = 200 * 1024 * 1024;
const AN = { name: 'Nguyễn Văn An', company: 'Công đoàn Cảng Sài Gòn', manager: 'Trần Thị Bình' };
const BINH = { name: 'Lê Thị Bính', company: 'CĐCS Dệt May Thành Công', manager: 'Phạm Văn Chinh' };

describe('hostile files: bounded, refused with a clear 4xx, nothing written, the process stays up', () => {
  let t: TestApp;
  let clock: FakeClock;
  let organizer: Person;
  let an: Person;
  let binh: Person;
  let judges: Person[];
  let roundId: string;
  let anEntry: string;
  let binhEntry: string;
  let topicId: string;
  let baseline = 0;
  let peak = 0;
  let sampler: NodeJS.Timeout;
  const times: string[] = [];

  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  /** Runs a request, noting how long it took and the memory right after. */
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    sample();
    times.push(`${label}: ${Math.round(performance.now() - started)} ms`);
    return result;
  };
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const roundFolder = () => join(t.config.dataDir, 'uploads', 'essays', roundId);
  const storedFiles = () => (existsSync(roundFolder()) ? readdirSync(roundFolder()).sort() : []);
  const attachmentOf = async (entryId: string, who: Person) => (await t.http().get(`/api/entries/${entryId}`).set(...bearer(who)).expect(200)).body.attachment;
  const upload = (who: Person, entryId: string, file: Buffer, name: string) =>
    t.http().put(`/api/entries/${entryId}/attachment`).set(...bearer(who)).attach('file', file, name);
  const importQuestions = (file: Buffer, name: string, format = 'xlsx') =>
    t.http().post('/api/questions/import').set(...bearer(organizer)).field('format', format).field('topicId', topicId).attach('file', file, name);

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    const units = await insertUnitTree(t, { province: null, n1: 'province', s1: 'province' });
    [organizer] = await insertPeople(t, [{ unitId: units.get('province')!, roles: ['organizer'] }]);
    [an, binh] = await insertPeople(t, [
      { unitId: units.get('n1')!, fullName: AN.name },
      { unitId: units.get('s1')!, fullName: BINH.name },
    ]);
    judges = await insertPeople(t, [{ unitId: null, roles: ['judge'] }, { unitId: null, roles: ['judge'] }]);
    ({ roundId } = await anEssayRound(t, organizer, { now: clock.now(), round: { judgesPerEntry: 1 } }));
    anEntry = (await t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(an)).send({ title: 'Bài của An', body: essayBody(30) }).expect(201)).body.id;
    binhEntry = (await t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(binh)).send({ title: 'Bài của Bính', body: essayBody(30, 3) }).expect(201)).body.id;
    topicId = (await t.http().post('/api/topics').set(...bearer(organizer)).send({ name: 'Tệp độc hại' }).expect(201)).body.id;
    baseline = process.memoryUsage().rss;
    peak = baseline;
    sampler = setInterval(sample, 20);
  });

  afterAll(async () => {
    clearInterval(sampler);
    if (baseline) {
      console.log(`hostile files: RSS ${Math.round(baseline / 2 ** 20)} MB at start, peak growth ${Math.round((peak - baseline) / 2 ** 20)} MB (bound ${MEMORY_BOUND / 2 ** 20} MB)\n${times.join('\n')}`);
    }
    await t?.close();
  });

  describe('question import (xlsx)', () => {
    it.each([
      ['a zip bomb declaring 2 GiB', 'IMPORT.FILE_INFLATED_TOO_LARGE', () => xlsxBomb(2 * GIB)],
      ['a zip bomb declaring 1 KB that inflates to 2 GiB', 'IMPORT.FILE_CORRUPT', () => xlsxBomb(2 * GIB, true)],
      ['a sheet compressed 1000 times', 'IMPORT.FILE_COMPRESSION_RATIO', () => xlsxBomb(40 * 1024 * 1024)],
      ['5,000 parts', 'IMPORT.FILE_TOO_MANY_PARTS', () => manyEntriesZip(5000)],
      ['XML nested 10^5 deep', 'IMPORT.FILE_XML_TOO_DEEP', () => xlsxWithSheet(deepSheet())],
      ['10^5 unclosed tags', 'IMPORT.FILE_XML_TOO_DEEP', () => xlsxWithSheet(unclosedSheet())],
      ['a Word document named .xlsx', 'IMPORT.FILE_NOT_XLSX', () => aDocx(AN)],
      ['a zip that is no Office file', 'IMPORT.FILE_NOT_XLSX', () => plainZip()],
      ['a Windows program named .xlsx', 'IMPORT.FORMAT_MISMATCH', () => windowsProgram()],
      ['a PDF named .xlsx', 'IMPORT.FORMAT_MISMATCH', () => aPdf(AN)],
    ])('refuses %s: 400 IMPORT.INVALID listing %s, no question written', async (label, code, make) => {
      const file = await make();
      const before = await count('questions');
      const response = await timed(`import ${label} (${Math.round(file.length / 1024)} KB)`, () => importQuestions(file, 'ngan-hang.xlsx'));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'IMPORT.INVALID', created: 0 });
      expect(response.body.errors).toEqual([expect.objectContaining({ line: 1, code, message: expect.any(String) })]);
      expect(await count('questions')).toBe(before);
      await t.http().get('/api/health').expect(200);
    });

    it('still imports an ordinary workbook after all that', async () => {
      const response = await importQuestions(smallXlsx(), 'mau.xlsx');
      // One text cell and no template header: a header error, read by exceljs as usual.
      expect(response.status).toBe(400);
      expect(response.body.errors[0].code).toBe('IMPORT.TEMPLATE_HEADER_MISSING');
    });

    it('refuses a bomb in the unit tree import the same way (it reads workbooks with the same reader)', async () => {
      const before = await count('units');
      const response = await timed('unit import, zip bomb', () =>
        t.http().post('/api/units/import').set(...bearer(organizer)).field('dryRun', 'false').attach('file', xlsxBomb(2 * GIB), 'don-vi.xlsx'),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'UNIT_IMPORT.INVALID', errors: [expect.objectContaining({ line: 1, message: expect.stringMatching(/MB/) })] });
      expect(await count('units')).toBe(before);
    });
  });

  describe('essay attachments', () => {
    beforeAll(async () => {
      await upload(an, anEntry, await aDocx(AN), 'ban-dau.docx').expect(200);
      await upload(binh, binhEntry, await aPdf(BINH), 'ban-dau.pdf').expect(200);
    });

    it.each([
      ['a DOCX zip bomb declaring 2 GiB', 400, 'zip_entry_too_large', () => docxBomb(2 * GIB)],
      ['a DOCX zip bomb declaring 1 KB that inflates to 2 GiB', 400, 'zip_corrupt', () => docxBomb(2 * GIB, true)],
      ['a document compressed 1000 times', 400, 'zip_ratio', () => docxBomb(24 * 1024 * 1024)],
      ['5,000 parts', 400, 'zip_too_many_entries', () => manyEntriesZip(5000)],
      ['XML nested 10^5 deep', 400, 'xml_too_deep', () => deepDocx()],
      ['10^5 unclosed tags', 400, 'xml_too_deep', () => unclosedDocx()],
      ['entities declared in a DOCTYPE (billion laughs)', 400, 'xml_doctype', () => entityDocx()],
      ['a PDF of 60,000 objects', 400, 'pdf_too_many_objects', () => manyObjectsPdf(60_000)],
      ['a PDF whose object stream inflates to 2 GiB', 400, 'pdf_stream_too_large', () => objectStreamBombPdf(2 * GIB)],
      ['a Windows program named .docx', 415, null, () => windowsProgram()],
      ['a zip that is no Office file', 415, null, () => plainZip()],
      ['a workbook named .docx', 415, null, () => smallXlsx()],
    ])('refuses %s with %i (%s), keeping the file it had', async (label, status, reason, make) => {
      const file = await make();
      const entry = label.includes('PDF') ? binhEntry : anEntry;
      const author = entry === binhEntry ? binh : an;
      const before = await attachmentOf(entry, author);
      const files = storedFiles();
      const response = await timed(`attachment ${label} (${Math.round(file.length / 1024)} KB)`, () => upload(author, entry, file, 'bai-du-thi.docx'));
      expect(response.status).toBe(status);
      if (reason) expect(response.body).toMatchObject({ code: 'ATTACHMENT.UNREADABLE', reason, message: expect.any(String) });
      else expect(response.body.code).toBe('ATTACHMENT.UNSUPPORTED_TYPE');
      expect(await attachmentOf(entry, author)).toEqual(before);
      expect(storedFiles()).toEqual(files);
      await t.http().get('/api/health').expect(200);
    });

    describe('for the judges, after the close', () => {
      let assignments: AssignmentSummary[];
      const assignmentOf = (entryId: string) => assignments.find((a) => a.entryId === entryId)!;
      const judgeOf = (entryId: string) => judges.find((j) => j.id === assignmentOf(entryId).judgeId)!;
      const download = (entryId: string) =>
        t.http().get(`/api/judging/assignments/${assignmentOf(entryId).id}/attachment`).set(...bearer(judgeOf(entryId))).buffer(true).parse(binary);

      beforeAll(async () => {
        await upload(an, anEntry, await docxFullOfAuthor(AN, 'Người lao động là trung tâm.'), 'Nguyen-Van-An.docx').expect(200);
        await upload(binh, binhEntry, await pdfFullOfAuthor(BINH), 'Le-Thi-Binh.pdf').expect(200);
        clock.advance(8 * 24 * 3600_000);
        assignments = (await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id) }).expect(201)).body.assignments;
      });

      it('serves the DOCX with no trace of its author in any part, picture or embedded file', async () => {
        const response = await timed('judge download, DOCX full of metadata', () => download(anEntry));
        expect(response.status).toBe(200);
        const zip = await JSZip.loadAsync(response.body as Buffer);
        const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
        expect(names.filter((name) => /^customXml\/|^docProps\/(custom\.xml|thumbnail)/.test(name))).toEqual([]);
        const parts = await Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('nodebuffer')] as const));
        const inner = await JSZip.loadAsync(parts.find(([name]) => name.endsWith('.xlsx'))![1]);
        const innerParts = await Promise.all(Object.values(inner.files).filter((f) => !f.dir).map(async (f) => [`${f.name} (embedded)`, await f.async('nodebuffer')] as const));
        for (const [name, bytes] of [...parts, ...innerParts]) {
          for (const value of [...Object.values(AN), 'C:/Users', 'C:\\Users', 'S::']) {
            expect({ name, value, leaked: bytes.includes(Buffer.from(value, 'utf8')) }).toEqual({ name, value, leaked: false });
          }
        }
        expect(await zip.file('word/document.xml')!.async('string')).toContain('Người lao động là trung tâm.');
      });

      it('serves the PDF without Info entries, XMP, annotations, embedded files or PieceInfo', async () => {
        const response = await timed('judge download, PDF full of metadata', () => download(binhEntry));
        expect(response.status).toBe(200);
        const file = response.body as Buffer;
        for (const value of Object.values(BINH)) expect({ value, leaked: pdfContains(file, value) }).toEqual({ value, leaked: false });
        const pdf = await PDFDocument.load(file, { updateMetadata: false });
        expect(pdf.getPage(0).node.get(PDFName.of('Annots'))).toBeUndefined();
        expect(pdf.catalog.get(PDFName.of('Names'))?.toString() ?? '').not.toContain('EmbeddedFiles');
        for (const marker of ['/EmbeddedFile', '/FileAttachment', '/Annot', '/PieceInfo', '/Metadata']) expect({ marker, found: file.includes(Buffer.from(marker)) }).toEqual({ marker, found: false });
        expect(pdf.getPageCount()).toBe(1);
      });

      it('a stored file over the limits (put there before they existed) is refused to the judge with a 4xx, not inflated', async () => {
        const [{ path }] = await t.dataSource.query('SELECT attachment_path AS path FROM essay_entries WHERE id = $1', [anEntry]);
        writeFileSync(join(t.config.dataDir, 'uploads', path), docxBomb(2 * GIB, true));
        const response = await timed('judge download, stored zip bomb', () => download(anEntry));
        expect(response.status).toBe(400);
        expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({ code: 'ATTACHMENT.UNREADABLE', reason: 'zip_corrupt' });
        await t.http().get('/api/health').expect(200);
      });
    });
  });

  // Last: jest runs a block's own tests before its nested blocks, so this sits in a block of its own.
  describe('at the end', () => {
    it(`kept the resident memory of the process within ${MEMORY_BOUND / 2 ** 20} MB of its start`, () => {
      sample();
      expect(peak - baseline).toBeLessThan(MEMORY_BOUND);
    });
  });
});
