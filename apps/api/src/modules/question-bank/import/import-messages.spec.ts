import { describe, expect, it } from '@jest/globals';
import { QuestionIssueCodes } from '@hoi-thi/contest-engine';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportCodes } from '../export/export.types.js';
import { parseAiken } from './aiken.parser.js';
import { parseCsvRows } from '../../../common/spreadsheet/csv-reader.js';
import { checkFormat } from './detect-format.js';
import { parseGift } from './gift.parser.js';
import { IMPORT_MESSAGES, renderImportMessage } from './import-messages.js';
import { ImportCodes, type ImportIssue } from './import.types.js';
import { rowsToQuestions, TEMPLATE_HEADERS } from './template.js';

const fixture = (path: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import', path));
const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/gu)].map((match) => match[1]).sort();

describe('the import messages', () => {
  it('cover every code of the import, the question rules and the export, in both languages', () => {
    const codes = [...Object.values(ImportCodes), ...Object.values(QuestionIssueCodes), ...Object.values(ExportCodes)];
    for (const code of codes) {
      expect(IMPORT_MESSAGES.vi[code]).toEqual(expect.any(String));
      expect(IMPORT_MESSAGES.en[code]).toEqual(expect.any(String));
    }
  });

  it('have the same keys and the same placeholders in Vietnamese and English', () => {
    expect(Object.keys(IMPORT_MESSAGES.en).sort()).toEqual(Object.keys(IMPORT_MESSAGES.vi).sort());
    for (const [key, message] of Object.entries(IMPORT_MESSAGES.vi)) {
      expect([key, placeholders(message)]).toEqual([key, placeholders(IMPORT_MESSAGES.en[key as keyof typeof IMPORT_MESSAGES.en])]);
    }
  });

  it('fill every placeholder from the params the parsers emit', () => {
    const sheetErrors = rowsToQuestions(
      [
        [...TEMPLATE_HEADERS],
        ['', 'a', '', 'c', '', '', '', '', '', 'Z', 'Rất khó', 'x', ''],
        ['Câu?', 'a', 'A', '', '', '', '', '', '', 'C', '', '200', ''],
        ['Câu?', 'a', 'b', '', '', '', '', '', '', '', '', '1,234', ''],
        ['Câu?', 'a', '', '', '', '', '', '', '', 'A', '', '', ''],
      ],
      2,
      true,
    ).errors;
    const issues: ImportIssue[] = [
      ...parseGift(readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import/ok/bank.gift'), 'utf8')).skipped,
      ...parseGift('Câu? {~%abc%a ~b}\n\nx } y\n\n::t\n\nCâu? {có}\n\nCâu? {~a ~b}\n\n{=a =a ~b}').errors,
      ...parseAiken(fixture('not-ok/aiken-bad-letter.txt').toString('utf8')).errors,
      ...parseAiken('A. x\nANSWER: A\n\nCâu\nA. a\nC. c\nANSWER: A,B\n\nCâu\nANSWER: A\n\nCâu\nA. a').errors,
      ...parseCsvRows(fixture('not-ok/semicolon.csv')).errors,
      ...parseCsvRows(Buffer.from('"open')).errors,
      ...rowsToQuestions([['x']], 2, true).errors,
      ...rowsToQuestions([[...TEMPLATE_HEADERS, 'Đáp án']], 2, true).errors,
      ...parseGift('').errors,
      ...parseAiken('ANSWER: A').errors,
      // No params: listed so that every import code is rendered at least once.
      { line: 1, code: ImportCodes.FILE_NOT_XLSX },
      { line: 1, code: ImportCodes.FILE_CORRUPT },
      { line: 1, code: ImportCodes.GIFT_UNCLOSED_BRACE },
      // The workbook limits, with the params checkXlsxPackage gives them.
      { line: 1, code: ImportCodes.FILE_INFLATED_TOO_LARGE, params: { megabytes: 64 } },
      { line: 1, code: ImportCodes.FILE_TOO_MANY_PARTS, params: { max: 1000 } },
      { line: 1, code: ImportCodes.FILE_COMPRESSION_RATIO, params: { max: 200 } },
      { line: 1, code: ImportCodes.FILE_XML_TOO_DEEP, params: { max: 128 } },
      { line: 1, code: ImportCodes.FILE_TOO_MANY_CELLS, params: { max: 200_000 } },
      ...sheetErrors,
      checkFormat(fixture('ok/bank.xlsx'), 'gift')!,
      checkFormat(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'csv')!,
    ];
    const codes = new Set(issues.map((issue) => issue.code));
    expect(Object.values(ImportCodes).filter((code) => !codes.has(code))).toEqual([]);
    for (const issue of issues) {
      for (const language of ['vi', 'en'] as const) {
        const message = renderImportMessage(issue, language);
        expect([issue.code, message]).toEqual([issue.code, expect.not.stringMatching(/\{\w+\}/u)]);
      }
    }
  });

  it('say skipped kinds and found contents in the reader\'s language', () => {
    const skipped = { code: 'IMPORT.GIFT_UNSUPPORTED_KIND', params: { kind: 'short_answer' } };
    expect(renderImportMessage(skipped, 'vi')).toBe(
      'Đã bỏ qua câu hỏi dạng trả lời ngắn: hệ thống chỉ nhận câu hỏi trắc nghiệm và câu hỏi đúng/sai.',
    );
    expect(renderImportMessage(skipped, 'en')).toBe('Skipped a short-answer question: only multiple-choice and true/false questions are taken.');
    const mismatch = { code: 'IMPORT.FORMAT_MISMATCH', params: { expected: 'xlsx', found: 'text' } };
    expect(renderImportMessage(mismatch, 'vi')).toBe('Tệp không đúng định dạng Excel (xlsx) đã chọn: nội dung tệp là văn bản.');
    expect(renderImportMessage({ code: 'IMPORT.CSV_DELIMITER', params: { delimiter: ';' } }, 'vi')).toContain('dùng dấu ";"');
  });

  it('an unknown code renders as itself', () => {
    expect(renderImportMessage({ code: 'NO.SUCH' }, 'vi')).toBe('NO.SUCH');
  });
});
