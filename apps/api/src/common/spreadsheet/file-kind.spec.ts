import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeText, sniffBuffer } from './file-kind.js';

const fixture = (path: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../../../../test/fixtures/import', path));

describe('what a buffer holds', () => {
  it('a zip is taken for an xlsx, UTF-8 (with or without BOM) for text', () => {
    expect(sniffBuffer(fixture('ok/bank.xlsx'))).toBe('xlsx');
    expect(sniffBuffer(fixture('ok/bank.csv'))).toBe('text');
    expect(sniffBuffer(fixture('ok/bank.gift'))).toBe('text');
    expect(sniffBuffer(fixture('not-ok/not-xlsx.xlsx'))).toBe('text');
  });

  it('UTF-16 and legacy 8-bit encodings are text, but not UTF-8', () => {
    expect(sniffBuffer(Buffer.from('\uFEFFCâu hỏi', 'utf16le'))).toBe('not_utf8');
    expect(sniffBuffer(Buffer.from([0x43, 0xe2, 0x75]))).toBe('not_utf8');
  });

  it('NUL bytes without a UTF-16 mark are binary; nothing is empty', () => {
    expect(sniffBuffer(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe('binary');
    expect(sniffBuffer(Buffer.alloc(0))).toBe('empty');
  });
});

describe('decoding text', () => {
  it('drops a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFabc'))).toEqual({ text: 'abc', errors: [] });
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const windows1258 = Buffer.concat([Buffer.from('Tên đơn vị\nCĐCS\n'), Buffer.from([0x43, 0xd0, 0x43, 0x53])]);
    expect(decodeText(windows1258)).toEqual({ text: '', errors: [{ line: 3, code: 'IMPORT.FILE_NOT_UTF8' }] });
  });
});
