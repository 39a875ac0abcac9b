import { IMPORT_MESSAGES } from '../../modules/question-bank/import/import-messages.js';
import type { Language } from './language.js';

type Catalog = Record<string, string>;

/**
 * Server-side messages by code, Vietnamese first. `{name}` placeholders take the error's params.
 * Field messages for validation are keyed by class-validator constraint (or our own keys).
 */
const vi: Catalog = {
  VALIDATION: 'Dữ liệu gửi lên không hợp lệ.',
  MALFORMED_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  PAYLOAD_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng nội dung không được hỗ trợ.',
  UNAUTHORIZED: 'Bạn cần đăng nhập để tiếp tục.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy tài nguyên yêu cầu.',
  METHOD_NOT_ALLOWED: 'Phương thức không được hỗ trợ.',
  RATE_LIMITED: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {seconds} giây.',
  INTERNAL: 'Đã có lỗi xảy ra ở máy chủ. Vui lòng thử lại; nếu lỗi còn tiếp diễn, hãy báo mã {requestId}.',
  SERVICE_UNAVAILABLE: 'Dịch vụ tạm thời không sẵn sàng.',
  'AUTH.EMAIL_TAKEN': 'Email này đã được đăng ký.',
  'AUTH.INVALID_CREDENTIALS': 'Email hoặc mật khẩu không đúng.',
  'AUTH.TOKEN_INVALID': 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
  'USER.NOT_FOUND': 'Không tìm thấy người dùng.',
  'USER.CANNOT_DEMOTE_SELF': 'Bạn không thể tự bỏ quyền quản trị của chính mình.',
  'UNIT.NOT_FOUND': 'Không tìm thấy đơn vị.',
  'UNIT.HAS_CHILDREN': 'Đơn vị còn đơn vị trực thuộc.',
  'CONTEST.NOT_FOUND': 'Không tìm thấy cuộc thi.',
  'TOPIC.NAME_TAKEN': 'Đã có chủ đề "{name}" ở cùng cấp.',
  'QUESTION.NOT_FOUND': 'Không tìm thấy câu hỏi.',
  'QUESTION.ARCHIVED': 'Câu hỏi đã được lưu trữ, không thể sửa.',
  'TOPIC.NOT_FOUND': 'Không tìm thấy chủ đề.',
  'IMPORT.INVALID': 'Tệp có {count} lỗi nên chưa có câu hỏi nào được nhập. Hãy sửa các dòng được nêu rồi nhập lại.',
  'IMPORT.FILE_TOO_LARGE': 'Tệp vượt quá {megabytes} MB.',
  'IMPORT.NOT_MULTIPART': 'Hãy gửi tệp dưới dạng multipart/form-data với trường "file".',
  'IMPORT.BAD_FORM': 'Biểu mẫu tải tệp không hợp lệ.',
  // field messages
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
  'field.topicNotFound': 'Chủ đề không tồn tại.',
  'field.optionNotInQuestion': 'Phương án không thuộc câu hỏi này.',
};

const en: Catalog = {
  VALIDATION: 'The submitted data is invalid.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  BAD_REQUEST: 'Bad request.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not supported.',
  UNAUTHORIZED: 'Please sign in to continue.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'The requested resource was not found.',
  METHOD_NOT_ALLOWED: 'Method not allowed.',
  RATE_LIMITED: 'Too many requests. Please try again in {seconds} seconds.',
  INTERNAL: 'Something went wrong on the server. Please retry; if it persists, report code {requestId}.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.',
  'AUTH.EMAIL_TAKEN': 'This email is already registered.',
  'AUTH.INVALID_CREDENTIALS': 'Wrong email or password.',
  'AUTH.TOKEN_INVALID': 'Your session is invalid or has expired. Please sign in again.',
  'USER.NOT_FOUND': 'User not found.',
  'USER.CANNOT_DEMOTE_SELF': 'You cannot remove your own admin role.',
  'UNIT.NOT_FOUND': 'Unit not found.',
  'UNIT.HAS_CHILDREN': 'The unit still has sub-units.',
  'CONTEST.NOT_FOUND': 'Contest not found.',
  'TOPIC.NAME_TAKEN': 'A topic named "{name}" already exists at this level.',
  'QUESTION.NOT_FOUND': 'Question not found.',
  'QUESTION.ARCHIVED': 'The question is archived and cannot be edited.',
  'TOPIC.NOT_FOUND': 'Topic not found.',
  'IMPORT.INVALID': 'The file has {count} errors, so no question was imported. Fix the lines listed and import again.',
  'IMPORT.FILE_TOO_LARGE': 'The file is larger than {megabytes} MB.',
  'IMPORT.NOT_MULTIPART': 'Send the file as multipart/form-data with a "file" field.',
  'IMPORT.BAD_FORM': 'The upload form is invalid.',
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
  'field.topicNotFound': 'This topic does not exist.',
  'field.optionNotInQuestion': 'This option does not belong to the question.',
};

/** Module catalogs (e.g. import and question rules) join the base one. */
const catalogs: Record<Language, Catalog> = {
  vi: { ...vi, ...IMPORT_MESSAGES.vi },
  en: { ...en, ...IMPORT_MESSAGES.en },
};

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined || params[key] === null ? whole : String(params[key]),
  );
}

/** The message for an error code, or undefined when the catalog has none. */
export function translate(language: Language, key: string, params: Record<string, unknown> = {}): string | undefined {
  const template = catalogs[language][key] ?? catalogs.vi[key];
  return template === undefined ? undefined : fill(template, params);
}

/** Every key must exist in both languages: checked by a unit test. */
export function catalogKeys(): Record<Language, string[]> {
  return { vi: Object.keys(catalogs.vi), en: Object.keys(catalogs.en) };
}
