/**
 * A problem met while reading a spreadsheet file, in the file's own terms: `line` is the row (xlsx)
 * or the line a record starts on (csv); `column` the letter (xlsx: "K") or 1-based number (csv: 11).
 * The importers add their own codes for what the cells mean.
 */
export interface SpreadsheetIssue {
  line: number;
  column?: string | number;
  code: string;
  params?: Record<string, string | number>;
}

/** What can be wrong with the file itself, whatever it holds (the codes predate this folder: `IMPORT.*`). */
export const SpreadsheetCodes = {
  FILE_NOT_UTF8: 'IMPORT.FILE_NOT_UTF8',
  FILE_NOT_XLSX: 'IMPORT.FILE_NOT_XLSX',
  FILE_CORRUPT: 'IMPORT.FILE_CORRUPT',
  FILE_INFLATED_TOO_LARGE: 'IMPORT.FILE_INFLATED_TOO_LARGE',
  FILE_TOO_MANY_PARTS: 'IMPORT.FILE_TOO_MANY_PARTS',
  FILE_COMPRESSION_RATIO: 'IMPORT.FILE_COMPRESSION_RATIO',
  FILE_XML_TOO_DEEP: 'IMPORT.FILE_XML_TOO_DEEP',
  FILE_TOO_MANY_CELLS: 'IMPORT.FILE_TOO_MANY_CELLS',
  CSV_DELIMITER: 'IMPORT.CSV_DELIMITER',
  CSV_UNCLOSED_QUOTE: 'IMPORT.CSV_UNCLOSED_QUOTE',
} as const;

export type SpreadsheetCode = (typeof SpreadsheetCodes)[keyof typeof SpreadsheetCodes];

export type SpreadsheetLanguage = 'vi' | 'en';

/** The messages of the file-level codes; `{name}` placeholders are filled from the issue's params. */
export const SPREADSHEET_MESSAGES: Record<SpreadsheetLanguage, Record<SpreadsheetCode, string>> = {
  vi: {
    'IMPORT.FILE_NOT_UTF8':
      'Tệp không dùng bảng mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. Hãy lưu lại tệp với bảng mã UTF-8 (trong Excel: "CSV UTF-8 (Comma delimited)").',
    'IMPORT.FILE_NOT_XLSX': 'Tệp không phải bảng tính Excel (.xlsx).',
    'IMPORT.FILE_CORRUPT': 'Không mở được tệp Excel: tệp bị hỏng hoặc chưa được tải lên trọn vẹn.',
    'IMPORT.FILE_INFLATED_TOO_LARGE': 'Tệp Excel khi giải nén vượt quá {megabytes} MB: hãy chia thành nhiều tệp nhỏ hơn.',
    'IMPORT.FILE_TOO_MANY_PARTS': 'Tệp Excel có hơn {max} thành phần bên trong: đây không phải một bảng tính thông thường.',
    'IMPORT.FILE_COMPRESSION_RATIO': 'Tệp Excel bị nén bất thường (hơn {max} lần): hệ thống không mở tệp này.',
    'IMPORT.FILE_XML_TOO_DEEP': 'Tệp Excel có cấu trúc lồng nhau quá {max} tầng: tệp bị hỏng hoặc được tạo bất thường.',
    'IMPORT.FILE_TOO_MANY_CELLS': 'Tệp Excel có hơn {max} ô dữ liệu: hãy chia thành nhiều tệp nhỏ hơn.',
    'IMPORT.CSV_DELIMITER':
      'Tệp CSV dùng dấu "{delimiter}" để ngăn cách các cột; chỉ chấp nhận dấu phẩy (,). Hãy lưu lại tệp dạng "CSV UTF-8 (Comma delimited)".',
    'IMPORT.CSV_UNCLOSED_QUOTE': 'Dấu ngoặc kép (") mở ở dòng này không được đóng.',
  },
  en: {
    'IMPORT.FILE_NOT_UTF8': 'The file is not encoded in UTF-8, so Vietnamese letters would be garbled. Save it again as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)").',
    'IMPORT.FILE_NOT_XLSX': 'The file is not an Excel workbook (.xlsx).',
    'IMPORT.FILE_CORRUPT': 'The Excel file cannot be opened: it is damaged or was not uploaded completely.',
    'IMPORT.FILE_INFLATED_TOO_LARGE': 'The Excel file inflates to more than {megabytes} MB: split it into smaller files.',
    'IMPORT.FILE_TOO_MANY_PARTS': 'The Excel file holds more than {max} parts: this is not an ordinary workbook.',
    'IMPORT.FILE_COMPRESSION_RATIO': 'The Excel file is compressed abnormally (more than {max} times): it is not opened.',
    'IMPORT.FILE_XML_TOO_DEEP': 'The Excel file nests elements more than {max} levels deep: it is damaged or was made abnormally.',
    'IMPORT.FILE_TOO_MANY_CELLS': 'The Excel file has more than {max} cells: split it into smaller files.',
    'IMPORT.CSV_DELIMITER': 'The CSV file separates columns with "{delimiter}"; only commas (,) are accepted. Save it as "CSV UTF-8 (Comma delimited)".',
    'IMPORT.CSV_UNCLOSED_QUOTE': 'A double quote (") opened on this line is never closed.',
  },
};

/** `{name}` placeholders filled from `params`; one left as written when its param is missing. */
export function fillPlaceholders(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** A file-level issue's message in a language; the code itself when it is not one of them. */
export function renderSpreadsheetMessage(issue: { code: string; params?: Record<string, string | number> }, language: SpreadsheetLanguage): string {
  const messages: Record<string, string> = SPREADSHEET_MESSAGES[language];
  const template = messages[issue.code];
  return template === undefined ? issue.code : fillPlaceholders(template, issue.params);
}
