import { ErrorCodes } from '@hoi-thi/contracts';
import { ClientErrorCodes, isApiError } from './api-client';
import { useTranslation, type TranslationKey } from './i18n';

/**
 * Codes the client words itself, in both languages: those about the session and the account (also
 * shown after a redirect, with no server message at hand) and those a screen explains in its own terms.
 */
const codeMessages = {
  [ErrorCodes.AUTH_TOKEN_INVALID]: 'errors.codes.tokenInvalid',
  [ErrorCodes.AUTH_SESSION_REVOKED]: 'errors.codes.sessionRevoked',
  [ErrorCodes.AUTH_ACCOUNT_DISABLED]: 'errors.codes.accountDisabled',
  [ErrorCodes.AUTH_PASSWORD_CHANGE_REQUIRED]: 'errors.codes.passwordChangeRequired',
  [ErrorCodes.AUTH_WRONG_PASSWORD]: 'errors.codes.wrongPassword',
  [ErrorCodes.AUTH_SAME_PASSWORD]: 'errors.codes.samePassword',
  [ErrorCodes.AUTH_PHONE_TAKEN]: 'auth.errors.phoneTaken',
  [ErrorCodes.CONTEST_NOT_MANAGER]: 'errors.codes.notManager',
  'CONTEST.MANAGER_NOT_ORGANIZER': 'errors.codes.managerNotOrganizer',
  'CONTEST.MANAGER_IS_CONTESTANT': 'errors.codes.managerIsContestant',
  [ErrorCodes.ROUND_STAFF_CANNOT_COMPETE]: 'errors.codes.staffCannotCompete',
  'USER.CANNOT_DISABLE_SELF': 'errors.codes.cannotDisableSelf',
  'USER.CANNOT_DEMOTE_SELF': 'errors.codes.cannotDemoteSelf',
  'UNIT.IN_USE': 'errors.codes.unitInUse',
  [ErrorCodes.UNIT_CYCLE]: 'errors.codes.unitCycle',
  'ROUND.LOCKED': 'errors.codes.roundLocked',
  'TOPIC.IN_USE': 'errors.codes.topicInUse',
  'TOPIC.CYCLE': 'errors.codes.topicCycle',
} as const satisfies Record<string, TranslationKey>;

/** The translation key of a code the client words itself, or undefined. */
export function codeMessageKey(code: string): TranslationKey | undefined {
  return Object.hasOwn(codeMessages, code) ? codeMessages[code as keyof typeof codeMessages] : undefined;
}

/**
 * The text to show for a failed request: our own words for the codes above, else the server's
 * message (already in the request's language), or our own words when the request never got a JSON answer.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      if (error.code === ClientErrorCodes.NETWORK) return t('errors.network');
      const key = codeMessageKey(error.code);
      if (key) return t(key);
      if (error.message) return error.message;
    }
    return t('errors.unexpected');
  };
}
