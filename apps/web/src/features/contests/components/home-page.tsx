import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { useContests } from '../hooks/use-contests';
import { ContestCard } from './contest-card';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Home: the contests a member can take part in. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('contests.title'));
  const errorMessage = useErrorMessage();
  const contests = useContests();

  let body;
  if (contests.isPending) {
    body = (
      <p role="status" className="notice">
        {t('contests.loading')}
      </p>
    );
  } else if (contests.isError && !contests.isFetchNextPageError) {
    body = (
      <ErrorNotice
        title={t('contests.loadFailed')}
        message={errorMessage(contests.error)}
        onRetry={() => void contests.refetch()}
        retrying={contests.isFetching}
      />
    );
  } else if (contests.items.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{t('contests.empty')}</p>
        <p>{t('contests.emptyHint')}</p>
      </div>
    );
  } else {
    body = (
      <>
        <ul className="contest-list">
          {contests.items.map((contest) => (
            <li key={contest.id}>
              <ContestCard contest={contest} />
            </li>
          ))}
        </ul>
        <div className="list-footer">
          <p className="list-footer__count">{t('contests.shown', { shown: contests.items.length, total: contests.total })}</p>
          {contests.isFetchNextPageError && (
            <ErrorNotice message={errorMessage(contests.error)} />
          )}
          {contests.hasNextPage && (
            <button
              type="button"
              className="button button--secondary button--block"
              onClick={() => void contests.fetchNextPage()}
              disabled={contests.isFetchingNextPage}
            >
              {contests.isFetchingNextPage ? t('contests.loadingMore') : t('contests.loadMore')}
            </button>
          )}
        </div>
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="contests-title">
      <h1 id="contests-title">{t('contests.title')}</h1>
      <p className="page__intro">{t('contests.intro')}</p>
      {body}
    </section>
  );
}
