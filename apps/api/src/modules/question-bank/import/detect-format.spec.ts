import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkFormat, decodeText, sniffBuffer } from './detect-format.js';

const fixture = (path: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import', path));

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

describe('a file that is not what the chosen format says', () => {
  it('a text file sent as xlsx', () => {
    expect(checkFormat(fixture('not-ok/not-xlsx.xlsx'), 'xlsx')).toEqual({
      line: 1,
      code: 'IMPORT.FORMAT_MISMATCH',
      params: { expected: 'xlsx', found: 'text' },
    });
  });

  it('a workbook sent as csv, gift or aiken', () => {
    for (const format of ['csv', 'gift', 'aiken'] as const) {
      expect(checkFormat(fixture('ok/bank.xlsx'), format)).toEqual({
        line: 1,
        code: 'IMPORT.FORMAT_MISMATCH',
        params: { expected: format, found: 'xlsx' },
      });
    }
  });

  it('binary data sent as csv', () => {
    expect(checkFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), 'csv')?.params).toEqual({ expected: 'csv', found: 'binary' });
  });

  it('text in another encoding is told to be saved as UTF-8, with the line', () => {
    const windows1258 = Buffer.concat([Buffer.from('Câu hỏi\n'), Buffer.from([0x43, 0xe2, 0x75])]);
    expect(checkFormat(windows1258, 'csv')).toEqual({ line: 2, code: 'IMPORT.FILE_NOT_UTF8' });
  });

  it('an empty file', () => {
    expect(checkFormat(Buffer.alloc(0), 'gift')).toEqual({ line: 1, code: 'IMPORT.EMPTY_FILE' });
  });

  it('matching files pass', () => {
    expect(checkFormat(fixture('ok/bank.xlsx'), 'xlsx')).toBeNull();
    expect(checkFormat(fixture('ok/bank.csv'), 'csv')).toBeNull();
    expect(checkFormat(fixture('ok/bank.aiken.txt'), 'aiken')).toBeNull();
  });
});

describe('decoding text', () => {
  it('drops a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFabc'))).toEqual({ text: 'abc', errors: [] });
  });
});
