import type { UserAdminResponse } from '@hoi-thi/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyField } from '../../../components/copy-field';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { useResetPassword, useSetActive } from '../hooks/use-users-admin';
import { RolesEditor } from './roles-editor';

/** Shown once, right after the reset: nothing keeps it once hidden or the page is left. */
function TemporaryPassword({ name, password, onHide }: { name: string; password: string; onHide: () => void }) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    titleRef.current?.focus();
  }, []);
  return (
    <div className="notice notice--success user-card__temporary">
      <h3 ref={titleRef} tabIndex={-1} className="notice__title">
        {t('users.temporaryTitle', { name })}
      </h3>
      <CopyField label={t('users.temporaryLabel')} value={password} copiedText={t('users.copied')} failedText={t('users.copyFailed')} />
      <p>{t('users.temporaryNote')}</p>
      <button type="button" className="button button--secondary" onClick={onHide}>
        {t('users.hideTemporary')}
      </button>
    </div>
  );
}

interface UserCardProps {
  user: UserAdminResponse;
  unitName: string | undefined;
  /** The admin looking at the list. */
  isSelf: boolean;
}

/** One account: who, where, which roles, whether it can sign in; and what an admin can do to it. */
export function UserCard({ user, unitName, isSelf }: UserCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const setActive = useSetActive(user.id);
  const reset = useResetPassword(user.id);
  const [editingRoles, setEditingRoles] = useState(false);
  const [confirm, setConfirm] = useState<'active' | 'reset' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const startAction = () => {
    setNotice(null);
    setActive.reset();
    reset.reset();
  };

  return (
    <article className="card user-card" aria-labelledby={`${id}-name`} data-active={user.active}>
      <div className="question-card__badges">
        {user.roles.length === 0 && <span className="badge badge--muted">{t('users.noRoles')}</span>}
        {user.roles.map((role) => (
          <span key={role} className="badge">
            {t(`roles.${role}`)}
          </span>
        ))}
        <span className={`badge ${user.active ? 'badge--status-published' : 'badge--status-draft'}`}>{user.active ? t('users.active') : t('users.inactive')}</span>
        {isSelf && <span className="badge badge--muted">{t('users.you')}</span>}
      </div>
      <h2 id={`${id}-name`} className="question-card__text">
        {user.fullName}
      </h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('users.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('users.phone')}</dt>
          <dd>{user.phone ? formatPhone(user.phone) : t('users.noPhone')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('users.unit')}</dt>
          <dd>{user.unitId === null ? t('users.noUnit') : (unitName ?? '…')}</dd>
        </div>
      </dl>
      <p className="question-card__key">{t('users.registered', { time: formatDateTime(user.createdAt) })}</p>

      <p className="status-slot" role="status">
        {notice && <span className="notice notice--success">{notice}</span>}
      </p>
      {setActive.isError && <ErrorNotice message={errorMessage(setActive.error)} />}
      {reset.isError && <ErrorNotice message={errorMessage(reset.error)} />}
      {reset.data && <TemporaryPassword name={user.fullName} password={reset.data.temporaryPassword} onHide={() => reset.reset()} />}

      {editingRoles ? (
        <RolesEditor
          user={user}
          onSaved={() => {
            setEditingRoles(false);
            setNotice(t('users.rolesSaved', { name: user.fullName }));
          }}
          onCancel={() => {
            setEditingRoles(false);
          }}
        />
      ) : (
        <div className="toolbar" role="group" aria-label={t('users.actions', { name: user.fullName })}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              startAction();
              setEditingRoles(true);
            }}
          >
            {t('users.editRoles')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              startAction();
              setConfirm('active');
            }}
          >
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              startAction();
              setConfirm('reset');
            }}
          >
            {t('users.resetPassword')}
          </button>
        </div>
      )}

      {confirm === 'active' && (
        <ConfirmDialog
          title={user.active ? t('users.deactivateTitle', { name: user.fullName }) : t('users.reactivateTitle', { name: user.fullName })}
          confirmLabel={user.active ? t('users.deactivate') : t('users.reactivate')}
          cancelLabel={t('common.cancel')}
          busy={setActive.isPending}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            const active = !user.active;
            setActive.mutate(active, {
              onSuccess: () => {
                setNotice(active ? t('users.reactivated', { name: user.fullName }) : t('users.deactivated', { name: user.fullName }));
              },
              onSettled: () => {
                setConfirm(null);
              },
            });
          }}
        >
          <p>{user.active ? t('users.deactivateText') : t('users.reactivateText')}</p>
        </ConfirmDialog>
      )}
      {confirm === 'reset' && (
        <ConfirmDialog
          title={t('users.resetTitle', { name: user.fullName })}
          confirmLabel={t('users.resetConfirm')}
          cancelLabel={t('common.cancel')}
          busy={reset.isPending}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            reset.mutate(undefined, {
              onSettled: () => {
                setConfirm(null);
              },
            });
          }}
        >
          <p>{t('users.resetText')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
