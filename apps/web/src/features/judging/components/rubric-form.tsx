import { RUBRIC_STEP } from '@hoi-thi/contest-engine';
import type { JudgeAssignmentResponse, ScoreAssignmentRequest } from '@hoi-thi/contracts';
import { useId, useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TextAreaField } from '../../../components/text-area-field';
import { focusFirstInvalid, partitionFieldErrors } from '../../../lib/form-errors';
import { formatNumber } from '../../../lib/format';
import { parseDecimal, toDecimalInput } from '../../../lib/form-values';
import { scoreProblem, stepScore, weightedTotal } from './rubric-score';

interface RubricFormProps {
  assignment: JudgeAssignmentResponse;
  pending: boolean;
  error: unknown;
  onSave: (request: ScoreAssignmentRequest) => void;
}

/**
 * Scores per criterion in quarter points (typed, or ± buttons), the weighted total live as the
 * judge types, a comment, save. Locked judging shows the scores read-only.
 */
export function RubricForm({ assignment, pending, error, onSave }: RubricFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { rubric } = assignment;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      rubric.map((criterion) => {
        const points = assignment.scores?.find((score) => score.criterion === criterion.name)?.points;
        return [criterion.name, points === undefined ? '' : toDecimalInput(points)];
      }),
    ),
  );
  const [comment, setComment] = useState(assignment.comment ?? '');
  const [showProblems, setShowProblems] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);

  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, error]);

  const server = partitionFieldErrors(error, (field) => field === 'comment' || /^scores\.\d+\.(points|criterion)$/.test(field));
  const { total, max, complete } = weightedTotal(rubric, texts);

  const problemText = (index: number, name: string, maxPoints: number): string | undefined => {
    const problem = scoreProblem(texts[name] ?? '', maxPoints);
    if (showProblems && problem) return t(`judging.problem.${problem}`, { max: formatNumber(maxPoints), step: formatNumber(RUBRIC_STEP) });
    return server.fieldErrors[`scores.${String(index)}.points`] ?? server.fieldErrors[`scores.${String(index)}.criterion`];
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShowProblems(true);
    setSubmitCount((count) => count + 1);
    if (!complete) return;
    onSave({
      scores: rubric.map((criterion) => ({ criterion: criterion.name, points: parseDecimal(texts[criterion.name] ?? '') ?? 0 })),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };

  return (
    <form ref={formRef} className="card form rubric-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('judging.scoreTitle')}</h2>
      <p className="field__hint">{t('judging.scoreHint', { step: formatNumber(RUBRIC_STEP) })}</p>
      <fieldset className="form__fieldset" disabled={assignment.locked || pending}>
        <ol className="score-rows">
          {rubric.map((criterion, index) => {
            const inputId = `${id}-score-${String(index)}`;
            const problem = problemText(index, criterion.name, criterion.maxPoints);
            const weight = criterion.weight ?? 1;
            const setText = (text: string) => {
              setTexts((current) => ({ ...current, [criterion.name]: text }));
            };
            return (
              <li key={criterion.name} className="score-row">
                <label htmlFor={inputId} className="field__label">
                  {criterion.name}
                </label>
                <p id={`${inputId}-hint`} className="field__hint">
                  {weight === 1
                    ? t('judging.criterionMax', { max: formatNumber(criterion.maxPoints) })
                    : t('judging.criterionMaxWeight', { max: formatNumber(criterion.maxPoints), weight: formatNumber(weight) })}
                </p>
                <div className="score-row__control">
                  <button
                    type="button"
                    className="button button--secondary score-row__step"
                    aria-label={t('judging.decrease', { name: criterion.name })}
                    onClick={() => {
                      setText(toDecimalInput(stepScore(texts[criterion.name] ?? '', criterion.maxPoints, -1)));
                    }}
                  >
                    −
                  </button>
                  <input
                    id={inputId}
                    className="field__input score-row__input"
                    inputMode="decimal"
                    autoComplete="off"
                    value={texts[criterion.name] ?? ''}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={[`${inputId}-hint`, problem ? `${inputId}-error` : null].filter(Boolean).join(' ')}
                    onChange={(event) => {
                      setText(event.target.value);
                    }}
                    onKeyDown={(event) => {
                      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
                      event.preventDefault();
                      setText(toDecimalInput(stepScore(texts[criterion.name] ?? '', criterion.maxPoints, event.key === 'ArrowUp' ? 1 : -1)));
                    }}
                  />
                  <button
                    type="button"
                    className="button button--secondary score-row__step"
                    aria-label={t('judging.increase', { name: criterion.name })}
                    onClick={() => {
                      setText(toDecimalInput(stepScore(texts[criterion.name] ?? '', criterion.maxPoints, 1)));
                    }}
                  >
                    +
                  </button>
                  <span className="score-row__max" aria-hidden="true">
                    / {formatNumber(criterion.maxPoints)}
                  </span>
                </div>
                {problem && (
                  <p id={`${inputId}-error`} className="field__error">
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ol>

        <p className="score-total" aria-live="polite">
          <span>{t('judging.total')}</span>{' '}
          <strong className="score-total__value">{t('judging.totalValue', { total: formatNumber(total), max: formatNumber(max) })}</strong>
          {!complete && <span className="field__hint"> {t('judging.totalIncomplete')}</span>}
        </p>

        <TextAreaField
          label={t('judging.comment')}
          hint={t('judging.commentHint')}
          rows={3}
          maxLength={5000}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
          }}
          error={server.fieldErrors.comment}
        />

        {Boolean(error) && <FormErrorAlert error={error} otherDetails={server.otherDetails} />}
        {!assignment.locked && (
          <button type="submit" className="button button--primary button--block">
            {pending ? t('common.saving') : t('judging.save')}
          </button>
        )}
      </fieldset>
    </form>
  );
}
