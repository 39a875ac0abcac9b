import { defineErrors } from '../../common/errors/error-registry.js';

/**
 * The contests module's error codes: contests and their rounds (the engine's blueprint and round-window
 * codes included). Other modules refuse a round or a contest with these codes, importing this catalog.
 */
export const ContestErrors = defineErrors({
  'CONTEST.NOT_MANAGER': {
    status: 403,
    vi: 'Bạn không thuộc ban tổ chức của cuộc thi này.',
    en: 'You do not manage this contest.',
  },
  'CONTEST.MANAGER_NOT_ORGANIZER': {
    status: 400,
    vi: 'Chỉ tài khoản ban tổ chức đang hoạt động mới được giao quản lý cuộc thi.',
    en: 'Only active organizer accounts can manage a contest.',
  },
  'CONTEST.MANAGER_IS_CONTESTANT': {
    status: 409,
    vi: 'Người này đã tham gia cuộc thi nên không thể quản lý cuộc thi.',
    en: 'This person has taken part in the contest and cannot manage it.',
  },
  'CONTEST.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy cuộc thi.',
    en: 'Contest not found.',
  },
  'CONTEST.KIND_LOCKED': {
    status: 409,
    vi: 'Cuộc thi đã có vòng thi nên không đổi được loại.',
    en: 'The contest already has rounds, so its kind cannot change.',
  },
  'CONTEST.FINISHED': {
    status: 409,
    vi: 'Cuộc thi đã kết thúc.',
    en: 'The contest has finished.',
  },
  'CONTEST.NOT_DRAFT': {
    status: 409,
    vi: 'Chỉ công bố được cuộc thi đang ở trạng thái nháp (hiện tại: {status}).',
    en: 'Only a draft contest can be published (it is {status}).',
  },
  'CONTEST.NO_ROUNDS': {
    status: 409,
    vi: 'Cuộc thi cần ít nhất một vòng thi trước khi công bố.',
    en: 'Add at least one round before publishing the contest.',
  },
  'CONTEST.NOT_PUBLISHED': {
    status: 409,
    vi: 'Cuộc thi chưa được công bố.',
    en: 'The contest is not published.',
  },
  'CONTEST.BLUEPRINT_UNSATISFIABLE': {
    status: 409,
    vi: 'Ngân hàng câu hỏi không đủ cho dòng {line} của cấu trúc đề: cần {needed} câu, chỉ có {available} câu.',
    en: 'The question bank cannot fill line {line} of the blueprint: it needs {needed} questions and has {available}.',
  },
  'CONTEST.BLUEPRINT_INVALID': {
    status: 400,
    vi: 'Cấu trúc đề không hợp lệ.',
    en: 'The blueprint is invalid.',
  },
  'CONTEST.DUPLICATE_CANDIDATE': {
    status: 409,
    vi: 'Một câu hỏi xuất hiện hai lần trong danh sách rút đề.',
    en: 'A question was offered twice to the draw.',
  },
  'ROUND.STAFF_CANNOT_COMPETE': {
    status: 403,
    vi: 'Ban tổ chức và giám khảo của cuộc thi không được dự thi.',
    en: 'The managers and judges of a contest cannot take part in it.',
  },
  'ROUND.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy vòng thi.',
    en: 'Round not found.',
  },
  'ROUND.LOCKED': {
    status: 409,
    vi: 'Vòng thi đã mở hoặc đã có người tham gia nên không thể thay đổi như vậy.',
    en: 'The round has opened or already has participants, so it cannot be changed this way.',
  },
  'ROUND.NOT_OPEN': {
    status: 409,
    vi: 'Vòng thi hiện không mở (mở lúc {opensAt}, đóng lúc {closesAt}).',
    en: 'The round is not open (opens {opensAt}, closes {closesAt}).',
  },
  'ROUND.NOT_ELIGIBLE': {
    status: 403,
    vi: 'Đơn vị của bạn không thuộc đối tượng tham gia cuộc thi này.',
    en: 'Your unit is not among those taking part in this contest.',
  },
  'ROUND.NOT_QUIZ': {
    status: 409,
    vi: 'Vòng thi này không phải vòng thi trắc nghiệm.',
    en: 'This round is not a quiz round.',
  },
  'ROUND.ALREADY_CLOSED': {
    status: 409,
    vi: 'Vòng thi đã được tổng kết.',
    en: 'The round has already been closed.',
  },
  'ROUND.STILL_OPEN': {
    status: 409,
    vi: 'Vòng thi chưa kết thúc (đóng lúc {closesAt}); hãy tổng kết sau khi hết giờ.',
    en: 'The round has not ended yet (it closes {closesAt}); close it once time is up.',
  },
  'ROUND.WINDOW_INVALID': {
    status: 400,
    vi: 'Thời gian đóng phải sau thời gian mở.',
    en: 'The closing time must be after the opening time.',
  },
  'ROUND.NOT_ESSAY': {
    status: 409,
    vi: 'Vòng thi này không phải vòng thi viết.',
    en: 'This round is not an essay round.',
  },
});

export type ContestErrorCode = keyof typeof ContestErrors.specs;
