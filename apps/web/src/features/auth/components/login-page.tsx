import { useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { TextField } from '../../../components/text-field';
import { useAuth } from '../hooks/auth-context';
import { useLogin } from '../hooks/use-auth-mutations';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { codeMessageKey } from '../../../lib/error-message';
import { focusFirstInvalid, splitFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useDocumentTitle } from '../../../lib/use-document-title';

const fields = ['email', 'password'] as const;
type Field = (typeof fields)[number];

/** Only same-site paths, so a crafted `?next=` link cannot send people elsewhere. */
function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** What the layout passes along when it brings someone here because their session ended. */
export interface LoginLocationState {
  sessionEnded: string;
}

function sessionEndedCode(state: unknown): string | null {
  const code = (state as Partial<LoginLocationState> | null)?.sessionEnded;
  return typeof code === 'string' ? code : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const { status } = useAuth();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const endedCode = sessionEndedCode(location.state);
  const login = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  const [submitCount, setSubmitCount] = useState(0);

  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, login.error]);

  if (status === 'authenticated') return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const server = splitFieldErrors(login.error, fields);
  const errorFor = (field: Field) => clientErrors[field] ?? server.fieldErrors[field];

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors<Field> = {};
    if (!email.trim()) errors.email = t('auth.validation.required');
    if (!password) errors.password = t('auth.validation.required');
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (Object.keys(errors).length > 0) {
      login.reset();
      return;
    }
    login.mutate({ email: email.trim(), password });
  };

  return (
    <section className="page page--narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.login.title')}</h1>
      <p className="page__intro">{t('auth.login.intro')}</p>
      {endedCode && !login.isError && (
        <p className="notice notice--warning" role="status">
          {t(codeMessageKey(endedCode) ?? 'errors.codes.tokenInvalid')}
        </p>
      )}

      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
          error={errorFor('email')}
          required
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          error={errorFor('password')}
          required
        />

        {login.isError && <FormErrorAlert error={login.error} otherDetails={server.otherDetails} />}

        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </form>

      <p className="page__aside">
        {t('auth.login.noAccount')} <Link to="/register">{t('auth.login.registerLink')}</Link>
      </p>
    </section>
  );
}
