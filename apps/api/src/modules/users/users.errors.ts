import { defineErrors } from '../../common/errors/error-registry.js';

/** The users module's error codes. */
export const UserErrors = defineErrors({
  'USER.NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy người dùng.',
    en: 'User not found.',
  },
  'USER.CANNOT_DEMOTE_SELF': {
    status: 409,
    vi: 'Bạn không thể tự bỏ quyền quản trị của chính mình.',
    en: 'You cannot remove your own admin role.',
  },
  'USER.CANNOT_DISABLE_SELF': {
    status: 409,
    vi: 'Bạn không thể tự khoá tài khoản của mình.',
    en: 'You cannot deactivate your own account.',
  },
});

export type UserErrorCode = keyof typeof UserErrors.specs;
