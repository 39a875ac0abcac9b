import { defineErrors } from '../../common/errors/error-registry.js';

/**
 * The auth module's error codes: sign-up, sign-in, sessions and passwords. Common's AuthGuard throws
 * AUTH.TOKEN_INVALID, AUTH.ACCOUNT_DISABLED and AUTH.PASSWORD_CHANGE_REQUIRED too (common imports no
 * module; the AuthModule is always loaded, and error-registry.spec checks every thrown code is here).
 */
export const AuthErrors = defineErrors({
  'AUTH.EMAIL_TAKEN': {
    status: 409,
    vi: 'Email này đã được đăng ký.',
    en: 'This email is already registered.',
  },
  'AUTH.PHONE_TAKEN': {
    status: 409,
    vi: 'Số điện thoại này đã được dùng cho một tài khoản khác.',
    en: 'This phone number is already used by another account.',
  },
  'AUTH.INVALID_CREDENTIALS': {
    status: 401,
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong email or password.',
  },
  'AUTH.TOKEN_INVALID': {
    status: 401,
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session is invalid or has expired. Please sign in again.',
  },
  'AUTH.SESSION_REVOKED': {
    status: 401,
    vi: 'Phiên đăng nhập đã kết thúc (đăng xuất, đổi mật khẩu hoặc được dùng ở nơi khác). Vui lòng đăng nhập lại.',
    en: 'Your session has ended (signed out, password changed, or used elsewhere). Please sign in again.',
  },
  'AUTH.ACCOUNT_DISABLED': {
    status: 401,
    vi: 'Tài khoản này đã bị khoá. Vui lòng liên hệ quản trị viên.',
    en: 'This account is deactivated. Please contact an administrator.',
  },
  'AUTH.PASSWORD_CHANGE_REQUIRED': {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.',
    en: 'Change your temporary password before you continue.',
  },
  'AUTH.WRONG_PASSWORD': {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  'AUTH.SAME_PASSWORD': {
    status: 400,
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
});

export type AuthErrorCode = keyof typeof AuthErrors.specs;
