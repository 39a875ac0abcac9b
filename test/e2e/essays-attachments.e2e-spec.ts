import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { AssignmentSummary, JudgeAssignmentResponse } from '@hoi-thi/contracts';
import { bearer } from '../support/builders.js';
import { aDocx, aPdf, pdfContains } from '../support/essay-documents.js';
import { anEssayRound, binary, essayBody, insertPeople, insertUnitTree, type Person } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const AN = { name: 'Nguyễn Văn An', company: 'Công đoàn Cảng Sài Gòn', manager: 'Trần Thị Bình' };
const BINH = { name: 'Le Thi Binh', company: 'CDCS Det May Thanh Cong', manager: 'Pham Van Chinh' };

async function docxParts(file: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(file);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')])));
}

describe('essay attachments: one PDF or DOCX per entry, author metadata stripped for the judges', () => {
  let t: TestApp;
  let clock: FakeClock;
  let organizer: Person;
  let an: Person;
  let binh: Person;
  let judges: Person[];
  let roundId: string;
  let anEntry: string;
  let binhEntry: string;
  /** The entries' codes (random), as the authors got them. */
  let anCode: string;
  let binhCode: string;

  const upload = (who: Person, entryId: string, file: Buffer, name: string) =>
    t.http().put(`/api/entries/${entryId}/attachment`).set(...bearer(who)).attach('file', file, name);
  const roundFolder = () => join(t.config.dataDir, 'uploads', 'essays', roundId);
  const storedFiles = () => (existsSync(roundFolder()) ? readdirSync(roundFolder()).sort() : []);
  const attachmentOf = async (entryId: string, who: Person) => (await t.http().get(`/api/entries/${entryId}`).set(...bearer(who)).expect(200)).body.attachment;

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
    ({ id: anEntry, code: anCode } = (await t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(an)).send({ title: 'Bài của An', body: essayBody(30) }).expect(201)).body);
    ({ id: binhEntry, code: binhCode } = (await t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(binh)).send({ title: 'Bài của Bình', body: essayBody(30, 3) }).expect(201)).body);
  });
  afterAll(async () => t?.close());

  it('stores a DOCX and a PDF under DATA_DIR/uploads, typed by their content whatever their names', async () => {
    const docx = await upload(an, anEntry, await aDocx(AN), 'Nguyen-Van-An.docx').expect(200);
    expect(docx.body.attachment).toMatchObject({ kind: 'docx', fileName: 'Nguyen-Van-An.docx', size: expect.any(Number) });
    const pdf = await upload(binh, binhEntry, await aPdf(BINH), 'bai-du-thi.docx').expect(200);
    expect(pdf.body.attachment).toMatchObject({ kind: 'pdf', fileName: 'bai-du-thi.docx' });
    const files = storedFiles();
    expect(files).toHaveLength(2);
    expect(files).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${anEntry}-[0-9a-f]{16}\\.docx$`)), expect.stringMatching(new RegExp(`^${binhEntry}-[0-9a-f]{16}\\.pdf$`))]),
    );
  });

  it('refuses a wrong or oversized file, a damaged one, or a form without the file, and keeps the one it has', async () => {
    const before = await attachmentOf(anEntry, an);
    const files = storedFiles();
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'anh.pdf', 415, 'ATTACHMENT.UNSUPPORTED_TYPE'],
      [Buffer.from('Chỉ là chữ, không phải Word'), 'bai.docx', 415, 'ATTACHMENT.UNSUPPORTED_TYPE'],
      [await zip.generateAsync({ type: 'nodebuffer' }), 'bang-tinh.docx', 415, 'ATTACHMENT.UNSUPPORTED_TYPE'],
      [Buffer.from('%PDF-1.7\n1 0 obj <<'), 'hong.pdf', 400, 'ATTACHMENT.UNREADABLE'],
      [Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]), 'qua-lon.pdf', 413, 'ATTACHMENT.TOO_LARGE'],
    ];
    for (const [file, name, status, code] of cases) {
      const response = await upload(an, anEntry, file, name).expect(status);
      expect(response.body.code).toBe(code);
    }
    const json = await t.http().put(`/api/entries/${anEntry}/attachment`).set(...bearer(an)).send({ file: 'abc' }).expect(415);
    expect(json.body.code).toBe('ATTACHMENT.NOT_MULTIPART');
    const noFile = await t.http().put(`/api/entries/${anEntry}/attachment`).set(...bearer(an)).field('note', 'x').expect(400);
    expect(noFile.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['file', 'note']);
    const someoneElse = await upload(binh, anEntry, await aDocx(BINH), 'x.docx').expect(404);
    expect(someoneElse.body.code).toBe('ENTRY.NOT_FOUND');

    expect(await attachmentOf(anEntry, an)).toEqual(before);
    expect(storedFiles()).toEqual(files);
  });

  it('replaces or removes the file, deleting the old one; the author downloads it as uploaded', async () => {
    await t.http().delete(`/api/entries/${anEntry}/attachment`).set(...bearer(an)).expect(200);
    expect(await attachmentOf(anEntry, an)).toBeNull();
    expect(storedFiles().filter((f) => f.startsWith(anEntry))).toEqual([]);
    expect((await t.http().get(`/api/entries/${anEntry}/attachment`).set(...bearer(an)).expect(404)).body.code).toBe('ATTACHMENT.NOT_FOUND');

    await upload(an, anEntry, await aDocx(AN, 'Bản đầu.'), 'ban-dau.docx').expect(200);
    await upload(an, anEntry, await aDocx(AN, 'Bản cuối.'), 'ban-cuoi.docx').expect(200);
    expect(storedFiles().filter((f) => f.startsWith(anEntry))).toHaveLength(1);

    const own = await t.http().get(`/api/entries/${anEntry}/attachment`).set(...bearer(an)).buffer(true).parse(binary).expect(200);
    expect(own.headers['content-disposition']).toBe(`attachment; filename="${anCode}.docx"`);
    const parts = await docxParts(own.body as Buffer);
    expect(parts['word/document.xml']).toContain('Bản cuối.');
    expect(parts['docProps/core.xml']).toContain(AN.name);
    await t.http().get(`/api/entries/${anEntry}/attachment`).set(...bearer(binh)).expect(404);
    await t.http().get(`/api/entries/${anEntry}/attachment`).set(...bearer(organizer)).expect(200);
  });

  describe('after the close, for the judges', () => {
    let assignments: AssignmentSummary[];
    const assignmentOf = (entryId: string) => assignments.find((a) => a.entryId === entryId)!;
    const judgeOf = (entryId: string) => judges.find((j) => j.id === assignmentOf(entryId).judgeId)!;
    const download = (judge: Person, assignment: AssignmentSummary) =>
      t.http().get(`/api/judging/assignments/${assignment.id}/attachment`).set(...bearer(judge)).buffer(true).parse(binary);

    beforeAll(async () => {
      clock.advance(8 * 24 * 3600_000);
      assignments = (await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id) }).expect(201)).body.assignments;
    });

    it('no longer takes a new file', async () => {
      const late = await upload(an, anEntry, await aDocx(AN), 'muon.docx').expect(409);
      expect(late.body.code).toBe('ROUND.NOT_OPEN');
      await t.http().delete(`/api/entries/${anEntry}/attachment`).set(...bearer(an)).expect(409);
    });

    it('lists the attachment by type and size only', async () => {
      const judge = judgeOf(anEntry);
      const list = await t.http().get('/api/judging/assignments').set(...bearer(judge)).expect(200);
      const item = (list.body as JudgeAssignmentResponse[]).find((a) => a.id === assignmentOf(anEntry).id)!;
      expect(item.attachment).toEqual({ kind: 'docx', size: expect.any(Number) });
      expect(list.text).not.toMatch(/fileName|ban-cuoi|Nguyen-Van-An/);
    });

    it('serves the DOCX without creator, lastModifiedBy, Company, Manager or revision authors', async () => {
      const response = await download(judgeOf(anEntry), assignmentOf(anEntry)).expect(200).expect('content-type', /wordprocessingml/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${anCode}.docx"`);
      const parts = await docxParts(response.body as Buffer);
      for (const [name, xml] of Object.entries(parts)) {
        for (const value of Object.values(AN)) expect({ name, leaked: xml.includes(value) }).toEqual({ name, leaked: false });
      }
      expect(parts['docProps/core.xml']).toMatch(/<dc:creator><\/dc:creator>/);
      expect(parts['docProps/app.xml']).toMatch(/<Company><\/Company>/);
      expect(parts['word/document.xml']).toContain('Bản cuối.');
    });

    it('serves the PDF without Author, Creator, Producer, Title, Subject, Keywords or XMP', async () => {
      const response = await download(judgeOf(binhEntry), assignmentOf(binhEntry)).expect(200).expect('content-type', 'application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${binhCode}.pdf"`);
      const file = response.body as Buffer;
      const pdf = await PDFDocument.load(file, { updateMetadata: false });
      expect([pdf.getAuthor(), pdf.getCreator(), pdf.getProducer(), pdf.getTitle(), pdf.getSubject(), pdf.getKeywords()]).toEqual([
        undefined, undefined, undefined, undefined, undefined, undefined,
      ]);
      expect(pdf.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
      for (const value of Object.values(BINH)) expect(pdfContains(file, value)).toBe(false);
      expect(pdf.getPageCount()).toBe(1);
    });

    it('serves a judge only the files of their own assignments', async () => {
      // Two judges, two entries, one judge each: balanced loads give each judge one entry.
      const other = judges.find((j) => j.id !== judgeOf(anEntry).id)!;
      expect(judgeOf(binhEntry).id).toBe(other.id);
      const refused = await t.http().get(`/api/judging/assignments/${assignmentOf(anEntry).id}/attachment`).set(...bearer(other)).expect(403);
      expect(refused.body.code).toBe('ASSIGNMENT.FORBIDDEN');
      await t.http().get(`/api/judging/assignments/${assignmentOf(anEntry).id}/attachment`).set(...bearer(an)).expect(403);
    });
  });
});
