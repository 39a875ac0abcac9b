import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatDuration, formatNumber } from '../../../lib/format';
import { useAuth } from '../../auth';
import { EssayEntryPanel } from '../../essays';
import { memberState, useMyAttempts, useRound } from '../hooks/use-round';
import { ResultsDigest } from './results-digest';
import { MyCertificate } from '../../certificates';
import { RoundRules } from './round-rules';
import { StartAttemptButton } from './start-attempt-button';
import { useDocumentTitle } from '../../../lib/use-document-title';

function MyAttempts({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const { status } = useAuth();
  const me = memberState(round, status !== 'anonymous');
  const mine = useMyAttempts(round.id, round.kind === 'quiz' && round.me !== null);
  if (!me || round.kind !== 'quiz') return null;
  const finished = (mine.data?.items ?? []).filter((attempt) => attempt.status !== 'active');

  return (
    <section className="card my-attempts" aria-labelledby="my-attempts-title">
      <h2 id="my-attempts-title">{t('rounds.me.title')}</h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('rounds.me.attemptsLeft')}</dt>
          <dd>{t('rounds.me.attemptsLeftValue', { left: me.attemptsLeft, max: round.maxAttempts ?? 0 })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('rounds.me.best')}</dt>
          <dd>
            {me.best ? (
              <Link to={`/attempts/${me.best.attemptId}/result`}>
                {t('rounds.me.bestValue', { score: formatNumber(me.best.score), time: formatDuration(me.best.durationMs) })}
              </Link>
            ) : (
              t('rounds.me.noBest')
            )}
          </dd>
        </div>
      </dl>
      {finished.length > 0 && (
        <ol className="attempt-history">
          {finished.map((attempt) => (
            <li key={attempt.id}>
              <Link to={`/attempts/${attempt.id}/result`} className="attempt-history__link">
                <span>{t('rounds.me.attemptNumber', { n: attempt.number })}</span>
                <span className="attempt-history__score">
                  {t('rounds.me.attemptScore', {
                    score: formatNumber(attempt.score ?? 0),
                    max: formatNumber(attempt.maxScore ?? 0),
                    time: formatDuration(attempt.durationMs ?? 0),
                  })}
                </span>
                {attempt.best && <span className="badge badge--quiz">{t('rounds.me.bestBadge')}</span>}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function StartArea({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const { status } = useAuth();

  if (round.kind !== 'quiz') return <EssayEntryPanel round={round} />;
  if (round.phase === 'upcoming') {
    return <p className="notice">{t('rounds.opensAt', { time: formatDateTime(round.opensAt) })}</p>;
  }
  if (round.phase === 'closed') return <p className="notice">{t('rounds.closedNotice')}</p>;
  if (status === 'anonymous') {
    return (
      <div className="round-actions">
        <Link to={`/login?next=${encodeURIComponent(`/rounds/${round.id}`)}`} className="button button--primary button--block">
          {t('rounds.loginToTake')}
        </Link>
        <p className="page__aside">
          {t('auth.login.noAccount')} <Link to="/register">{t('auth.login.registerLink')}</Link>
        </p>
      </div>
    );
  }
  const me = memberState(round, true);
  if (me?.activeAttemptId) {
    return (
      <div className="round-actions">
        <Link to={`/attempts/${me.activeAttemptId}`} className="button button--primary button--block">
          {t('rounds.resume')}
        </Link>
      </div>
    );
  }
  if (me && me.attemptsLeft <= 0) return <p className="notice">{t('rounds.noAttemptsLeft')}</p>;

  return (
    <div className="round-actions">
      <StartAttemptButton round={round} label={me && me.attemptsUsed > 0 ? t('rounds.startAgain') : t('rounds.start')} />
      <p className="field__hint">{t('rounds.startHint')}</p>
    </div>
  );
}

/** A round: its rules and window, the member's attempts, and the button that starts one. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const round = useRound(id);
  useDocumentTitle(round.data?.title);
  const isSignedIn = useAuth().status === 'authenticated';

  if (round.isPending) {
    return (
      <p role="status" className="notice">
        {t('rounds.loading')}
      </p>
    );
  }
  if (round.isError) {
    return (
      <ErrorNotice
        title={t('rounds.loadFailed')}
        message={errorMessage(round.error)}
        onRetry={() => void round.refetch()}
        retrying={round.isFetching}
      />
    );
  }
  const data = round.data;
  return (
    <section className="page round-page" aria-labelledby="round-title">
      <p className="eyebrow">{data.contestTitle}</p>
      <div className="round-page__heading">
        <h1 id="round-title">{data.title}</h1>
        <span className={`badge badge--phase-${data.phase}`}>{t(`rounds.phase.${data.phase}`)}</span>
      </div>
      <p className="page__intro">
        {t('rounds.window', { opens: formatDateTime(data.opensAt), closes: formatDateTime(data.closesAt) })}
      </p>
      <StartArea round={data} />
      <RoundRules round={data} />
      <MyAttempts round={data} />
      {data.kind === 'quiz' && data.phase === 'closed' && isSignedIn && <MyCertificate roundId={data.id} />}
      {data.kind === 'quiz' && data.phase === 'closed' && <ResultsDigest roundId={data.id} contestId={data.contestId} />}
      {data.kind === 'quiz' && (
        <div className="result-actions">
          <Link to={`/display/rounds/${data.id}`} className="button button--secondary button--block">
            {t('rounds.liveBoard')}
          </Link>
          <Link to={`/contests/${data.contestId}/board`} className="button button--secondary button--block">
            {t('board.link')}
          </Link>
        </div>
      )}
    </section>
  );
}
