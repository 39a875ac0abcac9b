import {
  GradingModes,
  PredictionActualKinds,
  ReviewAfterOptions,
  type ContestResponse,
  type GradingMode,
  type PredictionActualKind,
  type ReviewAfter,
  type RoundResponse,
  type TopicResponse,
} from '@hoi-thi/contracts';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { focusFirstInvalid, partitionFieldErrors } from '../../../lib/form-errors';
import { fromDateTimeInput, parseDecimal, parseWhole, toDateTimeInput } from '../../../lib/form-values';
import type { AvailabilityItem } from '../../question-bank';
import type { CreateEssayRoundRequest, CreateRoundRequest } from '../api/contest-admin-api';
import { shortfallOf, useAddRound } from '../hooks/use-contest-admin';
import { BlueprintEditor, newBlueprintRow, type BlueprintRow } from './blueprint-editor';
import { RubricEditor, newRubricRow, type RubricRow } from './rubric-editor';

const hour = 3_600_000;

/** The next whole hour, and a week after it: a sensible first guess for a weekly round. */
function defaultWindow(): { opensAt: string; closesAt: string } {
  const opens = new Date(Math.ceil(Date.now() / hour) * hour);
  return { opensAt: toDateTimeInput(opens), closesAt: toDateTimeInput(new Date(opens.getTime() + 7 * 24 * hour)) };
}

const isQuarter = (value: number) => Math.abs(value * 4 - Math.round(value * 4)) < 1e-9;

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
  'rubric',
  'judgesPerEntry',
  'minWords',
  'maxWords',
];
const knownField = (field: string) => roundFields.includes(field) || /^(blueprint\.\d+\.(topicId|count|difficulty|points)|rubric\.\d+(\.(name|maxPoints|weight))?)$/.test(field);

interface RoundFormProps {
  contest: ContestResponse;
  topics: readonly TopicResponse[];
  availability: readonly AvailabilityItem[] | undefined;
  onAdded: (round: RoundResponse) => void;
  onCancel: () => void;
}

/** Adds a round to a contest: a quiz round with its blueprint, or an essay round with its rubric. */
export function RoundForm({ contest, topics, availability, onAdded, onCancel }: RoundFormProps) {
  const { t } = useTranslation();
  const add = useAddRound(contest.id);
  const formRef = useRef<HTMLFormElement>(null);
  const quiz = contest.kind === 'quiz';

  const [initialWindow] = useState(defaultWindow);
  const [title, setTitle] = useState(() => t('builder.round.defaultTitle', { n: contest.rounds.length + 1 }));
  const [opensAt, setOpensAt] = useState(initialWindow.opensAt);
  const [closesAt, setClosesAt] = useState(initialWindow.closesAt);
  // quiz
  const [minutes, setMinutes] = useState('15');
  const [maxAttempts, setMaxAttempts] = useState('3');
  const [rows, setRows] = useState<BlueprintRow[]>(() => [newBlueprintRow()]);
  const [shuffleQuestions, setShuffleQuestions] = useState(true);
  const [shuffleOptions, setShuffleOptions] = useState(true);
  const [gradingMode, setGradingMode] = useState<GradingMode>('all_or_nothing');
  const [predictionQuestion, setPredictionQuestion] = useState('');
  const [predictionActual, setPredictionActual] = useState<PredictionActualKind>('participants');
  const [reviewAfter, setReviewAfter] = useState<ReviewAfter>('close');
  const [freezeMinutes, setFreezeMinutes] = useState('30');
  // essay
  const [rubric, setRubric] = useState<RubricRow[]>(() => [newRubricRow(t('builder.rubric.defaultContent'), '60'), newRubricRow(t('builder.rubric.defaultForm'), '40')]);
  const [judgesPerEntry, setJudgesPerEntry] = useState('2');
  const [minWords, setMinWords] = useState('');
  const [maxWords, setMaxWords] = useState('');

  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitCount, setSubmitCount] = useState(0);
  useEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, clientErrors, add.error]);

  const server = partitionFieldErrors(add.error, knownField);
  const errorFor = (field: string): string | undefined => clientErrors[field] ?? server.fieldErrors[field];
  const shortfall = shortfallOf(add.error);

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
      if (limit === null || limit < 1 || limit > 1440) errors.timeLimitSeconds = t('builder.round.minutesRange');
      const attempts = parseWhole(maxAttempts);
      if (attempts === null || attempts < 1 || attempts > 100) errors.maxAttempts = t('builder.round.attemptsRange');
      const freeze = parseWhole(freezeMinutes);
      if (freeze === null || freeze < 0 || freeze > 10_080) errors.freezeMinutes = t('builder.round.freezeRange');
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
      if (!row.name.trim()) errors[`rubric.${String(index)}.name`] = required;
      if (max === null || max <= 0 || max > 1000 || !isQuarter(max)) errors[`rubric.${String(index)}.maxPoints`] = t('builder.rubric.maxPointsRule');
      if (weight === null || (weight !== undefined && (weight <= 0 || weight > 100))) errors[`rubric.${String(index)}.weight`] = t('builder.rubric.weightRule');
      return { name: row.name.trim(), maxPoints: max ?? 0, ...(weight != null ? { weight } : {}) };
    });
    const judges = parseWhole(judgesPerEntry);
    if (judges === null || judges < 1 || judges > 20) errors.judgesPerEntry = t('builder.round.judgesRange');
    const min = minWords.trim() ? parseWhole(minWords) : undefined;
    const max = maxWords.trim() ? parseWhole(maxWords) : undefined;
    if (min === null) errors.minWords = t('builder.round.wholeNumber');
    if (max === null || max === 0) errors.maxWords = t('builder.round.wholeNumber');
    if (min != null && max != null && max < min) errors.maxWords = t('builder.round.maxBelowMin');
    if (Object.keys(errors).length > 0 || !opens || !closes || judges === null) return null;
    const essay: CreateEssayRoundRequest = {
      title: title.trim(),
      opensAt: opens,
      closesAt: closes,
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
    const request = build(errors);
    setClientErrors(errors);
    setSubmitCount((count) => count + 1);
    if (!request) {
      add.reset();
      return;
    }
    add.mutate(request, { onSuccess: onAdded });
  };

  return (
    <form ref={formRef} className="card form round-form" onSubmit={submit} noValidate aria-labelledby="round-form-title">
      <h2 id="round-form-title">{quiz ? t('builder.round.newQuiz') : t('builder.round.newEssay')}</h2>
      <fieldset className="form__fieldset" disabled={add.isPending}>
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
            type="datetime-local"
            value={opensAt}
            onChange={(event) => {
              setOpensAt(event.target.value);
            }}
            error={errorFor('opensAt')}
          />
          <TextField
            label={t('builder.round.closesAt')}
            type="datetime-local"
            value={closesAt}
            onChange={(event) => {
              setClosesAt(event.target.value);
            }}
            error={errorFor('closesAt')}
          />
        </div>

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

        {add.isError && <FormErrorAlert error={add.error} otherDetails={server.otherDetails} />}
        <p className="field__hint">{t('builder.round.finalHint')}</p>
        <div className="toolbar">
          <button type="submit" className="button button--primary">
            {add.isPending ? t('common.saving') : t('builder.round.add')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
