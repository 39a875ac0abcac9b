import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsvRows } from './csv-reader.js';

const fixture = (path: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../../../../test/fixtures/import', path));
const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('the CSV fixture (ok/bank.csv: BOM, CRLF, quoted commas and quotes, a line break in a field)', () => {
  const result = parseCsvRows(fixture('ok/bank.csv'));

  it('drops the BOM from the first header and reads every row without error', () => {
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toEqual(['Câu hỏi', 'Phương án A', 'Phương án B', 'Phương án C', 'Phương án D', 'Đáp án', 'Mức độ', 'Điểm', 'Giải thích']);
    expect(result.rows).toHaveLength(7);
  });

  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(result.rows[2].slice(1, 4)).toEqual(['Phổ thông, bình đẳng', 'Trực tiếp', 'Bỏ phiếu "công khai"']);
    expect(result.rows[2][7]).toBe('1,5');
  });

  it('keeps a line break inside a quoted field, and each row knows the line it starts on', () => {
    expect(result.rows[4][0]).toBe('Theo quy định, việc bỏ phiếu bắt đầu và kết thúc vào lúc nào?\n(Chọn một đáp án)');
    expect(result.lines).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });
});

describe('a CSV written with semicolons (not-ok/semicolon.csv)', () => {
  it('is refused naming the delimiter found', () => {
    expect(parseCsvRows(fixture('not-ok/semicolon.csv')).errors).toEqual([{ line: 1, code: 'IMPORT.CSV_DELIMITER', params: { delimiter: ';' } }]);
  });
});

describe('RFC 4180 details', () => {
  it('LF, CRLF and lone CR all end a row; a final line break adds no row', () => {
    expect(parseCsvRows(csv('a,b\nc,d\r\ne,f\rg,h\n'))).toEqual({
      rows: [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
        ['g', 'h'],
      ],
      lines: [1, 2, 3, 4],
      errors: [],
    });
  });

  it('empty fields, an empty quoted field and a quote-only field', () => {
    expect(parseCsvRows(csv(',"",""""\n')).rows).toEqual([['', '', '"']]);
  });

  it('a CRLF inside quotes is kept and counted as one line', () => {
    const result = parseCsvRows(csv('"a\r\nb",c\r\nd,e'));
    expect(result.rows).toEqual([
      ['a\r\nb', 'c'],
      ['d', 'e'],
    ]);
    expect(result.lines).toEqual([1, 3]);
  });

  it('is lenient like spreadsheets: a quote inside an unquoted field is a character', () => {
    expect(parseCsvRows(csv('Câu 5" màn hình,x\n')).rows).toEqual([['Câu 5" màn hình', 'x']]);
  });

  it('an unclosed quote is an error on the line where it opened', () => {
    const result = parseCsvRows(csv('h1,h2\nx,"never closed\nmore\n'));
    expect(result.errors).toEqual([{ line: 2, code: 'IMPORT.CSV_UNCLOSED_QUOTE' }]);
  });

  it('invalid UTF-8 (a Windows-1258 file) is an error naming the line of the first bad byte', () => {
    const latin = Buffer.concat([csv('Câu hỏi,Đáp án\n'), Buffer.from([0x43, 0xe2, 0x75, 0x2c, 0x41, 0x0a])]);
    expect(parseCsvRows(latin)).toEqual({ rows: [], lines: [], errors: [{ line: 2, code: 'IMPORT.FILE_NOT_UTF8' }] });
  });

  it('tab-separated headers are a wrong delimiter too', () => {
    expect(parseCsvRows(csv('Câu hỏi\tĐáp án\nx\tA\n')).errors).toEqual([{ line: 1, code: 'IMPORT.CSV_DELIMITER', params: { delimiter: 'Tab' } }]);
  });

  it('a one-column header without ; or tab is left to the template check', () => {
    expect(parseCsvRows(csv('Câu hỏi\nx\n')).errors).toEqual([]);
  });

  it('an empty buffer has no rows', () => {
    expect(parseCsvRows(Buffer.alloc(0))).toEqual({ rows: [], lines: [], errors: [] });
  });
});
