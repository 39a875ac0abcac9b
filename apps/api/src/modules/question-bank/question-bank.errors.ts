import { defineErrors, registerMessages } from '../../common/errors/error-registry.js';
import { IMPORT_MESSAGES } from './import/import-messages.js';

/** The question bank's error codes (the engine's grading codes included). */
export const QuestionBankErrors = defineErrors({
  'QUESTION.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy câu hỏi.',
    en: 'Question not found.',
  },
  'QUESTION.ARCHIVED': {
    status: 409,
    vi: 'Câu hỏi đã được lưu trữ, không thể sửa.',
    en: 'The question is archived and cannot be edited.',
  },
  'QUESTION.KEY_EMPTY': {
    status: 409,
    vi: 'Câu hỏi không có đáp án đúng.',
    en: 'The question has no correct option.',
  },
  'QUESTION.INVALID_POINTS': {
    status: 409,
    vi: 'Điểm của câu hỏi không hợp lệ.',
    en: 'The question has invalid points.',
  },
  'TOPIC.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy chủ đề.',
    en: 'Topic not found.',
  },
  'TOPIC.NAME_TAKEN': {
    status: 409,
    vi: 'Đã có chủ đề "{name}" ở cùng cấp.',
    en: 'A topic named "{name}" already exists at this level.',
  },
  'TOPIC.CYCLE': {
    status: 409,
    vi: 'Không thể chuyển chủ đề vào dưới chính nó hoặc chủ đề con của nó.',
    en: 'A topic cannot move under itself or one of its sub-topics.',
  },
  'TOPIC.IN_USE': {
    status: 409,
    vi: 'Chủ đề còn chủ đề con, câu hỏi (kể cả câu đã lưu trữ) hoặc đang được một vòng thi dùng để rút đề nên không xoá được.',
    en: 'The topic still has sub-topics or questions (archived ones too), or a round draws from it, so it cannot be deleted.',
  },
  'IMPORT.INVALID': {
    status: 400,
    vi: 'Tệp có {count} lỗi nên chưa có câu hỏi nào được nhập. Hãy sửa các dòng được nêu rồi nhập lại.',
    en: 'The file has {count} errors, so no question was imported. Fix the lines listed and import again.',
  },
});

export type QuestionBankErrorCode = keyof typeof QuestionBankErrors.specs;

/** The per-line issues of an import or export report and the question rules (not errors: details of `IMPORT.INVALID` and `VALIDATION`). */
registerMessages(IMPORT_MESSAGES);
