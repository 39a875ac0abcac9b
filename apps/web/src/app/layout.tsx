import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { hasRole, useAuth } from '../features/auth';
import { LanguageSwitch } from './language-switch';

function AccountNav() {
  const { t } = useTranslation();
  const { status, user, signOut } = useAuth();

  if (status === 'anonymous') {
    return (
      <>
        <NavLink to="/login" className="nav-link">
          {t('nav.login')}
        </NavLink>
        <NavLink to="/register" className="nav-link">
          {t('nav.register')}
        </NavLink>
      </>
    );
  }
  return (
    <>
      {user && (
        <span className="app-nav__user" title={t('app.signedInAs', { name: user.fullName })}>
          {user.fullName}
        </span>
      )}
      <button type="button" className="button button--ghost" onClick={signOut}>
        {t('nav.logout')}
      </button>
    </>
  );
}

/** The organizer and judge areas, for those who have the role. */
function RoleNav() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <>
      {hasRole(user, 'organizer') && (
        <NavLink to="/admin" className="nav-link">
          {t('nav.admin')}
        </NavLink>
      )}
      {hasRole(user, 'judge') && (
        <NavLink to="/judging" className="nav-link">
          {t('nav.judging')}
        </NavLink>
      )}
    </>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="container app-header__bar">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="container app-nav" aria-label={t('app.navLabel')}>
          <NavLink to="/" end className="nav-link">
            {t('nav.contests')}
          </NavLink>
          <RoleNav />
          <div className="app-nav__account">
            <AccountNav />
          </div>
        </nav>
      </header>
      <main id="main" className="container app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
