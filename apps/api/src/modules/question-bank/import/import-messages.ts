import type { QuestionIssueCode } from '@hoi-thi/contest-engine';
import type { SniffedKind } from '../../../common/spreadsheet/file-kind.js';
import { fillPlaceholders, SPREADSHEET_MESSAGES } from '../../../common/spreadsheet/spreadsheet-issues.js';
import type { ExportCode } from '../export/export.types.js';
import { type ImportCode, ImportCodes, type UnsupportedGiftKind } from './import.types.js';

export type ImportLanguage = 'vi' | 'en';

/** Labels for enumerated params (`kind`, `found`), so a message never shows an English token in Vietnamese. */
type LabelKey = `IMPORT.KIND.${UnsupportedGiftKind}` | `IMPORT.FOUND.${SniffedKind}`;

export type ImportMessageKey = ImportCode | QuestionIssueCode | ExportCode | LabelKey;

/**
 * The message for every code the import, export and question rules emit (the file-level ones are the
 * spreadsheet readers', shared with the unit import). Placeholders `{name}`
 * are filled from the issue's params; the line and column are shown by whoever lists the errors.
 * Typed by key, so a code without a message in either language does not compile.
 */
export const IMPORT_MESSAGES: Record<ImportLanguage, Record<ImportMessageKey, string>> = {
  vi: {
    ...SPREADSHEET_MESSAGES.vi,
    'IMPORT.EMPTY_FILE': 'Tệp không có câu hỏi nào.',
    'IMPORT.FORMAT_MISMATCH': 'Tệp không đúng định dạng {expected} đã chọn: nội dung tệp là {found}.',
    'IMPORT.TEMPLATE_HEADER_MISSING': 'Dòng tiêu đề thiếu cột "{header}". Hãy dùng tệp mẫu của hệ thống.',
    'IMPORT.TEMPLATE_HEADER_DUPLICATE': 'Cột "{header}" xuất hiện nhiều lần ở dòng tiêu đề.',
    'IMPORT.TEMPLATE_OPTION_GAP': 'Phương án {letter} đang để trống trong khi phương án sau nó có nội dung.',
    'IMPORT.TEMPLATE_ANSWER_EMPTY': 'Chưa ghi đáp án ở cột "{header}".',
    'IMPORT.TEMPLATE_ANSWER_INVALID': 'Đáp án "{value}" không hợp lệ: hãy ghi chữ cái của phương án đúng, ví dụ "A" hoặc "A,C".',
    'IMPORT.TEMPLATE_ANSWER_NO_OPTION': 'Đáp án {letter} trỏ tới một phương án đang để trống.',
    'IMPORT.TEMPLATE_DIFFICULTY': 'Mức độ "{value}" không hợp lệ: chỉ nhận Dễ, Trung bình hoặc Khó.',
    'IMPORT.TEMPLATE_POINTS': 'Điểm "{value}" không phải là một số.',
    'IMPORT.GIFT_UNSUPPORTED_KIND': 'Đã bỏ qua câu hỏi dạng {kind}: hệ thống chỉ nhận câu hỏi trắc nghiệm và câu hỏi đúng/sai.',
    'IMPORT.GIFT_UNCLOSED_BRACE': 'Dấu ngoặc nhọn mở khối đáp án ở dòng này không được đóng trước khi hết câu hỏi.',
    'IMPORT.GIFT_UNEXPECTED_BRACE': 'Dấu ngoặc nhọn đóng không có dấu mở tương ứng. Nếu đó là chữ thường, hãy viết \\}.',
    'IMPORT.GIFT_UNCLOSED_TITLE': 'Tiêu đề câu hỏi mở bằng "::" nhưng không có "::" đóng.',
    'IMPORT.GIFT_BAD_WEIGHT': 'Trọng số "{weight}" không hợp lệ: phải là một số từ -100 đến 100, viết dạng ~%50%.',
    'IMPORT.GIFT_BAD_ANSWERS':
      'Khối đáp án không hợp lệ: mỗi đáp án phải bắt đầu bằng "=" (đúng) hoặc "~" (sai); câu đúng/sai ghi T hoặc F.',
    'IMPORT.AIKEN_OPTION_BEFORE_QUESTION': 'Phương án nằm trước nội dung câu hỏi.',
    'IMPORT.AIKEN_OPTION_ORDER': 'Các phương án phải theo thứ tự chữ cái: cần phương án {expected} nhưng gặp {found}.',
    'IMPORT.AIKEN_NO_OPTIONS': 'Câu hỏi không có phương án nào (mỗi phương án một dòng, dạng "A. …").',
    'IMPORT.AIKEN_ANSWER_MISSING': 'Câu hỏi thiếu dòng đáp án "ANSWER: …".',
    'IMPORT.AIKEN_ANSWER_INVALID': 'Dòng đáp án "{value}" không hợp lệ: định dạng Aiken chỉ ghi một chữ cái, ví dụ "ANSWER: B".',
    'IMPORT.AIKEN_ANSWER_UNKNOWN': 'Đáp án {letter} không có trong các phương án (từ A đến {last}).',
    'IMPORT.AIKEN_ANSWER_WITHOUT_QUESTION': 'Dòng đáp án không thuộc câu hỏi nào.',
    'QUESTION.TYPE': 'Loại câu hỏi "{value}" không hợp lệ.',
    'QUESTION.TEXT_EMPTY': 'Nội dung câu hỏi không được để trống.',
    'QUESTION.TEXT_TOO_LONG': 'Nội dung câu hỏi dài {length} ký tự, vượt quá giới hạn {max} ký tự.',
    'QUESTION.OPTION_COUNT': 'Câu hỏi phải có từ {min} đến {max} phương án (hiện có {count}).',
    'QUESTION.OPTION_EMPTY': 'Phương án thứ {option} không được để trống.',
    'QUESTION.OPTION_TOO_LONG': 'Phương án thứ {option} dài {length} ký tự, vượt quá giới hạn {max} ký tự.',
    'QUESTION.OPTION_DUPLICATE': 'Phương án thứ {option} trùng với phương án thứ {sameAs}.',
    'QUESTION.SINGLE_NEEDS_ONE_CORRECT': 'Câu hỏi một đáp án phải có đúng một phương án đúng (hiện có {correct}).',
    'QUESTION.MULTIPLE_NEEDS_CORRECT': 'Câu hỏi nhiều đáp án phải có ít nhất một phương án đúng.',
    'QUESTION.TRUE_FALSE_SHAPE': 'Câu hỏi đúng/sai phải có đúng hai phương án và một phương án đúng.',
    'QUESTION.POINTS_RANGE': 'Điểm phải lớn hơn 0 và không quá {max}.',
    'QUESTION.POINTS_PRECISION': 'Điểm chỉ được có tối đa hai chữ số thập phân.',
    'QUESTION.DIFFICULTY': 'Mức độ "{value}" không hợp lệ: chỉ nhận easy (dễ), medium (trung bình) hoặc hard (khó).',
    'EXPORT.AIKEN_MULTIPLE': 'Không xuất câu hỏi nhiều đáp án: định dạng Aiken chỉ ghi được một đáp án đúng.',
    'IMPORT.KIND.essay': 'tự luận',
    'IMPORT.KIND.numeric': 'trả lời bằng số',
    'IMPORT.KIND.matching': 'ghép đôi',
    'IMPORT.KIND.short_answer': 'trả lời ngắn',
    'IMPORT.KIND.missing_word': 'điền từ vào chỗ trống',
    'IMPORT.KIND.description': 'mô tả (không có đáp án)',
    'IMPORT.FOUND.xlsx': 'bảng tính Excel (xlsx)',
    'IMPORT.FOUND.text': 'văn bản',
    'IMPORT.FOUND.not_utf8': 'văn bản không dùng bảng mã UTF-8',
    'IMPORT.FOUND.binary': 'dữ liệu nhị phân',
    'IMPORT.FOUND.empty': 'rỗng',
  },
  en: {
    ...SPREADSHEET_MESSAGES.en,
    'IMPORT.EMPTY_FILE': 'The file contains no questions.',
    'IMPORT.FORMAT_MISMATCH': 'The file is not in the chosen {expected} format: it holds {found}.',
    'IMPORT.TEMPLATE_HEADER_MISSING': 'The header row has no "{header}" column. Use the template provided by the platform.',
    'IMPORT.TEMPLATE_HEADER_DUPLICATE': 'The "{header}" column appears more than once in the header row.',
    'IMPORT.TEMPLATE_OPTION_GAP': 'Option {letter} is empty while a later option is filled in.',
    'IMPORT.TEMPLATE_ANSWER_EMPTY': 'No answer given in the "{header}" column.',
    'IMPORT.TEMPLATE_ANSWER_INVALID': 'The answer "{value}" is not valid: write the letters of the right options, e.g. "A" or "A,C".',
    'IMPORT.TEMPLATE_ANSWER_NO_OPTION': 'The answer {letter} points to an empty option.',
    'IMPORT.TEMPLATE_DIFFICULTY': 'The difficulty "{value}" is not valid: use Dễ, Trung bình or Khó.',
    'IMPORT.TEMPLATE_POINTS': 'The points "{value}" are not a number.',
    'IMPORT.GIFT_UNSUPPORTED_KIND': 'Skipped a {kind} question: only multiple-choice and true/false questions are taken.',
    'IMPORT.GIFT_UNCLOSED_BRACE': 'The brace that opens the answers on this line is not closed before the question ends.',
    'IMPORT.GIFT_UNEXPECTED_BRACE': 'A closing brace has no opening brace. If it is meant as text, write \\}.',
    'IMPORT.GIFT_UNCLOSED_TITLE': 'The question title opens with "::" but is never closed with "::".',
    'IMPORT.GIFT_BAD_WEIGHT': 'The weight "{weight}" is not valid: it must be a number from -100 to 100, written like ~%50%.',
    'IMPORT.GIFT_BAD_ANSWERS': 'The answers are not valid: each must start with "=" (right) or "~" (wrong); a true/false question has T or F.',
    'IMPORT.AIKEN_OPTION_BEFORE_QUESTION': 'An option comes before the question text.',
    'IMPORT.AIKEN_OPTION_ORDER': 'Options must follow the alphabet: expected option {expected} but found {found}.',
    'IMPORT.AIKEN_NO_OPTIONS': 'The question has no options (one per line, like "A. …").',
    'IMPORT.AIKEN_ANSWER_MISSING': 'The question has no "ANSWER: …" line.',
    'IMPORT.AIKEN_ANSWER_INVALID': 'The answer line "{value}" is not valid: Aiken takes a single letter, e.g. "ANSWER: B".',
    'IMPORT.AIKEN_ANSWER_UNKNOWN': 'The answer {letter} is not one of the options (A to {last}).',
    'IMPORT.AIKEN_ANSWER_WITHOUT_QUESTION': 'This answer line belongs to no question.',
    'QUESTION.TYPE': 'The question type "{value}" is not valid.',
    'QUESTION.TEXT_EMPTY': 'The question text must not be empty.',
    'QUESTION.TEXT_TOO_LONG': 'The question text is {length} characters long, more than the {max} allowed.',
    'QUESTION.OPTION_COUNT': 'A question needs {min} to {max} options (it has {count}).',
    'QUESTION.OPTION_EMPTY': 'Option {option} must not be empty.',
    'QUESTION.OPTION_TOO_LONG': 'Option {option} is {length} characters long, more than the {max} allowed.',
    'QUESTION.OPTION_DUPLICATE': 'Option {option} is the same as option {sameAs}.',
    'QUESTION.SINGLE_NEEDS_ONE_CORRECT': 'A single-answer question needs exactly one right option (it has {correct}).',
    'QUESTION.MULTIPLE_NEEDS_CORRECT': 'A multiple-answer question needs at least one right option.',
    'QUESTION.TRUE_FALSE_SHAPE': 'A true/false question needs exactly two options, one of them right.',
    'QUESTION.POINTS_RANGE': 'Points must be more than 0 and at most {max}.',
    'QUESTION.POINTS_PRECISION': 'Points may have at most two decimals.',
    'QUESTION.DIFFICULTY': 'The difficulty "{value}" is not valid: use easy, medium or hard.',
    'EXPORT.AIKEN_MULTIPLE': 'Not exported: a multiple-answer question cannot be written in Aiken, which holds one right answer.',
    'IMPORT.KIND.essay': 'essay',
    'IMPORT.KIND.numeric': 'numerical',
    'IMPORT.KIND.matching': 'matching',
    'IMPORT.KIND.short_answer': 'short-answer',
    'IMPORT.KIND.missing_word': 'missing-word',
    'IMPORT.KIND.description': 'description (no answers)',
    'IMPORT.FOUND.xlsx': 'an Excel workbook (xlsx)',
    'IMPORT.FOUND.text': 'plain text',
    'IMPORT.FOUND.not_utf8': 'text not encoded in UTF-8',
    'IMPORT.FOUND.binary': 'binary data',
    'IMPORT.FOUND.empty': 'nothing',
  },
};

