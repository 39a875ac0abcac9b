import { describe, expect, it } from '@jest/globals';
import { GIB, objectStreamBombPdf } from '../../../../../../test/support/hostile-files.js';
import { aPdf } from '../../../../../../test/support/essay-documents.js';
import { checkPdfBounds } from './pdf-bounds.js';

const author = { name: 'Nguyen Van An', company: 'CDCS', manager: 'Tran Thi Binh' };
const reason = (file: Buffer) => {
  try {
    checkPdfBounds(file);
    return 'ok';
  } catch (error) {
    return (error as { reason?: string }).reason ?? (error as Error).message;
  }
};
const bomb = objectStreamBombPdf(GIB);
/** The bomb with its dictionary rewritten, to try the ways a file can hide what it is. */
const disguised = (dictionary: string) => Buffer.from(bomb.toString('latin1').replace(/<<\/Type \/ObjStm[^>]*>>/, dictionary), 'latin1');

describe('what a PDF may cost before pdf-lib parses it', () => {
  it('passes ordinary files, with and without object streams', async () => {
    expect(reason(await aPdf(author, { objectStreams: true }))).toBe('ok');
    expect(reason(await aPdf(author, { objectStreams: false }))).toBe('ok');
  });

  it('finds an object stream bomb however its dictionary is written', () => {
    expect(reason(bomb)).toBe('pdf_stream_too_large');
    expect(reason(disguised('<</N 1 /First 4 /Filter /FlateDecode /Type/ObjStm>>'))).toBe('pdf_stream_too_large');
    expect(reason(disguised('<</Type /Obj#53tm /N 1 /First 4 /Filter [/FlateDecode]>>'))).toBe('pdf_stream_too_large');
    expect(reason(disguised('<</Type %c\n/XRef /Size 1 /W [1 1 1] /Filter /Fl>>'))).toBe('pdf_stream_too_large');
    expect(reason(disguised('<</Type 9 0 R /N 1 /First 4 /Filter /FlateDecode>>'))).toBe('pdf_stream_too_large');
    // A decoy: the word "stream" in a string (or a comment) before the real keyword.
    expect(reason(disguised('<</Type /ObjStm /X (stream\nxx\\) stream) /N 1 /First 4 /Filter /FlateDecode %stream\n>>'))).toBe('pdf_stream_too_large');
  });

  it('refuses what it cannot measure the way pdf-lib reads it', () => {
    expect(reason(disguised('<</Type /ObjStm /N 1 /First 4 /Filter /LZWDecode>>'))).toBe('pdf_unsupported_filter');
    expect(reason(disguised('<</Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]>>'))).toBe('pdf_unsupported_filter');
    expect(reason(disguised('<</Type /ObjStm /N 5 0 R /First 4 /Filter /FlateDecode>>'))).toBe('pdf_unsupported_filter');
  });

  it('refuses thousands of cross-reference streams sharing one tail, instead of reading the tail for each', () => {
    // Each candidate's data is a zlib header then stored blocks whose payloads hold the next candidate: every one inflates to the end.
    const candidate = (n: number) => Buffer.concat([Buffer.from(`${n} 0 obj <</Type /XRef /Filter /FlateDecode>>\nstream\n`, 'latin1'), Buffer.from([0x78, 0x01])]);
    const parts = [Buffer.from('%PDF-1.7\n', 'latin1'), candidate(2)];
    for (let n = 3; n < 3000; n += 1) {
      const payload = candidate(n);
      const header = Buffer.from([0, 0, 0, 0, 0]);
      header.writeUInt16LE(payload.length, 1);
      header.writeUInt16LE(~payload.length & 0xffff, 3);
      parts.push(header, payload);
    }
    expect(reason(Buffer.concat(parts))).toBe('pdf_stream_too_large');
  });

  it('counts the objects an object stream declares', () => {
    expect(reason(disguised('<</Type /ObjStm /N 50000 /First 4 /Filter /FlateDecode>>'))).toBe('pdf_too_many_objects');
  });
});
