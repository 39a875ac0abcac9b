import { useTranslation } from 'react-i18next';
import { ClientErrorCodes, isApiError } from './api-client';

/**
 * The text to show for a failed request: the server's message (already in the request's
 * language), or our own words when the request never got a JSON answer.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      if (error.code === ClientErrorCodes.NETWORK) return t('errors.network');
      if (error.message) return error.message;
    }
    return t('errors.unexpected');
  };
}
