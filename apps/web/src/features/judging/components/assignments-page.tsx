import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber } from '../../../lib/format';
import { useAssignments } from '../hooks/use-judging';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** `/judging`: the entries assigned to this judge, by code, with the progress so far. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('judging.title'));
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const assignments = useAssignments();
  const notice = (location.state as { notice?: string } | null)?.notice;

  let body;
  if (assignments.isPending) {
    body = (
      <p role="status" className="notice">
        {t('judging.loading')}
      </p>
    );
  } else if (assignments.isError) {
    body = <ErrorNotice title={t('judging.loadFailed')} message={errorMessage(assignments.error)} onRetry={() => void assignments.refetch()} retrying={assignments.isFetching} />;
  } else if (assignments.data.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{t('judging.empty')}</p>
        <p>{t('judging.emptyHint')}</p>
      </div>
    );
  } else {
    const items = assignments.data;
    const scored = items.filter((item) => item.status === 'scored').length;
    // The ones still to do first; the server's order within each group.
    const ordered = [...items.filter((item) => item.status === 'pending'), ...items.filter((item) => item.status === 'scored')];
    body = (
      <>
        <section className="card judging-progress" aria-labelledby="judging-progress-title">
          <h2 id="judging-progress-title">{t('judging.progress')}</h2>
          <p className="judging-progress__value">{t('judging.progressValue', { scored, total: items.length })}</p>
          <progress className="progress" max={items.length} value={scored} aria-labelledby="judging-progress-title" />
        </section>
        <ul className="assignment-list">
          {ordered.map((item) => (
            <li key={item.id}>
              <Link to={`/judging/${item.id}`} className="card assignment-link">
                <span className="assignment-link__code">{item.entryCode}</span>
                <span className="assignment-link__title">{item.title}</span>
                <span className="assignment-link__meta">
                  <span className={`badge ${item.status === 'scored' ? 'badge--correct' : 'badge--phase-upcoming'}`}>{t(`judging.status.${item.status}`)}</span>
                  {item.total !== undefined && <span>{t('judging.listTotal', { total: formatNumber(item.total) })}</span>}
                  <span>{t('essays.wordCount', { n: item.wordCount })}</span>
                  {item.locked && <span className="badge badge--muted">{t('judging.locked')}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="judging-title">
      <h1 id="judging-title">{t('judging.title')}</h1>
      <p className="page__intro">{t('judging.intro')}</p>
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      {body}
    </section>
  );
}
