import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkFormat } from './detect-format.js';

const fixture = (path: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import', path));

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
