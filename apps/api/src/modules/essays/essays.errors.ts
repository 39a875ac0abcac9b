import { defineErrors } from '../../common/errors/error-registry.js';

/**
 * The essays module's error codes: entries, attachments, judging assignments, the judging lock and
 * results (the engine's essay codes included).
 */
export const EssayErrors = defineErrors({
  'ENTRY.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy bài dự thi.',
    en: 'Entry not found.',
  },
  'ENTRY.ALREADY_SUBMITTED': {
    status: 409,
    vi: 'Bạn đã nộp bài cho vòng thi này; hãy sửa bài đã nộp.',
    en: 'You have already submitted an entry to this round; edit that one.',
  },
  'ENTRY.TOO_FEW_WORDS': {
    status: 400,
    vi: 'Bài viết có {wordCount} chữ, ít hơn mức tối thiểu {limit} chữ.',
    en: 'The essay has {wordCount} words, fewer than the minimum of {limit}.',
  },
  'ENTRY.TOO_MANY_WORDS': {
    status: 400,
    vi: 'Bài viết có {wordCount} chữ, vượt mức tối đa {limit} chữ.',
    en: 'The essay has {wordCount} words, more than the maximum of {limit}.',
  },
  'ENTRY.UNIT_REQUIRED': {
    status: 403,
    vi: 'Tài khoản cần thuộc một đơn vị để nộp bài dự thi.',
    en: 'Your account must belong to a unit to submit an entry.',
  },
  'ENTRY.READ_ONLY': {
    status: 409,
    vi: 'Bài vào chung khảo giữ nguyên như đã chấm ở sơ khảo, không sửa được.',
    en: 'A finalist entry stays as it was judged in the preliminary round and cannot be edited.',
  },
  'ESSAY.FINAL_ROUND': {
    status: 409,
    vi: 'Bài của vòng chung khảo được chọn từ vòng sơ khảo, không nộp trực tiếp.',
    en: 'The entries of a final round are shortlisted from the preliminary round, not submitted.',
  },
  'ESSAY.ROUND_STILL_OPEN': {
    status: 409,
    vi: 'Vòng thi còn nhận bài đến {closesAt}; hãy phân công chấm sau khi vòng thi đóng.',
    en: 'The round accepts entries until {closesAt}; assign judges once it has closed.',
  },
  'ESSAY.NO_ENTRIES': {
    status: 409,
    vi: 'Vòng thi chưa có bài dự thi nào.',
    en: 'The round has no entries yet.',
  },
  'ESSAY.ALREADY_SCORED': {
    status: 409,
    vi: 'Đã có giám khảo chấm điểm nên không phân công lại được.',
    en: 'Judges have started scoring, so the round cannot be assigned again.',
  },
  'ESSAY.ASSIGNMENT_IMPOSSIBLE': {
    status: 409,
    vi: 'Không phân công được: có bài không đủ {judgesPerEntry} giám khảo trung lập (không cùng đơn vị, không thuộc đơn vị cấp trên hay cấp dưới của tác giả).',
    en: 'Cannot assign: some entries have fewer than {judgesPerEntry} neutral judges (none from the author\'s unit or a unit above or below it).',
  },
  'ESSAY.NO_ELIGIBLE_JUDGE': {
    status: 409,
    vi: 'Không còn giám khảo trung lập nào để nhận bài này.',
    en: 'No neutral judge is left to take this entry.',
  },
  'ESSAY.NOT_ASSIGNED': {
    status: 409,
    vi: 'Vòng thi chưa được phân công chấm.',
    en: 'The round has not been assigned to judges yet.',
  },
  'ESSAY.NOT_FLAGGED': {
    status: 409,
    vi: 'Điểm của các giám khảo cho bài này không chênh lệch quá ngưỡng nên không cần chấm thêm.',
    en: 'The judges of this entry do not disagree beyond the threshold, so it needs no further judge.',
  },
  'ESSAY.EXTRA_JUDGE_EXISTS': {
    status: 409,
    vi: 'Bài này đã có thêm một giám khảo.',
    en: 'This entry already has an extra judge.',
  },
  'ESSAY.RESULTS_PUBLISHED': {
    status: 409,
    vi: 'Kết quả vòng thi đã được công bố, không thay đổi được.',
    en: 'The results of this round are published and can no longer change.',
  },
  'ESSAY.RESULTS_NOT_PUBLISHED': {
    status: 409,
    vi: 'Kết quả vòng thi chưa được công bố.',
    en: 'The results of this round have not been published.',
  },
  'ESSAY.FINAL_ROUND_ASSIGNED': {
    status: 409,
    vi: 'Vòng chung khảo đã được phân công chấm nên không chọn lại bài được.',
    en: 'The final round has already been assigned to judges, so its shortlist cannot change.',
  },
  'ESSAY.FINAL_ROUND_HAS_ENTRIES': {
    status: 409,
    vi: 'Vòng được chọn đã có bài dự thi khác, không dùng làm vòng chung khảo được.',
    en: 'The chosen round already has other entries and cannot be used as the final.',
  },
  'ESSAY.RUBRIC_INVALID': {
    status: 400,
    vi: 'Tiêu chí chấm không hợp lệ.',
    en: 'The rubric is invalid.',
  },
  'ESSAY.RUBRIC_SCORE_INVALID': {
    status: 400,
    vi: 'Điểm chấm chưa đúng tiêu chí ({count} lỗi).',
    en: 'The scores do not fit the rubric ({count} problems).',
  },
  'ESSAY.UNKNOWN_ENTRY': {
    status: 409,
    vi: 'Điểm chấm cho một bài không có trong vòng thi.',
    en: 'A score names an entry that is not in the round.',
  },
  'ESSAY.DUPLICATE_SCORE': {
    status: 409,
    vi: 'Một giám khảo chấm một bài hai lần.',
    en: 'A judge scored one entry twice.',
  },
  'ESSAY.ASSIGNMENT_NOT_FOUND': {
    status: 409,
    vi: 'Giám khảo không được phân công chấm bài này.',
    en: 'The judge is not assigned to this entry.',
  },
  'ESSAY.ENTRY_NUMBER_INVALID': {
    status: 409,
    vi: 'Số thứ tự bài dự thi không hợp lệ.',
    en: 'Invalid entry number.',
  },
  'ESSAY.SHORTLIST_RULE_INVALID': {
    status: 400,
    vi: 'Hãy chọn số bài (top) hoặc điểm sàn (cutoff), một trong hai.',
    en: 'Give either a number of entries (top) or a minimum score (cutoff), not both.',
  },
  'ATTACHMENT.NOT_FOUND': {
    status: 404,
    vi: 'Bài dự thi không có tệp đính kèm.',
    en: 'The entry has no attachment.',
  },
  'ATTACHMENT.TOO_LARGE': {
    status: 413,
    vi: 'Tệp đính kèm vượt quá {megabytes} MB.',
    en: 'The attachment is larger than {megabytes} MB.',
  },
  'ATTACHMENT.UNSUPPORTED_TYPE': {
    status: 415,
    vi: 'Chỉ nhận tệp PDF hoặc Word (.docx).',
    en: 'Only PDF and Word (.docx) files are accepted.',
  },
  'ATTACHMENT.UNREADABLE': {
    status: 400,
    vi: 'Không mở được tệp: tệp bị hỏng hoặc có mật khẩu.',
    en: 'The file cannot be opened: it is damaged or password-protected.',
  },
  'ATTACHMENT.NOT_MULTIPART': {
    status: 415,
    vi: 'Hãy gửi tệp dưới dạng multipart/form-data với trường "file".',
    en: 'Send the file as multipart/form-data with a "file" field.',
  },
  'ATTACHMENT.BAD_FORM': {
    status: 400,
    vi: 'Biểu mẫu tải tệp không hợp lệ.',
    en: 'The upload form is invalid.',
  },
  'ASSIGNMENT.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy bài được phân công chấm.',
    en: 'Assignment not found.',
  },
  'ASSIGNMENT.FORBIDDEN': {
    status: 403,
    vi: 'Bài này không được phân công cho bạn chấm.',
    en: 'This entry is not assigned to you.',
  },
  'ASSIGNMENT.WITHDRAWN': {
    status: 409,
    vi: 'Bạn đã báo xung đột lợi ích với bài này; bài đã chuyển cho giám khảo khác.',
    en: 'You declared a conflict of interest with this entry; it went to another judge.',
  },
  'JUDGING.LOCKED': {
    status: 409,
    vi: 'Ban tổ chức đã khoá việc chấm của vòng thi này.',
    en: 'The organizers have locked the judging of this round.',
  },
  'JUDGING.NOT_LOCKED': {
    status: 409,
    vi: 'Cần khoá việc chấm trước khi công bố kết quả hoặc chọn bài vào chung khảo.',
    en: 'Lock the judging before publishing results or shortlisting entries.',
  },
});

export type EssayErrorCode = keyof typeof EssayErrors.specs;