/** Display names of the formats in FORMAT_MISMATCH's `expected`. */
const FORMAT_NAMES: Record<string, string> = { xlsx: 'Excel (xlsx)', csv: 'CSV', gift: 'GIFT', aiken: 'Aiken' };

/**
 * Params ready for a message: the GIFT `kind` and the FORMAT_MISMATCH `found` become words of the
 * language, `expected` a format's display name. The service's own catalog fills placeholders
 * without this, showing the raw tokens ("short_answer"), so pass params through here first.
 */
export function localizeImportParams(
  code: string,
  params: Readonly<Record<string, string | number>> | undefined,
  language: ImportLanguage,
): Record<string, string | number> {
  const localized: Record<string, string | number> = { ...params };
  const labels: Record<string, string> = IMPORT_MESSAGES[language];
  const label = (prefix: string, value: string | number | undefined): string | number | undefined =>
    value === undefined ? undefined : (labels[`${prefix}.${value}`] ?? value);
  if (code === ImportCodes.GIFT_UNSUPPORTED_KIND) localized.kind = label('IMPORT.KIND', localized.kind) ?? '';
  if (code === ImportCodes.FORMAT_MISMATCH) {
    localized.found = label('IMPORT.FOUND', localized.found) ?? '';
    localized.expected = FORMAT_NAMES[String(localized.expected)] ?? localized.expected ?? '';
  }
  return localized;
}

/** An issue's message in a language, placeholders filled; the code itself when it has no message. */
export function renderImportMessage(issue: { code: string; params?: Record<string, string | number> }, language: ImportLanguage): string {
  const messages: Record<string, string> = IMPORT_MESSAGES[language];
  const template = messages[issue.code];
  if (template === undefined) return issue.code;
  const params = localizeImportParams(issue.code, issue.params, language);
  return fillPlaceholders(template, params);
}
