import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from '../lib/i18n';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { hasRole, useAuth, useLeaveSession, type LoginLocationState } from '../features/auth';
import { sessionEvents } from '../lib/session-events';
import { LanguageSwitch } from './language-switch';
import { page } from './lazy-page';
import { PageLoading } from './page-loading';

// Only a member an admin gave a temporary password sees it: not in the first chunk.
const PasswordChangeRequiredPage = page(() => import('../features/account/pages'), 'PasswordChangeRequiredPage');

/** `/attempts/:id` is the quiz itself (its result is `/attempts/:id/result`). */
const quizPath = /^\/attempts\/[^/]+\/?$/;

function AccountNav({ passwordChangeRequired }: { passwordChangeRequired: boolean }) {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const { signOut } = useLeaveSession();
  const { pathname } = useLocation();
  const [confirming, setConfirming] = useState(false);
  // Mid-quiz, a stray tap on "Đăng xuất" must not leave the attempt without a word.
  const inQuiz = quizPath.test(pathname);

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
  const name = user && <span className="app-nav__user">{user.fullName}</span>;
  return (
    <>
      {/* The name leads to the account page (it shrinks to an ellipsis on a phone, never the row). */}
      {passwordChangeRequired || !user ? (
        name
      ) : (
        <NavLink to="/account" className="nav-link app-nav__account-link" title={t('app.signedInAs', { name: user.fullName })}>
          <span className="visually-hidden">{t('nav.account')}:</span> {name}
        </NavLink>
      )}
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          if (inQuiz) setConfirming(true);
          else signOut();
        }}
      >
        {t('nav.logout')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('nav.logoutInQuiz.title')}
          confirmLabel={t('nav.logout')}
          cancelLabel={t('nav.logoutInQuiz.stay')}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            setConfirming(false);
            signOut();
          }}
        >
          <p>{t('nav.logoutInQuiz.text')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** The member's own history for anyone signed in; the organizer and judge areas for those who have the role. */
function RoleNav() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <>
      {user && (
        <NavLink to="/history" className="nav-link">
          {t('nav.history')}
        </NavLink>
      )}
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

/** A session the server ended (refresh refused, account disabled) leads to the login page, and back here after. */
function useLoginWhenSessionEnds() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      sessionEvents.subscribe((event) => {
        if (event.type !== 'ended' || location.pathname === '/login') return;
        const state: LoginLocationState = { sessionEnded: event.code };
        void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { state });
      }),
    [location, navigate],
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const { pathname } = useLocation();
  useLoginWhenSessionEnds();
  // An admin handed out a temporary password: nothing else until it is changed (the login page
  // still runs, so that it can go on to where the member was heading).
  const passwordChangeRequired = status === 'authenticated' && user?.mustChangePassword === true && pathname !== '/login';

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
          {!passwordChangeRequired && <RoleNav />}
          <div className="app-nav__account">
            <AccountNav passwordChangeRequired={passwordChangeRequired} />
          </div>
        </nav>
      </header>
      <main id="main" className="container app-main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>{passwordChangeRequired ? <PasswordChangeRequiredPage /> : <Outlet />}</Suspense>
      </main>
    </div>
  );
}
