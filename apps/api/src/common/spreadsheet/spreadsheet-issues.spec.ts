import { describe, expect, it } from '@jest/globals';
import { fillPlaceholders, renderSpreadsheetMessage, SPREADSHEET_MESSAGES, SpreadsheetCodes } from './spreadsheet-issues.js';

const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/gu)].map((match) => match[1]).sort();

describe('the file-level messages', () => {
  it('cover every code in Vietnamese and English, with the same placeholders', () => {
    for (const code of Object.values(SpreadsheetCodes)) {
      expect([code, placeholders(SPREADSHEET_MESSAGES.vi[code])]).toEqual([code, placeholders(SPREADSHEET_MESSAGES.en[code])]);
    }
    expect(Object.keys(SPREADSHEET_MESSAGES.vi).sort()).toEqual(Object.values(SpreadsheetCodes).sort());
    expect(Object.keys(SPREADSHEET_MESSAGES.en).sort()).toEqual(Object.values(SpreadsheetCodes).sort());
  });

  it('fill their params in the reader’s language', () => {
    const issue = { line: 1, code: SpreadsheetCodes.FILE_INFLATED_TOO_LARGE, params: { megabytes: 64 } };
    expect(renderSpreadsheetMessage(issue, 'vi')).toBe('Tệp Excel khi giải nén vượt quá 64 MB: hãy chia thành nhiều tệp nhỏ hơn.');
    expect(renderSpreadsheetMessage(issue, 'en')).toBe('The Excel file inflates to more than 64 MB: split it into smaller files.');
    expect(renderSpreadsheetMessage({ code: SpreadsheetCodes.CSV_DELIMITER, params: { delimiter: 'Tab' } }, 'vi')).toContain('dùng dấu "Tab"');
  });

  it('a code of no file-level problem renders as itself; a missing param stays visible', () => {
    expect(renderSpreadsheetMessage({ code: 'UNIT_IMPORT.HEADER_MISSING' }, 'vi')).toBe('UNIT_IMPORT.HEADER_MISSING');
    expect(fillPlaceholders('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });
});
