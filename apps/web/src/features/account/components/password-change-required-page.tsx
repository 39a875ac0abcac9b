import { useTranslation } from '../../../lib/i18n';
import { useLeaveSession } from '../../auth';
import { PasswordForm } from './password-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/**
 * Shown on every route while the account holds a temporary password an admin set: the server
 * refuses everything else until it is changed. Once it is, the route underneath comes back.
 */
export function PasswordChangeRequiredPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordChange.title'));
  const { signOut } = useLeaveSession();
  return (
    <section className="page page--narrow" aria-labelledby="password-change-title">
      <h1 id="password-change-title">{t('passwordChange.title')}</h1>
      <p className="page__intro">{t('passwordChange.intro')}</p>
      <PasswordForm currentLabel={t('passwordChange.current')} submitLabel={t('passwordChange.submit')} />
      <p className="page__aside">
        {t('passwordChange.notYou')}{' '}
        <button
          type="button"
          className="button button--ghost"
          onClick={signOut}
        >
          {t('nav.logout')}
        </button>
      </p>
    </section>
  );
}
