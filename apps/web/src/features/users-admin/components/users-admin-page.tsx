import { Roles, type Role } from '@hoi-thi/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { Pager } from '../../../components/pager';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { RequireRole, useAuth, useUnits } from '../../auth';
import type { UserFilters } from '../api/users-admin-api';
import { useUsers } from '../hooks/use-users-admin';
import { UserCard } from './user-card';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSearchParamsUpdate } from '../../../lib/use-search-params-update';

export const usersPageSize = 20;

/** The filters live in the address, so the back button and a shared link keep them. */
function useFilters() {
  const [params, updateParams] = useSearchParamsUpdate();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const roleParam = params.get('role');
  const filters: UserFilters = {
    search: params.get('search') || undefined,
    role: (Roles as readonly string[]).includes(roleParam ?? '') ? (roleParam as Role) : undefined,
    limit: usersPageSize,
    offset: (page - 1) * usersPageSize,
  };
  /** Changing a filter goes back to page 1; the page itself is set with `page`. */
  const update = (changes: Record<string, string | undefined>) => {
    updateParams(
      (next) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
      },
      { replace: true },
    );
  };
  return { filters, page, update };
}

function UsersAdmin() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const errorMessage = useErrorMessage();
  const { user: me } = useAuth();
  const { filters, page, update } = useFilters();
  const users = useUsers(filters);
  const units = useUnits();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit.name])), [units.data]);

  const [searchText, setSearchText] = useState(filters.search ?? '');
  const debouncedSearch = useDebouncedValue(searchText.trim(), 350);
  const urlSearch = filters.search ?? '';
  useEffect(() => {
    if (debouncedSearch !== urlSearch) update({ search: debouncedSearch || undefined });
    // Only the typed text drives this; `update` is a fresh function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const filtered = Boolean(filters.search || filters.role);
  let body;
  if (users.isPending) {
    body = (
      <p role="status" className="notice">
        {t('users.loading')}
      </p>
    );
  } else if (users.isError) {
    body = <ErrorNotice title={t('users.loadFailed')} message={errorMessage(users.error)} onRetry={() => void users.refetch()} retrying={users.isFetching} />;
  } else if (users.data.items.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{filtered ? t('users.noMatch') : t('users.empty')}</p>
        {filtered && <p>{t('users.noMatchHint')}</p>}
      </div>
    );
  } else {
    const { items, total } = users.data;
    body = (
      <>
        <ul className="question-list" aria-busy={users.isFetching}>
          {items.map((user) => (
            <li key={user.id}>
              <UserCard user={user} unitName={user.unitId ? unitNames.get(user.unitId) : undefined} isSelf={user.id === me?.id} />
            </li>
          ))}
        </ul>
        <Pager
          label={t('users.pages')}
          status={t('users.range', { first: filters.offset + 1, last: filters.offset + items.length, total })}
          canPrevious={page > 1}
          canNext={filters.offset + items.length < total}
          onPrevious={() => update({ page: page > 2 ? String(page - 1) : undefined })}
          onNext={() => update({ page: String(page + 1) })}
        />
      </>
    );
  }

  return (
    <section className="page page--wide" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <p className="page__intro">{t('users.intro')}</p>
      <form className="card filters" role="search" aria-label={t('users.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="form__row">
          <TextField
            label={t('users.search')}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            value={searchText}
            onChange={(event) => {
              setSearchText(event.target.value);
            }}
          />
          <SelectField label={t('users.role')} value={filters.role ?? ''} onChange={(event) => update({ role: event.target.value || undefined })}>
            <option value="">{t('users.allRoles')}</option>
            {Roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </form>
      <p className="list-count" role="status">
        {users.data ? t('users.count', { n: users.data.total }) : ''}
      </p>
      {body}
    </section>
  );
}

/** `/admin/users`: every account, for the admins: roles, deactivation, password resets. */
export function UsersAdminPage() {
  return (
    <RequireRole role="admin">
      <UsersAdmin />
    </RequireRole>
  );
}
