import type { Role } from '@hoi-thi/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, Navigate, useLocation } from 'react-router';
import { useAuth } from '../hooks/auth-context';
import { hasRole } from '../hooks/roles';

/**
 * Shows its children only to a signed-in user (with `role`, when given): a visitor goes to the login
 * page (and comes back after), anyone else is told the page is not for them. The API checks again anyway.
 */
export function RequireRole({ role, children }: { role?: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const location = useLocation();

  if (status === 'anonymous') {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (status === 'loading' || (status === 'unverified' && !user)) {
    return (
      <p role="status" className="notice">
        {status === 'loading' ? t('auth.checking') : t('errors.network')}
      </p>
    );
  }
  if (role && !hasRole(user, role)) {
    return (
      <section className="page" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('auth.forbidden.title')}</h1>
        <p>{t(`auth.forbidden.${role}`)}</p>
        <p>
          <Link to="/" className="button button--secondary">
            {t('common.backHome')}
          </Link>
        </p>
      </section>
    );
  }
  return children;
}
