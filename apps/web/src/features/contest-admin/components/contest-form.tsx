import { ContestKinds, type ContestKind, type ContestResponse, type CreateContestRequest } from '@hoi-thi/contracts';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { splitFieldErrors } from '../../../lib/form-errors';

const fields = ['title', 'description', 'kind'] as const;

interface ContestFormProps {
  /** Editing: the kind cannot change once the contest has rounds, so it is not asked again. */
  contest?: ContestResponse;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (request: CreateContestRequest) => void;
}

/** Title, description and, for a new contest, its kind (quiz or essay). */
export function ContestForm({ contest, pending, error, submitLabel, onSubmit }: ContestFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(contest?.title ?? '');
  const [description, setDescription] = useState(contest?.description ?? '');
  const [kind, setKind] = useState<ContestKind>(contest?.kind ?? 'quiz');
  const [titleError, setTitleError] = useState<string | null>(null);
  const server = splitFieldErrors(error, fields);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    const problem = trimmed.length === 0 ? t('auth.validation.required') : trimmed.length < 3 ? t('builder.contest.titleTooShort') : null;
    setTitleError(problem);
    if (problem) return;
    onSubmit({ title: trimmed, kind, ...(description.trim() ? { description: description.trim() } : {}) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__fieldset" disabled={pending}>
        <TextField
          label={t('builder.contest.title')}
          value={title}
          maxLength={300}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
          error={titleError ?? server.fieldErrors.title}
        />
        <TextAreaField
          label={t('builder.contest.description')}
          rows={3}
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
          }}
          error={server.fieldErrors.description}
        />
        {!contest && (
          <fieldset className="field choice-group">
            <legend className="field__label">{t('builder.contest.kind')}</legend>
            <div className="choice-group__items">
              {ContestKinds.map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name="contest-kind"
                    value={value}
                    checked={kind === value}
                    onChange={() => {
                      setKind(value);
                    }}
                  />
                  <span>{t(`contests.kind.${value}`)}</span>
                </label>
              ))}
            </div>
            <p className="field__hint">{t(`builder.contest.kindHint.${kind}`)}</p>
          </fieldset>
        )}
        {Boolean(error) && <FormErrorAlert error={error} otherDetails={server.otherDetails} />}
        <button type="submit" className="button button--primary button--block">
          {pending ? t('common.saving') : submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
