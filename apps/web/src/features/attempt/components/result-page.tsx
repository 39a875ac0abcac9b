import type { AttemptResponse, RoundDetailResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatDuration, formatNumber } from '../../../lib/format';
import { useAuth } from '../../auth';
import { useMyRank } from '../../leaderboard';
import { memberState, StartAttemptButton, useRound } from '../../rounds';
import { useAttempt } from '../hooks/use-attempt';
import { reviewOpen, useReview } from '../hooks/use-review';
import { ReviewList } from './review-list';
import { SharePanel } from './share-panel';
import { useDocumentTitle } from '../../../lib/use-document-title';

function RankFact({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const rank = useMyRank(roundId);
  let value: string;
  if (rank.isPending) value = t('result.rankLoading');
  else if (rank.isError) value = t('result.rankUnavailable');
  else if (rank.data.frozen) value = rank.data.rank === null ? t('result.rankFrozen') : t('result.rankFrozenValue', { rank: formatNumber(rank.data.rank), total: formatNumber(rank.data.total) });
  else if (rank.data.rank === null) value = t('result.rankPending');
  else value = t('result.rankValue', { rank: formatNumber(rank.data.rank), total: formatNumber(rank.data.total) });
  return (
    <div className="facts__item">
      <dt>{t('result.rank')}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function TryAgain({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const me = memberState(round, true);
  if (round.phase !== 'open' || !me) return null;
  if (me.activeAttemptId) {
    return (
      <Link to={`/attempts/${me.activeAttemptId}`} className="button button--primary button--block">
        {t('rounds.resume')}
      </Link>
    );
  }
  if (me.attemptsLeft <= 0) return null;
  return <StartAttemptButton round={round} label={t('result.tryAgain')} />;
}

function ReviewSection({ attempt, round }: { attempt: AttemptResponse; round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const open = reviewOpen(round, attempt.status !== 'active');
  const review = useReview(attempt.id, open);
  const notYet = !open || (review.isError && isApiError(review.error) && review.error.code === 'ATTEMPT.REVIEW_NOT_AVAILABLE');

  let body;
  if (notYet) {
    body = (
      <p className="notice">
        {round.reviewAfter === 'never'
          ? t('result.review.never')
          : round.reviewAfter === 'close'
            ? t('result.review.afterClose', { time: formatDateTime(round.closesAt) })
            : t('result.review.afterSubmit', { n: round.me?.attemptsLeft ?? 0, time: formatDateTime(round.closesAt) })}
      </p>
    );
  } else if (review.isPending) {
    body = (
      <p role="status" className="notice">
        {t('result.review.loading')}
      </p>
    );
  } else if (review.isError) {
    body = <ErrorNotice message={errorMessage(review.error)} onRetry={() => void review.refetch()} retrying={review.isFetching} />;
  } else {
    body = <ReviewList review={review.data} />;
  }
  return (
    <section className="result-review" aria-labelledby="review-title">
      <h2 id="review-title">{t('result.review.title')}</h2>
      {body}
    </section>
  );
}

/** After an attempt: score, correct answers, time, rank, what next, the key when allowed, a share link. */
export function ResultPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('result.title'));
  const { id = '' } = useParams();
  const location = useLocation();
  const { status, user } = useAuth();
  const errorMessage = useErrorMessage();
  const attempt = useAttempt(id, status !== 'anonymous');
  const roundId = attempt.data?.attempt.roundId;
  const round = useRound(roundId ?? '');

  if (status === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  // An attempt cached as active while it is being asked for again: the quiz just ended (time up,
  // submitted elsewhere) and the answer is on its way; saying "not submitted" until it comes would
  // offer to resume a finished attempt.
  if (attempt.isPending || (attempt.data?.attempt.status === 'active' && attempt.isFetching)) {
    return (
      <p role="status" className="notice">
        {t('result.loading')}
      </p>
    );
  }
  if (attempt.isError) {
    return (
      <ErrorNotice
        title={t('result.loadFailed')}
        message={errorMessage(attempt.error)}
        onRetry={() => void attempt.refetch()}
        retrying={attempt.isFetching}
      />
    );
  }
  const data = attempt.data.attempt;
  if (data.status === 'active') {
    return (
      <section className="page" aria-labelledby="result-title">
        <h1 id="result-title">{t('result.title')}</h1>
        <p className="notice">{t('result.stillActive')}</p>
        <Link to={`/attempts/${id}`} className="button button--primary button--block">
          {t('rounds.resume')}
        </Link>
      </section>
    );
  }

  const roundData = round.data;
  const score = formatNumber(data.score ?? 0);
  const maxScore = formatNumber(data.maxScore ?? 0);
  return (
    <section className="page result-page" aria-labelledby="result-title">
      {roundData && <p className="eyebrow">{`${roundData.contestTitle} · ${roundData.title}`}</p>}
      <h1 id="result-title">{t('result.title')}</h1>
      {data.status === 'expired' && <p className="notice">{t('result.expired')}</p>}

      <div className="card result-summary">
        <p className="result-score">
          <span className="result-score__label">{t('result.score')}</span>
          <span className="result-score__value">{t('result.scoreValue', { score, max: maxScore })}</span>
        </p>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('result.correct')}</dt>
            <dd>{t('result.correctValue', { correct: data.correctCount ?? 0, total: data.questions.length })}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('result.time')}</dt>
            <dd className="tabular">{formatDuration(data.durationMs ?? 0)}</dd>
          </div>
          {data.prediction !== null && (
            <div className="facts__item">
              <dt>{t('result.prediction')}</dt>
              <dd>{formatNumber(data.prediction)}</dd>
            </div>
          )}
          <RankFact roundId={data.roundId} />
          <div className="facts__item">
            <dt>{t('rounds.me.attemptsLeft')}</dt>
            <dd>{roundData?.me ? formatNumber(roundData.me.attemptsLeft) : formatNumber(data.attemptsLeft)}</dd>
          </div>
        </dl>
        {roundData?.me?.best && roundData.me.best.attemptId !== data.id && (
          <p className="field__hint">{t('result.bestCounts', { score: formatNumber(roundData.me.best.score) })}</p>
        )}
      </div>

      <div className="result-actions">
        {roundData && <TryAgain round={roundData} />}
        <Link to={`/rounds/${data.roundId}`} className="button button--secondary button--block">
          {t('result.backToRound')}
        </Link>
        <Link to={`/display/rounds/${data.roundId}`} className="button button--secondary button--block">
          {t('rounds.liveBoard')}
        </Link>
        {roundData && (
          <Link to={`/contests/${roundData.contestId}/board`} className="button button--secondary button--block">
            {t('board.link')}
          </Link>
        )}
      </div>

      {user && roundData && (
        <SharePanel
          roundId={data.roundId}
          userId={user.id}
          text={t('result.share.text', { score: formatNumber(roundData.me?.best?.score ?? data.score ?? 0), round: roundData.title })}
        />
      )}
      {roundData && <ReviewSection attempt={data} round={roundData} />}
    </section>
  );
}
