import { ErrorCodes, type RegisterRequest } from '@hoi-thi/contracts';
import { useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, Navigate } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-message';
import { useAuth } from '../hooks/auth-context';
import { useRegister } from '../hooks/use-auth-mutations';
import { useRegistrationSettings } from '../hooks/use-registration-settings';
import { useUnits } from '../hooks/use-units';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { focusFirstInvalid, splitFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { UnitPicker } from './unit-picker';
import { useDocumentTitle } from '../../../lib/use-document-title';

const fields = ['fullName', 'email', 'password', 'unitId', 'phone'] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

const minPasswordLength = 8;

export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.register.title'));
  const { status } = useAuth();
  const units = useUnits();
  const settings = useRegistrationSettings();
  const phoneRequired = settings.data?.phoneRequired === true;
  const register = useRegister();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ fullName: '', email: '', password: '', unitId: '', phone: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  const [submitCount, setSubmitCount] = useState(0);

  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, register.error]);

  if (status === 'authenticated') return <Navigate to="/" replace />;

  const server = splitFieldErrors(register.error, fields);
  // 409 AUTH.PHONE_TAKEN belongs to the phone field: said there, in the reader's language.
  const phoneTaken = isApiError(register.error) && register.error.code === ErrorCodes.AUTH_PHONE_TAKEN;
  if (phoneTaken) server.fieldErrors.phone = t('auth.errors.phoneTaken');
  const errorFor = (field: Field) => clientErrors[field] ?? server.fieldErrors[field];
  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  };

  const validate = (): FieldErrors<Field> => {
    const errors: FieldErrors<Field> = {};
    if (!values.fullName.trim()) errors.fullName = t('auth.validation.required');
    if (!values.email.trim()) errors.email = t('auth.validation.required');
    if (!values.password) errors.password = t('auth.validation.required');
    else if (values.password.length < minPasswordLength) errors.password = t('auth.validation.passwordTooShort');
    if (phoneRequired && !values.phone.trim()) errors.phone = t('auth.validation.required');
    if (!values.unitId) errors.unitId = t('auth.validation.unitRequired');
    return errors;
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (Object.keys(errors).length > 0) {
      register.reset();
      return;
    }
    const phone = values.phone.trim();
    const request: RegisterRequest = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      password: values.password,
      unitId: values.unitId,
      // The API rejects unknown and empty optional fields alike: send phone only when given.
      ...(phone ? { phone } : {}),
    };
    register.mutate(request);
  };

  return (
    <section className="page page--narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('auth.register.title')}</h1>
      <p className="page__intro">{t('auth.register.intro')}</p>

      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('auth.fields.fullName')}
          name="fullName"
          autoComplete="name"
          value={values.fullName}
          onChange={(event) => {
            set('fullName')(event.target.value);
          }}
          error={errorFor('fullName')}
          required
        />
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={values.email}
          onChange={(event) => {
            set('email')(event.target.value);
          }}
          error={errorFor('email')}
          required
        />
        <TextField
          label={t('auth.fields.password')}
          hint={t('auth.fields.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(event) => {
            set('password')(event.target.value);
          }}
          error={errorFor('password')}
          required
        />
        <TextField
          label={phoneRequired ? t('auth.fields.phoneRequired') : t('auth.fields.phone')}
          hint={t('auth.fields.phoneHint')}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={values.phone}
          onChange={(event) => {
            set('phone')(event.target.value);
          }}
          error={errorFor('phone')}
          required={phoneRequired}
        />

        {units.isPending ? (
          <p role="status" className="field">
            {t('units.loading')}
          </p>
        ) : units.isError ? (
          <ErrorNotice
            title={t('units.loadFailed')}
            message={errorMessage(units.error)}
            onRetry={() => void units.refetch()}
            retrying={units.isFetching}
          />
        ) : (
          <UnitPicker
            label={t('auth.fields.unit')}
            units={units.data}
            value={values.unitId}
            onChange={set('unitId')}
            error={errorFor('unitId')}
          />
        )}

        {register.isError &&
          (phoneTaken ? (
            <div className="notice notice--error" role="alert">
              <p>{t('auth.errors.phoneTakenHint')}</p>
            </div>
          ) : (
            <FormErrorAlert error={register.error} otherDetails={server.otherDetails} />
          ))}

        <button type="submit" className="button button--primary button--block" disabled={register.isPending}>
          {register.isPending ? t('auth.register.submitting') : t('auth.register.submit')}
        </button>
      </form>

      <p className="page__aside">
        {t('auth.register.hasAccount')} <Link to="/login">{t('auth.register.loginLink')}</Link>
      </p>
    </section>
  );
}
