import { Roles, type Role, type UserAdminResponse } from '@hoi-thi/contracts';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { useSetRoles } from '../hooks/use-users-admin';

interface RolesEditorProps {
  user: UserAdminResponse;
  onSaved: () => void;
  onCancel: () => void;
}

/** A checkbox per role; saved as a whole (`PUT /api/users/:id/roles`). */
export function RolesEditor({ user, onSaved, onCancel }: RolesEditorProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const setRoles = useSetRoles(user.id);
  const [chosen, setChosen] = useState<Role[]>(user.roles);
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem(t('users.rolesRequired'));
      return;
    }
    setProblem(null);
    // In the contract's order, whatever order they were ticked in.
    setRoles.mutate(
      Roles.filter((role) => chosen.includes(role)),
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="field choice-group" data-invalid={problem ? true : undefined}>
        <legend className="field__label">{t('users.rolesLegend', { name: user.fullName })}</legend>
        <div className="choice-group__items">
          {Roles.map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(role)}
                onChange={(event) => {
                  setChosen((current) => (event.target.checked ? [...current, role] : current.filter((value) => value !== role)));
                }}
              />
              <span>{t(`roles.${role}`)}</span>
            </label>
          ))}
        </div>
        {problem && <p className="field__error">{problem}</p>}
      </fieldset>
      {setRoles.isError && <ErrorNotice message={errorMessage(setRoles.error)} />}
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={setRoles.isPending}>
          {setRoles.isPending ? t('common.saving') : t('users.saveRoles')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={setRoles.isPending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
