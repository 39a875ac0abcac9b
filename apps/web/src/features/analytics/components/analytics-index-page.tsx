import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAnalyticsContests } from '../hooks/use-analytics';
import './analytics.css';

/** `/admin/analytics`: the quiz contests the caller manages, each with its dashboard and its rounds' item analysis. */
export function AnalyticsIndexPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('analytics.index.title'));
  const errorMessage = useErrorMessage();
  const contests = useAnalyticsContests();

  let body;
  if (contests.isPending) {
    body = (
      <p role="status" className="notice">
        {t('analytics.loading')}
      </p>
    );
  } else if (contests.isError) {
    body = <ErrorNotice title={t('analytics.loadFailed')} message={errorMessage(contests.error)} onRetry={() => void contests.refetch()} retrying={contests.isFetching} />;
  } else if (contests.data.length === 0) {
    body = <p className="notice empty-state">{t('analytics.index.empty')}</p>;
  } else {
    body = (
      <ul className="contest-list">
        {contests.data.map((contest) => (
          <li key={contest.id}>
            <article className="card analytics-contest" aria-labelledby={`analytics-${contest.id}`}>
              <div className="contest-card__badges">
                <span className={`badge badge--status-${contest.status}`}>{t(`builder.status.${contest.status}`)}</span>
              </div>
              <h2 id={`analytics-${contest.id}`} className="contest-card__title">
                {contest.title}
              </h2>
              <div className="toolbar">
                <Link to={`/admin/contests/${contest.id}/participation`} className="button button--secondary">
                  {t('analytics.index.participation')}
                </Link>
              </div>
              {contest.rounds.length > 0 && (
                <>
                  <h3 className="analytics-contest__rounds">{t('analytics.index.items')}</h3>
                  <ul className="analytics-contest__round-links">
                    {contest.rounds.map((round) => (
                      <li key={round.id}>
                        <Link to={`/admin/rounds/${round.id}/items`}>{round.title}</Link>{' '}
                        <span className={`badge badge--phase-${round.phase}`}>{t(`rounds.phase.${round.phase}`)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="page" aria-labelledby="analytics-index-title">
      <h1 id="analytics-index-title">{t('analytics.index.title')}</h1>
      <p className="page__intro">{t('analytics.index.intro')}</p>
      {body}
    </section>
  );
}
