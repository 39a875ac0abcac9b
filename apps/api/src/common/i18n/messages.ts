import { registeredMessage, registeredMessageKeys } from '../errors/error-registry.js';
// The generic codes' messages (RATE_LIMITED, INTERNAL, …) are registered wherever a message is asked for.
import '../errors/generic.errors.js';
import type { Language } from './language.js';

type Catalog = Record<string, string>;

/**
 * Field messages for validation, Vietnamese first, keyed `field.<constraint>` (class-validator's
 * constraint names or our own keys). Error codes' messages come from the error registry: each module's
 * `<module>.errors.ts` and common's `generic.errors.ts` (see docs/architecture.md "Errors").
 * `{name}` placeholders take the error's params.
 */
const vi: Catalog = {
  'field.isDefined': 'Trường này là bắt buộc.',
  'field.isNotEmpty': 'Trường này không được để trống.',
  'field.isString': 'Phải là chuỗi ký tự.',
  'field.isEmail': 'Email không hợp lệ.',
  'field.isUUID': 'Mã định danh không hợp lệ.',
  'field.isInt': 'Phải là số nguyên.',
  'field.isNumber': 'Phải là số.',
  'field.isBoolean': 'Phải là true hoặc false.',
  'field.isArray': 'Phải là một danh sách.',
  'field.isIn': 'Giá trị không nằm trong danh sách cho phép.',
  'field.isEnum': 'Giá trị không nằm trong danh sách cho phép.',
  'field.min': 'Không được nhỏ hơn {n}.',
  'field.max': 'Không được lớn hơn {n}.',
  'field.minLength': 'Cần ít nhất {n} ký tự.',
  'field.maxLength': 'Không được quá {n} ký tự.',
  'field.arrayNotEmpty': 'Danh sách không được rỗng.',
  'field.arrayMinSize': 'Danh sách cần ít nhất {n} phần tử.',
  'field.arrayMaxSize': 'Danh sách có nhiều nhất {n} phần tử.',
  'field.arrayUnique': 'Danh sách không được có phần tử trùng nhau.',
  'field.isPhone': 'Số điện thoại không hợp lệ.',
  'field.whitelistValidation': 'Trường này không được phép.',
  'field.unknownValue': 'Nội dung gửi lên phải là một đối tượng JSON.',
  'field.nestedValidation': 'Giá trị lồng nhau không hợp lệ.',
  'field.unitNotFound': 'Đơn vị không tồn tại.',
  'field.invalid': 'Giá trị không hợp lệ.',
  'field.noNullCharacter': 'Không được chứa ký tự NUL.',
  'field.wellFormedText': 'Văn bản có ký tự Unicode không hợp lệ.',
  'field.maxDepth': 'Dữ liệu lồng nhau quá {n} cấp.',
  'field.topicNotFound': 'Chủ đề không tồn tại.',
  'field.optionNotInQuestion': 'Phương án không thuộc câu hỏi này.',
  'field.closesAfterOpens': 'Thời gian đóng phải sau thời gian mở.',
  'field.notForRoundKind': 'Trường này không dùng cho vòng thi loại {kind}.',
  'field.needsPredictionQuestion': 'Cần có câu hỏi dự đoán.',
  'field.maxWordsBelowMin': 'Số chữ tối đa phải không nhỏ hơn số chữ tối thiểu.',
  'field.isDateString': 'Phải là thời điểm theo ISO-8601.',
  'field.actualValueNotManual': 'Giá trị thực tế được hệ thống tự tính cho vòng thi này.',
  'field.rubric.duplicate_name': 'Tên tiêu chí bị trùng.',
  'field.rubric.invalid_max_points': 'Điểm tối đa phải dương và chia hết cho 0,25.',
  'field.rubric.invalid_weight': 'Trọng số phải là số dương.',
  'field.rubric.empty': 'Cần ít nhất một tiêu chí chấm.',
  'field.notAJudge': 'Người dùng này không phải giám khảo.',
  'field.judgeIsContestant': 'Người này đã gửi bài dự thi trong cuộc thi nên không thể chấm.',
  'field.lockedOnceOpen': 'Vòng thi đã mở: chỉ còn đổi được tên và gia hạn thời gian đóng.',
  'field.closesOnlyLater': 'Vòng thi đã mở: thời gian đóng chỉ có thể lùi lại, không thể sớm hơn.',
  'field.topOrCutoff': 'Cần đúng một trong hai: top hoặc cutoff.',
  'field.sameRound': 'Vòng chung khảo phải khác vòng sơ khảo.',
  'field.notSameContest': 'Vòng chung khảo phải thuộc cùng cuộc thi.',
  'field.notEssayRound': 'Vòng này không phải vòng thi viết.',
  'field.roundNotFound': 'Vòng thi không tồn tại.',
  'field.rubricScore.unknown_criterion': 'Tiêu chí "{criterion}" không có trong tiêu chí chấm.',
  'field.rubricScore.duplicate': 'Tiêu chí "{criterion}" được chấm hai lần.',
  'field.rubricScore.missing': 'Chưa chấm tiêu chí "{criterion}".',
  'field.rubricScore.out_of_range': 'Điểm tiêu chí "{criterion}" phải từ 0 đến {max}.',
  'field.rubricScore.not_a_quarter': 'Điểm tiêu chí "{criterion}" phải chia hết cho 0,25.',
};

