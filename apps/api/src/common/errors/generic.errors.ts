import { defineErrors } from './error-registry.js';

/**
 * The generic codes, for what belongs to no module: validation (field messages are in
 * `common/i18n/messages.ts`), HTTP errors Nest and Fastify raise, rate limits, outages, and the 500.
 */
export const GenericErrors = defineErrors({
  VALIDATION: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The submitted data is invalid.',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  BAD_REQUEST: {
    status: 400,
    vi: 'Yêu cầu không hợp lệ.',
    en: 'Bad request.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng nội dung không được hỗ trợ.',
    en: 'This content type is not supported.',
  },
  UNAUTHORIZED: {
    status: 401,
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please sign in to continue.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tài nguyên yêu cầu.',
    en: 'The requested resource was not found.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    vi: 'Phương thức không được hỗ trợ.',
    en: 'Method not allowed.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {seconds} giây.',
    en: 'Too many requests. Please try again in {seconds} seconds.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Đã có lỗi xảy ra ở máy chủ. Vui lòng thử lại; nếu lỗi còn tiếp diễn, hãy báo mã {requestId}.',
    en: 'Something went wrong on the server. Please retry; if it persists, report code {requestId}.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    vi: 'Dịch vụ tạm thời không sẵn sàng.',
    en: 'The service is temporarily unavailable.',
  },
});

export type GenericErrorCode = keyof typeof GenericErrors.specs;
