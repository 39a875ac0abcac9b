import { defineErrors } from '../../common/errors/error-registry.js';

/** The attempts module's error codes (the engine's answer and timing codes included). */
export const AttemptErrors = defineErrors({
  'ATTEMPT.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy lượt thi.',
    en: 'Attempt not found.',
  },
  'ATTEMPT.ACTIVE_EXISTS': {
    status: 409,
    vi: 'Bạn đang có một lượt thi chưa nộp. Hãy tiếp tục lượt thi đó.',
    en: 'You have an attempt in progress. Please continue it.',
  },
  'ATTEMPT.LIMIT_REACHED': {
    status: 409,
    vi: 'Bạn đã dùng hết {maxAttempts} lượt thi của vòng này.',
    en: 'You have used all {maxAttempts} attempts of this round.',
  },
  'ATTEMPT.EXPIRED': {
    status: 409,
    vi: 'Đã hết thời gian làm bài; câu trả lời này không được ghi nhận.',
    en: 'Time is up; this answer was not recorded.',
  },
  'ATTEMPT.FINISHED': {
    status: 409,
    vi: 'Lượt thi đã nộp bài, không thể thay đổi.',
    en: 'This attempt has been submitted and can no longer change.',
  },
  'ATTEMPT.QUESTION_NOT_IN_PAPER': {
    status: 400,
    vi: 'Câu hỏi không có trong đề của lượt thi này.',
    en: 'This question is not on the paper of this attempt.',
  },
  'ATTEMPT.OPTION_NOT_IN_QUESTION': {
    status: 400,
    vi: 'Phương án đã chọn không thuộc câu hỏi này.',
    en: 'The chosen option does not belong to this question.',
  },
  'ATTEMPT.TOO_MANY_OPTIONS': {
    status: 400,
    vi: 'Câu hỏi này chỉ được chọn tối đa {max} phương án.',
    en: 'This question takes at most {max} option(s).',
  },
  'ATTEMPT.NOT_FINISHED': {
    status: 409,
    vi: 'Lượt thi chưa kết thúc.',
    en: 'The attempt has not finished.',
  },
  'ATTEMPT.REVIEW_NOT_AVAILABLE': {
    status: 409,
    vi: 'Chưa thể xem đáp án của lượt thi này.',
    en: 'The answers of this attempt cannot be reviewed yet.',
  },
});

export type AttemptErrorCode = keyof typeof AttemptErrors.specs;
