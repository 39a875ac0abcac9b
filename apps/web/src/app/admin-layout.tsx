import { Suspense } from 'react';
import { useTranslation } from '../lib/i18n';
import { NavLink, Outlet } from 'react-router';
import { hasRole, RequireRole, useAuth } from '../features/auth';
import { PageLoading } from './page-loading';

/** `/admin/...`: organizers and admins only, with the area's own navigation. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <RequireRole role="organizer">
      <div className="admin">
        <nav className="sub-nav" aria-label={t('admin.navLabel')}>
          <NavLink to="/admin/contests" className="sub-nav__link">
            {t('admin.contests')}
          </NavLink>
          <NavLink to="/admin/questions" className="sub-nav__link">
            {t('admin.questions')}
          </NavLink>
          <NavLink to="/admin/units" className="sub-nav__link">
            {t('admin.units')}
          </NavLink>
          <NavLink to="/admin/analytics" className="sub-nav__link">
            {t('admin.analytics')}
          </NavLink>
          <NavLink to="/admin/duplicates" className="sub-nav__link">
            {t('admin.duplicates')}
          </NavLink>
          {hasRole(user, 'admin') && (
            <>
              <NavLink to="/admin/users" className="sub-nav__link">
                {t('admin.users')}
              </NavLink>
              <NavLink to="/admin/audit" className="sub-nav__link">
                {t('admin.audit')}
              </NavLink>
            </>
          )}
        </nav>
        {/* The area's nav stays while a page of it is fetched the first time. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </div>
    </RequireRole>
  );
}

/** `/judging/...`: judges only. */
export function JudgingLayout() {
  return (
    <RequireRole role="judge">
      <Outlet />
    </RequireRole>
  );
}
