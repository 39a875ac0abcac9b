import { ErrorCodes } from '@hoi-thi/contracts';
import { useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { focusFirstInvalid, splitFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../hooks/use-account';

const serverFields = ['currentPassword', 'newPassword'] as const;
type Field = (typeof serverFields)[number] | 'confirmPassword';
type Values = Record<Field, string>;

const emptyValues: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };
const minPasswordLength = 8;

interface PasswordFormProps {
  /** "Current password", or "Temporary password" when an admin has just reset it. */
  currentLabel: string;
  submitLabel: string;
  /** Said under the form once the password is changed (the form is then emptied). */
  successMessage?: string;
}

/** `PUT /api/auth/password`: current, new and the new once more (checked here before sending). */
export function PasswordForm({ currentLabel, submitLabel, successMessage }: PasswordFormProps) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(emptyValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  const [submitCount, setSubmitCount] = useState(0);

  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, change.error]);

  const server = splitFieldErrors<Field>(change.error, serverFields);
  const code = isApiError(change.error) ? change.error.code : null;
  // These two belong to a field: said there, not above the button.
  if (code === ErrorCodes.AUTH_WRONG_PASSWORD) server.fieldErrors.currentPassword = t('errors.codes.wrongPassword');
  if (code === ErrorCodes.AUTH_SAME_PASSWORD) server.fieldErrors.newPassword = t('errors.codes.samePassword');
  const fieldCode = code === ErrorCodes.AUTH_WRONG_PASSWORD || code === ErrorCodes.AUTH_SAME_PASSWORD;
  const errorFor = (field: Field) => clientErrors[field] ?? server.fieldErrors[field];
  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  };

  const validate = (): FieldErrors<Field> => {
    const errors: FieldErrors<Field> = {};
    if (!values.currentPassword) errors.currentPassword = t('auth.validation.required');
    if (!values.newPassword) errors.newPassword = t('auth.validation.required');
    else if (values.newPassword.length < minPasswordLength) errors.newPassword = t('auth.validation.passwordTooShort');
    if (!values.confirmPassword) errors.confirmPassword = t('auth.validation.required');
    else if (values.newPassword && values.confirmPassword !== values.newPassword) errors.confirmPassword = t('account.password.mismatch');
    return errors;
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (Object.keys(errors).length > 0) {
      change.reset();
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(emptyValues);
        },
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <TextField
        label={currentLabel}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={(event) => {
          set('currentPassword')(event.target.value);
        }}
        error={errorFor('currentPassword')}
        required
      />
      <TextField
        label={t('account.password.new')}
        hint={t('auth.fields.passwordHint')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={values.newPassword}
        onChange={(event) => {
          set('newPassword')(event.target.value);
        }}
        error={errorFor('newPassword')}
        required
      />
      <TextField
        label={t('account.password.confirm')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        value={values.confirmPassword}
        onChange={(event) => {
          set('confirmPassword')(event.target.value);
        }}
        error={errorFor('confirmPassword')}
        required
      />
      {change.isError && !fieldCode && <FormErrorAlert error={change.error} otherDetails={server.otherDetails} />}
      {successMessage !== undefined && (
        <p className="status-slot" role="status">
          {change.isSuccess && <span className="notice notice--success">{successMessage}</span>}
        </p>
      )}
      <button type="submit" className="button button--primary button--block" disabled={change.isPending}>
        {change.isPending ? t('account.password.submitting') : submitLabel}
      </button>
    </form>
  );
}
