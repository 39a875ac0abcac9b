import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { formatClock, formatNumber } from '../../../lib/format';

/** How long an attempt lasts, in words when it is whole minutes. */
export function useTimeLimitText(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => (seconds % 60 === 0 ? t('rounds.minutes', { n: seconds / 60 }) : formatClock(seconds));
}

/** The rules a member reads before starting: time, questions, attempts, prediction, review. */
export function RoundRules({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const timeLimitText = useTimeLimitText();
  return (
    <section className="card round-rules" aria-labelledby="round-rules-title">
      <h2 id="round-rules-title">{t('rounds.rules.title')}</h2>
      <dl className="facts">
        {round.timeLimitSeconds !== null && (
          <div className="facts__item">
            <dt>{t('rounds.rules.timeLimit')}</dt>
            <dd>{timeLimitText(round.timeLimitSeconds)}</dd>
          </div>
        )}
        {round.questionCount !== null && (
          <div className="facts__item">
            <dt>{t('rounds.rules.questions')}</dt>
            <dd>{round.questionCount}</dd>
          </div>
        )}
        {(round.minWords !== null || round.maxWords !== null) && (
          <div className="facts__item">
            <dt>{t('essays.words')}</dt>
            <dd>{t('essays.limits', { min: formatNumber(round.minWords ?? 0), max: round.maxWords === null ? '∞' : formatNumber(round.maxWords) })}</dd>
          </div>
        )}
        {round.maxAttempts !== null && (
          <div className="facts__item">
            <dt>{t('rounds.rules.attempts')}</dt>
            <dd>{round.maxAttempts}</dd>
          </div>
        )}
      </dl>
      {round.predictionQuestion && (
        <div className="round-rules__prediction">
          <p className="round-rules__label">{t('rounds.rules.prediction')}</p>
          <p>{round.predictionQuestion}</p>
          <p className="field__hint">{t('rounds.rules.predictionHint')}</p>
        </div>
      )}
      {round.rubric && (
        <div className="round-rules__prediction">
          <p className="round-rules__label">{t('rounds.rules.rubric')}</p>
          <ul className="plain-list">
            {round.rubric.map((criterion) => (
              <li key={criterion.name}>{t('rounds.rules.criterion', { name: criterion.name, max: formatNumber(criterion.maxPoints) })}</li>
            ))}
          </ul>
        </div>
      )}
      {round.kind === 'quiz' ? (
        <p className="field__hint">{t(`rounds.rules.review.${round.reviewAfter}`)}</p>
      ) : (
        <p className="field__hint">{t('rounds.rules.blind')}</p>
      )}
    </section>
  );
}
