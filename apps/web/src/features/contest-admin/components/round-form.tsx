import { FREEZE_MINUTES_MAX, TIME_LIMIT_SECONDS, validateRubric } from '@hoi-thi/contest-engine';
import {
  GradingModes,
  PredictionActualKinds,
  ReviewAfterOptions,
  type ContestResponse,
  type GradingMode,
  type PredictionActualKind,
  type ReviewAfter,
  ROUND_PROMPT_MAX_LENGTH,
  type RoundResponse,
  type TopicResponse,
} from '@hoi-thi/contracts';
import { useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { focusFirstInvalid, partitionFieldErrors } from '../../../lib/form-errors';
import { fromDateTimeInput, parseDecimal, parseWhole, toDateTimeInput, toDecimalInput } from '../../../lib/form-values';
import { formatDateTime } from '../../../lib/format';
import type { AvailabilityItem } from '../../question-bank';
import type { CreateEssayRoundRequest, CreateRoundRequest, UpdateRoundRequest } from '../api/contest-admin-api';
import { shortfallOf, useAddRound, useUpdateRound } from '../hooks/use-contest-admin';
import { BlueprintEditor, newBlueprintRow, type BlueprintRow } from './blueprint-editor';
import { RubricEditor, newRubricRow, type RubricRow } from './rubric-editor';

const hour = 3_600_000;

/** The next whole hour, and a week after it: a sensible first guess for a weekly round. */
function defaultWindow(): { opensAt: string; closesAt: string } {
  const opens = new Date(Math.ceil(Date.now() / hour) * hour);
  return { opensAt: toDateTimeInput(opens), closesAt: toDateTimeInput(new Date(opens.getTime() + 7 * 24 * hour)) };
}

const roundFields = [
  'title',
  'opensAt',
  'closesAt',
  'timeLimitSeconds',
  'maxAttempts',
  'blueprint',
  'shuffleQuestions',
  'shuffleOptions',
  'gradingMode',
  'predictionQuestion',
  'predictionActual',
  'reviewAfter',
  'freezeMinutes',
  'prompt',
  'rubric',
  'judgesPerEntry',
  'minWords',
  'maxWords',
];
const knownField = (field: string) => roundFields.includes(field) || /^(blueprint\.\d+\.(topicId|count|difficulty|points)|rubric\.\d+(\.(name|maxPoints|weight))?)$/.test(field);

interface RoundFormProps {
  contest: ContestResponse;
  /** Editing this round; without it, a new one. */
  round?: RoundResponse;
  topics: readonly TopicResponse[];
  availability: readonly AvailabilityItem[] | undefined;
  onSaved: (round: RoundResponse) => void;
  onCancel: () => void;
}

const wholeText = (value: number | null, fallback: string) => (value === null ? fallback : String(value));

/**
 * Adds a round to a contest (a quiz round with its blueprint, or an essay round with its rubric), or
 * edits one: before it opens, every field, as when it was created; once it is open, only its title and
 * a later close (members were told the rest), the other fields shown but locked.
 */
export function RoundForm({ contest, round, topics, availability, onSaved, onCancel }: RoundFormProps) {
  const { t } = useTranslation();
  const add = useAddRound(contest.id);
  const update = useUpdateRound(round?.id ?? '');
  const mutation = round ? update : add;
  const formRef = useRef<HTMLFormElement>(null);
  const quiz = contest.kind === 'quiz';
  const locked = round?.phase === 'open';

  const [initialWindow] = useState(() =>
    round ? { opensAt: toDateTimeInput(new Date(round.opensAt)), closesAt: toDateTimeInput(new Date(round.closesAt)) } : defaultWindow(),
  );
  const [title, setTitle] = useState(() => round?.title ?? t('builder.round.defaultTitle', { n: contest.rounds.length + 1 }));
  const [opensAt, setOpensAt] = useState(initialWindow.opensAt);
  const [closesAt, setClosesAt] = useState(initialWindow.closesAt);
  // quiz
  const [minutes, setMinutes] = useState(() => (round?.timeLimitSeconds != null ? String(Math.max(1, Math.round(round.timeLimitSeconds / 60))) : '15'));
  const [maxAttempts, setMaxAttempts] = useState(() => wholeText(round?.maxAttempts ?? null, '3'));
  const [rows, setRows] = useState<BlueprintRow[]>(() =>
    round?.blueprint?.length
      ? round.blueprint.map((line) => ({
          ...newBlueprintRow(line.topicId),
          difficulty: line.difficulty ?? '',
          count: String(line.count),
          points: line.points !== undefined ? toDecimalInput(line.points) : '',
        }))
      : [newBlueprintRow()],
  );
  const [shuffleQuestions, setShuffleQuestions] = useState(round?.shuffleQuestions ?? true);
  const [shuffleOptions, setShuffleOptions] = useState(round?.shuffleOptions ?? true);
  const [gradingMode, setGradingMode] = useState<GradingMode>(round?.gradingMode ?? 'all_or_nothing');
  const [predictionQuestion, setPredictionQuestion] = useState(round?.predictionQuestion ?? '');
  const [predictionActual, setPredictionActual] = useState<PredictionActualKind>(round?.predictionActual ?? 'participants');
  const [reviewAfter, setReviewAfter] = useState<ReviewAfter>(round?.reviewAfter ?? 'close');
  const [freezeMinutes, setFreezeMinutes] = useState(() => String(round?.freezeMinutes ?? 30));
  // essay
  const [prompt, setPrompt] = useState(round?.prompt ?? '');
  const [rubric, setRubric] = useState<RubricRow[]>(() =>
    round?.rubric?.length
      ? round.rubric.map((criterion) => ({
          ...newRubricRow(criterion.name, toDecimalInput(criterion.maxPoints)),
          weight: criterion.weight !== undefined && criterion.weight !== 1 ? toDecimalInput(criterion.weight) : '',
        }))
      : [newRubricRow(t('builder.rubric.defaultContent'), '60'), newRubricRow(t('builder.rubric.defaultForm'), '40')],
  );
  const [judgesPerEntry, setJudgesPerEntry] = useState(() => wholeText(round?.judgesPerEntry ?? null, '2'));
  const [minWords, setMinWords] = useState(() => wholeText(round?.minWords ?? null, ''));
  const [maxWords, setMaxWords] = useState(() => wholeText(round?.maxWords ?? null, ''));

  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitCount, setSubmitCount] = useState(0);
  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, mutation.error]);

  const server = partitionFieldErrors(mutation.error, knownField);
  const errorFor = (field: string): string | undefined => clientErrors[field] ?? server.fieldErrors[field];
  const shortfall = shortfallOf(mutation.error);

  /** An open round: the title and a later close, only what changed. */
  const buildOpenPatch = (errors: Record<string, string>): UpdateRoundRequest | null => {
    if (!round) return null;
    if (!title.trim()) errors.title = t('auth.validation.required');
    const closes = fromDateTimeInput(closesAt);
    if (!closes) errors.closesAt = t('auth.validation.required');
    const closesChanged = closes !== null && closesAt !== initialWindow.closesAt;
    if (closes && closesChanged && new Date(closes) <= new Date(round.closesAt)) errors.closesAt = t('builder.round.closesOnlyLater');
    if (Object.keys(errors).length > 0) return null;
    return { ...(title.trim() !== round.title ? { title: title.trim() } : {}), ...(closesChanged && closes ? { closesAt: closes } : {}) };
  };

  const build = (errors: Record<string, string>): CreateRoundRequest | null => {
    const required = t('auth.validation.required');
    if (!title.trim()) errors.title = required;
    const opens = fromDateTimeInput(opensAt);
    const closes = fromDateTimeInput(closesAt);
    if (!opens) errors.opensAt = required;
    if (!closes) errors.closesAt = required;
    if (opens && closes && closes <= opens) errors.closesAt = t('builder.round.closesAfterOpens');
    if (quiz) {
      const limit = parseWhole(minutes);
      if (limit === null || limit < 1 || limit * 60 > TIME_LIMIT_SECONDS.max) errors.timeLimitSeconds = t('builder.round.minutesRange');
      const attempts = parseWhole(maxAttempts);
      if (attempts === null || attempts < 1 || attempts > 100) errors.maxAttempts = t('builder.round.attemptsRange');
      const freeze = parseWhole(freezeMinutes);
      if (freeze === null || freeze < 0 || freeze > FREEZE_MINUTES_MAX) errors.freezeMinutes = t('builder.round.freezeRange');
      const blueprint = rows.map((row, index) => {
        const count = parseWhole(row.count);
        const points = row.points.trim() ? parseDecimal(row.points) : undefined;
        if (!row.topicId) errors[`blueprint.${String(index)}.topicId`] = t('bank.editor.validation.topic');
        if (count === null || count < 1 || count > 500) errors[`blueprint.${String(index)}.count`] = t('builder.blueprint.countRange');
        if (points === null || (points !== undefined && (points < 0 || points > 1000))) errors[`blueprint.${String(index)}.points`] = t('builder.blueprint.pointsRange');
        return { topicId: row.topicId, count: count ?? 0, ...(row.difficulty ? { difficulty: row.difficulty } : {}), ...(points != null ? { points } : {}) };
      });
      if (Object.keys(errors).length > 0 || !opens || !closes || limit === null || attempts === null || freeze === null) return null;
      return {
        title: title.trim(),
        opensAt: opens,
        closesAt: closes,
        timeLimitSeconds: limit * 60,
        maxAttempts: attempts,
        blueprint,
        shuffleQuestions,
        shuffleOptions,
        gradingMode,
        reviewAfter,
        freezeMinutes: freeze,
        ...(predictionQuestion.trim() ? { predictionQuestion: predictionQuestion.trim(), predictionActual } : {}),
      };
    }
    const criteria = rubric.map((row, index) => {
      const max = parseDecimal(row.maxPoints);
      const weight = row.weight.trim() ? parseDecimal(row.weight) : undefined;
      const criterion = { name: row.name.trim(), maxPoints: max ?? 0, ...(weight != null ? { weight } : {}) };
      // The engine's rule for one criterion (positive quarter points, positive weight); the caps are the request's.
      const problems = new Set(validateRubric([criterion]).map((problem) => problem.reason));
      if (!row.name.trim()) errors[`rubric.${String(index)}.name`] = required;
      if (max === null || max > 1000 || problems.has('invalid_max_points')) errors[`rubric.${String(index)}.maxPoints`] = t('builder.rubric.maxPointsRule');
      if (weight === null || (weight !== undefined && weight > 100) || problems.has('invalid_weight')) errors[`rubric.${String(index)}.weight`] = t('builder.rubric.weightRule');
      return criterion;
    });
    const judges = parseWhole(judgesPerEntry);
    if (judges === null || judges < 1 || judges > 20) errors.judgesPerEntry = t('builder.round.judgesRange');
    const min = minWords.trim() ? parseWhole(minWords) : undefined;
    const max = maxWords.trim() ? parseWhole(maxWords) : undefined;
    if (min === null) errors.minWords = t('builder.round.wholeNumber');
    if (max === null || max === 0) errors.maxWords = t('builder.round.wholeNumber');
    if (min != null && max != null && max < min) errors.maxWords = t('builder.round.maxBelowMin');
    if (prompt.trim().length > ROUND_PROMPT_MAX_LENGTH) errors.prompt = t('builder.round.promptTooLong', { max: ROUND_PROMPT_MAX_LENGTH });
    if (Object.keys(errors).length > 0 || !opens || !closes || judges === null) return null;
    const essay: CreateEssayRoundRequest = {
      title: title.trim(),
      opensAt: opens,
      closesAt: closes,
      // An edit sends null to remove a prompt; a new round simply has none.
      ...(prompt.trim() ? { prompt: prompt.trim() } : round ? { prompt: null } : {}),
      rubric: criteria,
      judgesPerEntry: judges,
      ...(min != null ? { minWords: min } : {}),
      ...(max != null ? { maxWords: max } : {}),
    };
    return essay;
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const request = locked ? buildOpenPatch(errors) : build(errors);
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (!request) {
      mutation.reset();
      return;
    }
    // Promises, not `mutate(…, { onSuccess })`: the contest refreshed by the save may unmount this
    // form (the first round hides it) before such a callback runs. Errors show from the mutation state.
    if (!round) {
      add.mutateAsync(request as CreateRoundRequest).then(onSaved, () => undefined);
    } else if (Object.keys(request).length === 0) {
      onCancel();
    } else {
      update.mutateAsync(request).then(onSaved, () => undefined);
    }
  };

  const formTitle = round ? t('builder.round.editTitle', { title: round.title }) : quiz ? t('builder.round.newQuiz') : t('builder.round.newEssay');
  const titleId = `round-form-title-${round?.id ?? 'new'}`;
  const lockedNoteId = `${titleId}-locked`;

  return (
    <form ref={formRef} className="card form round-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{formTitle}</h2>
      {locked && (
        <p id={lockedNoteId} className="notice notice--warning">
          {t('builder.round.lockedNote')}
        </p>
      )}
      <fieldset className="form__fieldset" disabled={mutation.isPending}>
        <TextField
          label={t('builder.round.title')}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
          error={errorFor('title')}
          maxLength={300}
        />
        <div className="form__row">
          <TextField
            label={t('builder.round.opensAt')}
            hint={t('builder.round.vietnamTime')}
            type="datetime-local"
            value={opensAt}
            disabled={locked}
            onChange={(event) => {
              setOpensAt(event.target.value);
            }}
            error={errorFor('opensAt')}
          />
          <TextField
            label={t('builder.round.closesAt')}
            hint={locked && round ? t('builder.round.closesLaterHint', { time: formatDateTime(round.closesAt) }) : t('builder.round.vietnamTime')}
            type="datetime-local"
            value={closesAt}
            onChange={(event) => {
              setClosesAt(event.target.value);
            }}
            error={errorFor('closesAt')}
          />
        </div>

        <fieldset className="form__fieldset" disabled={locked} aria-describedby={locked ? lockedNoteId : undefined}>
          {quiz ? (
            <>
              <div className="form__row">
                <TextField
                  label={t('builder.round.minutes')}
                  inputMode="numeric"
                  value={minutes}
                  onChange={(event) => {
                    setMinutes(event.target.value);
                  }}
                  error={errorFor('timeLimitSeconds')}
                />
                <TextField
                  label={t('builder.round.maxAttempts')}
                  inputMode="numeric"
                  value={maxAttempts}
                  onChange={(event) => {
                    setMaxAttempts(event.target.value);
                  }}
                  error={errorFor('maxAttempts')}
                />
                <TextField
                  label={t('builder.round.freezeMinutes')}
                  hint={t('builder.round.freezeHint')}
                  inputMode="numeric"
                  value={freezeMinutes}
                  onChange={(event) => {
                    setFreezeMinutes(event.target.value);
                  }}
                  error={errorFor('freezeMinutes')}
                />
              </div>
              <BlueprintEditor
                rows={rows}
                onChange={setRows}
                topics={topics}
                availability={availability}
                errorFor={errorFor}
                serverShortfall={shortfall}
              />
              <fieldset className="field choice-group">
                <legend className="field__label">{t('builder.round.shuffle')}</legend>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={shuffleQuestions}
                    onChange={(event) => {
                      setShuffleQuestions(event.target.checked);
                    }}
                  />
                  <span>{t('builder.round.shuffleQuestions')}</span>
                </label>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={shuffleOptions}
                    onChange={(event) => {
                      setShuffleOptions(event.target.checked);
                    }}
                  />
                  <span>{t('builder.round.shuffleOptions')}</span>
                </label>
              </fieldset>
              <div className="form__row">
                <SelectField
                  label={t('builder.round.gradingMode')}
                  hint={t(`builder.round.gradingHint.${gradingMode}`)}
                  value={gradingMode}
                  onChange={(event) => {
                    setGradingMode(event.target.value as GradingMode);
                  }}
                  error={errorFor('gradingMode')}
                >
                  {GradingModes.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`builder.round.grading.${mode}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t('builder.round.reviewAfter')}
                  value={reviewAfter}
                  onChange={(event) => {
                    setReviewAfter(event.target.value as ReviewAfter);
                  }}
                  error={errorFor('reviewAfter')}
                  hint={reviewAfter === 'submit' ? t('builder.round.reviewSubmitWarning') : undefined}
                >
                  {ReviewAfterOptions.map((option) => (
                    <option key={option} value={option}>
                      {t(`builder.round.review.${option}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <TextAreaField
                label={t('builder.round.predictionQuestion')}
                hint={t('builder.round.predictionHint')}
                rows={2}
                value={predictionQuestion}
                onChange={(event) => {
                  setPredictionQuestion(event.target.value);
                }}
                error={errorFor('predictionQuestion')}
              />
              {predictionQuestion.trim() && (
                <SelectField
                  label={t('builder.round.predictionActual')}
                  value={predictionActual}
                  onChange={(event) => {
                    setPredictionActual(event.target.value as PredictionActualKind);
                  }}
                  error={errorFor('predictionActual')}
                >
                  {PredictionActualKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`builder.round.actual.${kind}`)}
                    </option>
                  ))}
                </SelectField>
              )}
            </>
          ) : (
            <>
              <TextAreaField
                label={t('builder.round.prompt')}
                hint={t('builder.round.promptHint')}
                rows={5}
                maxLength={ROUND_PROMPT_MAX_LENGTH}
                value={prompt}
                onChange={(event) => {
                  setPrompt(event.target.value);
                }}
                error={errorFor('prompt')}
              />
              <RubricEditor rows={rubric} onChange={setRubric} errorFor={errorFor} />
              <div className="form__row">
                <TextField
                  label={t('builder.round.judgesPerEntry')}
                  inputMode="numeric"
                  value={judgesPerEntry}
                  onChange={(event) => {
                    setJudgesPerEntry(event.target.value);
                  }}
                  error={errorFor('judgesPerEntry')}
                />
                <TextField
                  label={t('builder.round.minWords')}
                  inputMode="numeric"
                  value={minWords}
                  onChange={(event) => {
                    setMinWords(event.target.value);
                  }}
                  error={errorFor('minWords')}
                />
                <TextField
                  label={t('builder.round.maxWords')}
                  inputMode="numeric"
                  value={maxWords}
                  onChange={(event) => {
                    setMaxWords(event.target.value);
                  }}
                  error={errorFor('maxWords')}
                />
              </div>
            </>
          )}
        </fieldset>

        {mutation.isError && <FormErrorAlert error={mutation.error} otherDetails={server.otherDetails} />}
        {!round && <p className="field__hint">{t('builder.round.finalHint')}</p>}
        <div className="toolbar">
          <button type="submit" className="button button--primary">
            {mutation.isPending ? t('common.saving') : round ? t('builder.round.saveChanges') : t('builder.round.add')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
