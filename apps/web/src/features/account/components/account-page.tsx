import type { UserResponse } from '@hoi-thi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { RequireRole, useAuth, useLeaveSession } from '../../auth';
import { useLogoutAll } from '../hooks/use-account';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** "Log out on all devices": every session of the account ends, this one too. */
function SessionsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const { forgetSession } = useLeaveSession();
  const logoutAll = useLogoutAll();
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="card danger-zone" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.sessions.title')}</h2>
      <p className="field__hint">{t('account.sessions.hint')}</p>
      {logoutAll.isError && <ErrorNotice message={errorMessage(logoutAll.error)} />}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          logoutAll.reset();
          setConfirming(true);
        }}
      >
        {t('account.sessions.button')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('account.sessions.confirmTitle')}
          confirmLabel={t('account.sessions.confirm')}
          cancelLabel={t('common.cancel')}
          busy={logoutAll.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            logoutAll.mutate(undefined, {
              onSuccess: forgetSession,
              onError: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('account.sessions.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function Account({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const passwordId = useId();
  return (
    <section className="page page--narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <p className="page__intro">{t('account.intro')}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('account.roles')}</dt>
          <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
        </div>
      </dl>

      <ProfileForm key={user.id} user={user} />

      <section className="card tool-panel" aria-labelledby={passwordId}>
        <h2 id={passwordId}>{t('account.password.title')}</h2>
        <p className="field__hint">{t('account.password.hint')}</p>
        <PasswordForm currentLabel={t('account.password.current')} submitLabel={t('account.password.submit')} successMessage={t('account.password.changed')} />
      </section>

      <SessionsPanel />
    </section>
  );
}

/** `/account`: every signed-in user's own details, password and sessions. */
export function AccountPage() {
  const { user } = useAuth();
  return <RequireRole>{user && <Account user={user} />}</RequireRole>;
}
