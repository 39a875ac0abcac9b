import { ErrorCodes, type UserResponse } from '@hoi-thi/contracts';
import { useId, useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { focusFirstInvalid, splitFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useUpdateProfile } from '../hooks/use-account';

const fields = ['fullName', 'phone'] as const;
type Field = (typeof fields)[number];

/** Full name and phone number (`PATCH /api/auth/me`); an empty phone removes the number. */
export function ProfileForm({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ fullName: user.fullName, phone: user.phone ?? '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  const [submitCount, setSubmitCount] = useState(0);

  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, update.error]);

  const server = splitFieldErrors(update.error, fields);
  // 409 AUTH.PHONE_TAKEN belongs to the phone field.
  const phoneTaken = isApiError(update.error) && update.error.code === ErrorCodes.AUTH_PHONE_TAKEN;
  if (phoneTaken) server.fieldErrors.phone = t('auth.errors.phoneTaken');
  const errorFor = (field: Field) => clientErrors[field] ?? server.fieldErrors[field];
  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors<Field> = {};
    if (!values.fullName.trim()) errors.fullName = t('auth.validation.required');
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (Object.keys(errors).length > 0) {
      update.reset();
      return;
    }
    update.mutate({ fullName: values.fullName.trim(), phone: values.phone.trim() || null });
  };

  return (
    <section className="card tool-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.profile.title')}</h2>
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
          label={t('auth.fields.phone')}
          hint={t('account.profile.phoneHint')}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={values.phone}
          onChange={(event) => {
            set('phone')(event.target.value);
          }}
          error={errorFor('phone')}
        />
        {update.isError && !phoneTaken && <FormErrorAlert error={update.error} otherDetails={server.otherDetails} />}
        <p className="status-slot" role="status">
          {update.isSuccess && <span className="notice notice--success">{t('account.profile.saved')}</span>}
        </p>
        <button type="submit" className="button button--primary button--block" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('account.profile.submit')}
        </button>
      </form>
    </section>
  );
}
