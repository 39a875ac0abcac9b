import { QuestionLimits } from '@hoi-thi/contest-engine';
import { Difficulties, QuestionTypes, type CreateQuestionRequest, type Difficulty, type QuestionResponse, type QuestionType, type TopicResponse } from '@hoi-thi/contracts';
import { useId, useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { focusFirstInvalid, partitionFieldErrors } from '../../../lib/form-errors';
import { parseDecimal, toDecimalInput } from '../../../lib/form-values';
import { blankOption, keyProblem, optionLetter, optionLimits, optionsForType, questionProblems, toggleCorrect, type FieldProblem, type OptionDraft } from './question-rules';
import { topicOptions } from './topic-tree';

export interface QuestionFormValues {
  topicId: string;
  type: QuestionType;
  text: string;
  options: OptionDraft[];
  difficulty: Difficulty;
  points: string;
  explanation: string;
}

export function initialValues(question: QuestionResponse | null, topicId = ''): QuestionFormValues {
  if (!question) {
    return { topicId, type: 'single', text: '', options: [blankOption(), blankOption(), blankOption(), blankOption()], difficulty: 'medium', points: '1', explanation: '' };
  }
  return {
    topicId: question.topicId,
    type: question.type,
    text: question.text,
    options: question.options.map((option) => ({ key: option.id, id: option.id, text: option.text, correct: option.correct })),
    difficulty: question.difficulty,
    points: toDecimalInput(question.points),
    explanation: question.explanation ?? '',
  };
}

const knownField = (field: string) => ['topicId', 'type', 'text', 'options', 'difficulty', 'points', 'explanation'].includes(field) || /^options\.\d+\.(text|id)$/.test(field);

interface QuestionFormProps {
  initial: QuestionFormValues;
  topics: readonly TopicResponse[];
  /** Editing keeps option ids so each option keeps its identity across versions. */
  editing: boolean;
  disabled?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (request: CreateQuestionRequest & { options: { id?: string; text: string; correct: boolean }[] }) => void;
}

/**
 * The question editor: type, text, option rows (add, remove, mark correct) with the type's rule
 * shown and checked live, difficulty, points and explanation. Server VALIDATION errors land next to
 * their field, option errors next to their row.
 */
export function QuestionForm({ initial, topics, editing, disabled = false, pending, error, onSubmit }: QuestionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitCount, setSubmitCount] = useState(0);

  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, error]);

  const server = partitionFieldErrors(error, knownField);
  const errorFor = (field: string): string | undefined => clientErrors[field] ?? server.fieldErrors[field];
  const set = <K extends keyof QuestionFormValues>(key: K, value: QuestionFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const setOptions = (options: OptionDraft[]) => {
    set('options', options);
  };

  const problem = keyProblem(values.type, values.options);
  const multiple = values.type === 'multiple';
  const canAdd = values.type !== 'true_false' && values.options.length < optionLimits.max;
  const canRemove = values.type !== 'true_false' && values.options.length > optionLimits.min;

  const changeType = (type: QuestionType) => {
    setValues((current) => ({ ...current, type, options: optionsForType(type, current.options, { true: t('bank.editor.true'), false: t('bank.editor.false') }) }));
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const points = parseDecimal(values.points);
    const wording = (found: FieldProblem): string => {
      if (found.kind === 'text') return t('bank.editor.validation.text');
      if (found.kind === 'optionText') return t('bank.editor.validation.optionText', { letter: optionLetter(found.index) });
      if (found.kind === 'key') return t(`bank.editor.problem.${found.problem}`);
      return t('bank.editor.validation.points');
    };
    const errors: Record<string, string> = {};
    if (!values.topicId) errors.topicId = t('bank.editor.validation.topic');
    // The question as the server will see it (trimmed), checked by the same engine rules.
    const draft = {
      type: values.type,
      text: values.text.trim(),
      options: values.options.map((option) => ({ text: option.text.trim(), correct: option.correct })),
      difficulty: values.difficulty,
      ...(points !== null ? { points } : {}),
    };
    for (const [field, found] of Object.entries(questionProblems(draft))) errors[field] = wording(found);
    if (points === null) errors.points = t('bank.editor.validation.points');
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (Object.keys(errors).length > 0 || points === null) return;
    onSubmit({
      topicId: values.topicId,
      type: values.type,
      text: values.text.trim(),
      options: values.options.map((option) => ({ ...(editing && option.id ? { id: option.id } : {}), text: option.text.trim(), correct: option.correct })),
      difficulty: values.difficulty,
      points,
      ...(values.explanation.trim() ? { explanation: values.explanation.trim() } : {}),
    });
  };

  const optionsError = errorFor('options');
  const typeHintId = `${id}-type-hint`;
  const optionsHintId = `${id}-options-hint`;
  const optionsErrorId = `${id}-options-error`;

  return (
    <form ref={formRef} className="form question-form" onSubmit={submit} noValidate>
      <fieldset className="form__fieldset" disabled={disabled || pending}>
        <SelectField
          label={t('bank.editor.topic')}
          value={values.topicId}
          onChange={(event) => {
            set('topicId', event.target.value);
          }}
          error={errorFor('topicId')}
          required
        >
          <option value="">{t('bank.editor.chooseTopic')}</option>
          {topicOptions(topics).map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.path}
            </option>
          ))}
        </SelectField>

        <fieldset className="field choice-group" aria-describedby={typeHintId}>
          <legend className="field__label">{t('bank.editor.type')}</legend>
          <div className="choice-group__items">
            {QuestionTypes.map((type) => (
              <label key={type} className="choice">
                <input
                  type="radio"
                  name={`${id}-type`}
                  value={type}
                  checked={values.type === type}
                  onChange={() => {
                    changeType(type);
                  }}
                />
                <span>{t(`bank.type.${type}`)}</span>
              </label>
            ))}
          </div>
          <p id={typeHintId} className="field__hint">
            {t(`bank.editor.typeRule.${values.type}`)}
          </p>
        </fieldset>

        <TextAreaField
          label={t('bank.editor.text')}
          value={values.text}
          rows={3}
          maxLength={QuestionLimits.textMaxLength}
          onChange={(event) => {
            set('text', event.target.value);
          }}
          error={errorFor('text')}
          required
        />

        <fieldset
          className="field option-rows"
          aria-describedby={[optionsHintId, optionsError ? optionsErrorId : null].filter(Boolean).join(' ')}
          data-invalid={optionsError ? true : undefined}
        >
          <legend className="field__label">{t('bank.editor.options')}</legend>
          <p id={optionsHintId} className="field__hint">
            {t(multiple ? 'bank.editor.optionsHintMultiple' : 'bank.editor.optionsHintSingle', { min: optionLimits.min, max: optionLimits.max })}
          </p>
          <ol className="option-rows__list">
            {values.options.map((option, index) => {
              const letter = optionLetter(index);
              const textError = errorFor(`options.${String(index)}.text`) ?? errorFor(`options.${String(index)}.id`);
              const textId = `${id}-option-${option.key}`;
              return (
                <li key={option.key} className="option-row" data-correct={option.correct}>
                  <span className="option-row__letter" aria-hidden="true">
                    {letter}
                  </span>
                  <div className="option-row__main">
                    <label htmlFor={textId} className="visually-hidden">
                      {t('bank.editor.optionLabel', { letter })}
                    </label>
                    <input
                      id={textId}
                      className="field__input"
                      value={option.text}
                      maxLength={QuestionLimits.optionMaxLength}
                      aria-invalid={textError ? true : undefined}
                      aria-describedby={textError ? `${textId}-error` : undefined}
                      onChange={(event) => {
                        setOptions(values.options.map((o) => (o.key === option.key ? { ...o, text: event.target.value } : o)));
                      }}
                    />
                    {textError && (
                      <p id={`${textId}-error`} className="field__error">
                        {textError}
                      </p>
                    )}
                  </div>
                  <label className="option-row__correct">
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={`${id}-correct`}
                      checked={option.correct}
                      aria-label={t('bank.editor.markCorrect', { letter })}
                      onChange={() => {
                        setOptions(toggleCorrect(values.type, values.options, option.key));
                      }}
                    />
                    <span aria-hidden="true">{t('bank.editor.correct')}</span>
                  </label>
                  {canRemove && (
                    <button
                      type="button"
                      className="button button--ghost option-row__remove"
                      aria-label={t('bank.editor.removeOption', { letter })}
                      onClick={() => {
                        setOptions(values.options.filter((o) => o.key !== option.key));
                      }}
                    >
                      ×
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {problem && !optionsError && (
            <p className="field__warning" role="status">
              {t(`bank.editor.problem.${problem}`)}
            </p>
          )}
          {optionsError && (
            <p id={optionsErrorId} className="field__error">
              {optionsError}
            </p>
          )}
          {canAdd && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setOptions([...values.options, blankOption()]);
              }}
            >
              {t('bank.editor.addOption')}
            </button>
          )}
        </fieldset>

        <div className="form__row">
          <SelectField
            label={t('bank.editor.difficulty')}
            value={values.difficulty}
            onChange={(event) => {
              set('difficulty', event.target.value as Difficulty);
            }}
            error={errorFor('difficulty')}
          >
            {Difficulties.map((difficulty) => (
              <option key={difficulty} value={difficulty}>
                {t(`bank.difficulty.${difficulty}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('bank.editor.points')}
            hint={t('bank.editor.pointsHint')}
            inputMode="decimal"
            value={values.points}
            onChange={(event) => {
              set('points', event.target.value);
            }}
            error={errorFor('points')}
          />
        </div>

        <TextAreaField
          label={t('bank.editor.explanation')}
          hint={t('bank.editor.explanationHint')}
          rows={2}
          maxLength={QuestionLimits.explanationMaxLength}
          value={values.explanation}
          onChange={(event) => {
            set('explanation', event.target.value);
          }}
          error={errorFor('explanation')}
        />

        {Boolean(error) && <FormErrorAlert error={error} otherDetails={server.otherDetails} />}

        <button type="submit" className="button button--primary button--block">
          {pending ? t('common.saving') : editing ? t('bank.editor.saveVersion') : t('bank.editor.create')}
        </button>
      </fieldset>
    </form>
  );
}
