import type { HistoryItem } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { Pager } from '../../../components/pager';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatDuration, formatNumber } from '../../../lib/format';
import { RequireRole } from '../../auth';
import { historyPageSize, useHistory } from '../hooks/use-history';
import { useDocumentTitle } from '../../../lib/use-document-title';

function HistoryCard({ item }: { item: HistoryItem }) {
  const { t } = useTranslation();
  const active = item.status === 'active';
  return (
    <article className="card history-item" aria-labelledby={`history-${item.attemptId}`}>
      <p className="eyebrow">{item.contestTitle}</p>
      <div className="round-page__heading">
        <h2 id={`history-${item.attemptId}`} className="history-item__title">
          <Link to={`/rounds/${item.roundId}`}>{item.roundTitle}</Link>
        </h2>
        <span className={`badge badge--attempt-${item.status}`}>{t(`history.status.${item.status}`)}</span>
      </div>
      {!active && (
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('history.score')}</dt>
            <dd>{item.score !== null ? t('result.scoreValue', { score: formatNumber(item.score), max: formatNumber(item.maxScore ?? 0) }) : '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('history.duration')}</dt>
            <dd className="tabular">{item.durationMs !== null ? formatDuration(item.durationMs) : '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('history.submittedAt')}</dt>
            <dd>{item.submittedAt ? formatDateTime(item.submittedAt) : '—'}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('history.rank')}</dt>
            <dd>{item.rank !== null ? formatNumber(item.rank) : t('history.notRanked')}</dd>
          </div>
        </dl>
      )}
      <div className="toolbar">
        {active ? (
          <Link to={`/attempts/${item.attemptId}`} className="button button--primary">
            {t('rounds.resume')}
          </Link>
        ) : (
          <Link to={`/attempts/${item.attemptId}/result`} className="button button--secondary" aria-label={t('history.resultLabel', { round: item.roundTitle, contest: item.contestTitle })}>
            {t('history.result')}
          </Link>
        )}
      </div>
    </article>
  );
}

function History() {
  const { t } = useTranslation();
  useDocumentTitle(t('history.title'));
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const history = useHistory(page);
  const goTo = (next: number) => {
    setParams(next > 1 ? { page: String(next) } : {});
  };

  let body;
  if (history.isPending) {
    body = (
      <p role="status" className="notice">
        {t('history.loading')}
      </p>
    );
  } else if (history.isError) {
    body = <ErrorNotice title={t('history.loadFailed')} message={errorMessage(history.error)} onRetry={() => void history.refetch()} retrying={history.isFetching} />;
  } else if (history.data.items.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{page > 1 ? t('history.pageEmpty') : t('history.empty')}</p>
        <p>
          <Link to="/">{t('history.emptyLink')}</Link>
        </p>
      </div>
    );
  } else {
    const { items, total } = history.data;
    const offset = (page - 1) * historyPageSize;
    body = (
      <>
        <ul className="question-list" aria-busy={history.isFetching}>
          {items.map((item) => (
            <li key={item.attemptId}>
              <HistoryCard item={item} />
            </li>
          ))}
        </ul>
        <Pager
          label={t('history.pages')}
          status={t('history.range', { first: offset + 1, last: offset + items.length, total })}
          canPrevious={page > 1}
          canNext={offset + items.length < total}
          onPrevious={() => {
            goTo(page - 1);
          }}
          onNext={() => {
            goTo(page + 1);
          }}
        />
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="history-title">
      <h1 id="history-title">{t('history.title')}</h1>
      <p className="page__intro">{t('history.intro')}</p>
      {body}
    </section>
  );
}

/** `/history`: the signed-in member's attempts across contests, each with its round and result. */
export function HistoryPage() {
  return (
    <RequireRole>
      <History />
    </RequireRole>
  );
}