const en: Catalog = {
  'field.isDefined': 'This field is required.',
  'field.isNotEmpty': 'This field must not be empty.',
  'field.isString': 'Must be a string.',
  'field.isEmail': 'Not a valid email address.',
  'field.isUUID': 'Not a valid id.',
  'field.isInt': 'Must be a whole number.',
  'field.isNumber': 'Must be a number.',
  'field.isBoolean': 'Must be true or false.',
  'field.isArray': 'Must be a list.',
  'field.isIn': 'Not one of the allowed values.',
  'field.isEnum': 'Not one of the allowed values.',
  'field.min': 'Must not be less than {n}.',
  'field.max': 'Must not be greater than {n}.',
  'field.minLength': 'Must be at least {n} characters long.',
  'field.maxLength': 'Must be at most {n} characters long.',
  'field.arrayNotEmpty': 'The list must not be empty.',
  'field.arrayMinSize': 'The list needs at least {n} items.',
  'field.arrayMaxSize': 'The list may have at most {n} items.',
  'field.arrayUnique': 'The list must not contain duplicates.',
  'field.isPhone': 'Not a valid phone number.',
  'field.whitelistValidation': 'This field is not allowed.',
  'field.unknownValue': 'The request body must be a JSON object.',
  'field.nestedValidation': 'Invalid nested value.',
  'field.unitNotFound': 'This unit does not exist.',
  'field.invalid': 'Invalid value.',
  'field.noNullCharacter': 'Must not contain a NUL character.',
  'field.wellFormedText': 'The text holds an invalid Unicode character.',
  'field.maxDepth': 'Nested deeper than {n} levels.',
  'field.topicNotFound': 'This topic does not exist.',
  'field.optionNotInQuestion': 'This option does not belong to the question.',
  'field.closesAfterOpens': 'The closing time must be after the opening time.',
  'field.notForRoundKind': 'This field does not apply to a {kind} round.',
  'field.needsPredictionQuestion': 'A prediction question is required.',
  'field.maxWordsBelowMin': 'The maximum word count must not be below the minimum.',
  'field.isDateString': 'Must be an ISO-8601 date and time.',
  'field.actualValueNotManual': 'This round computes the actual value itself.',
  'field.rubric.duplicate_name': 'Two criteria have the same name.',
  'field.rubric.invalid_max_points': 'Maximum points must be positive and a multiple of 0.25.',
  'field.rubric.invalid_weight': 'The weight must be positive.',
  'field.rubric.empty': 'Add at least one criterion.',
  'field.notAJudge': 'This user is not a judge.',
  'field.judgeIsContestant': 'This person submitted an entry in the contest and cannot judge it.',
  'field.lockedOnceOpen': 'The round is open: only its title and a later closing time can change.',
  'field.closesOnlyLater': 'The round is open: its closing time can only move later.',
  'field.topOrCutoff': 'Give exactly one of top and cutoff.',
  'field.sameRound': 'The final round must differ from the preliminary round.',
  'field.notSameContest': 'The final round must belong to the same contest.',
  'field.notEssayRound': 'This round is not an essay round.',
  'field.roundNotFound': 'This round does not exist.',
  'field.rubricScore.unknown_criterion': 'The rubric has no criterion "{criterion}".',
  'field.rubricScore.duplicate': 'Criterion "{criterion}" is scored twice.',
  'field.rubricScore.missing': 'Criterion "{criterion}" is not scored.',
  'field.rubricScore.out_of_range': 'Points for "{criterion}" must be between 0 and {max}.',
  'field.rubricScore.not_a_quarter': 'Points for "{criterion}" must be a multiple of 0.25.',
};

const catalogs: Record<Language, Catalog> = { vi, en };

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined || params[key] === null ? whole : String(params[key]),
  );
}

/** The message for an error code or a field key, or undefined when none is registered. */
export function translate(language: Language, key: string, params: Record<string, unknown> = {}): string | undefined {
  const template = catalogs[language][key] ?? registeredMessage(language, key) ?? catalogs.vi[key] ?? registeredMessage('vi', key);
  return template === undefined ? undefined : fill(template, params);
}

/** Every key must exist in both languages: checked by a unit test (registered error codes have both by type). */
export function catalogKeys(): Record<Language, string[]> {
  const registered = registeredMessageKeys();
  return { vi: [...Object.keys(catalogs.vi), ...registered.vi], en: [...Object.keys(catalogs.en), ...registered.en] };
}
