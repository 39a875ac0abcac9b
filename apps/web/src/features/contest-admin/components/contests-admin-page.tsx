import { ContestStatuses, type ContestStatus } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { useAdminContests, useCreateContest } from '../hooks/use-contest-admin';
import { ContestForm } from './contest-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

const pageSize = 20;

/** `/admin/contests`: every contest (drafts too) and a form for a new one. */
export function ContestsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('builder.list.title'));
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = (ContestStatuses as readonly string[]).includes(statusParam ?? '') ? (statusParam as ContestStatus) : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const contests = useAdminContests({ limit: pageSize, offset: (page - 1) * pageSize, ...(status ? { status } : {}) });
  const create = useCreateContest();
  const total = contests.data?.total ?? 0;

  let body;
  if (contests.isPending) {
    body = (
      <p role="status" className="notice">
        {t('contests.loading')}
      </p>
    );
  } else if (contests.isError) {
    body = <ErrorNotice title={t('contests.loadFailed')} message={errorMessage(contests.error)} onRetry={() => void contests.refetch()} retrying={contests.isFetching} />;
  } else if (contests.data.items.length === 0) {
    body = <p className="notice empty-state">{t('builder.list.empty')}</p>;
  } else {
    body = (
      <>
        <ul className="contest-list">
          {contests.data.items.map((contest) => (
            <li key={contest.id}>
              <article className="card admin-contest" data-managed={contest.canManage}>
                <div className="contest-card__badges">
                  <span className={`badge badge--${contest.kind}`}>{t(`contests.kind.${contest.kind}`)}</span>
                  <span className={`badge badge--status-${contest.status}`}>{t(`builder.status.${contest.status}`)}</span>
                  {!contest.canManage && <span className="badge badge--muted">{t('builder.list.notManaged')}</span>}
                </div>
                <h2 className="contest-card__title">
                  <Link to={`/admin/contests/${contest.id}`}>{contest.title}</Link>
                </h2>
                <p className="field__hint">
                  {t('builder.list.rounds', { n: contest.rounds.length })} · {t('builder.list.created', { time: formatDateTime(contest.createdAt) })}
                </p>
              </article>
            </li>
          ))}
        </ul>
        {total > pageSize && (
          <nav className="pager" aria-label={t('bank.list.pages')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={page <= 1}
              onClick={() => {
                setParams((current) => {
                  const next = new URLSearchParams(current);
                  next.set('page', String(page - 1));
                  return next;
                });
              }}
            >
              {t('common.previousPage')}
            </button>
            <p className="pager__status">{t('builder.list.page', { page, pages: Math.ceil(total / pageSize) })}</p>
            <button
              type="button"
              className="button button--secondary"
              disabled={page * pageSize >= total}
              onClick={() => {
                setParams((current) => {
                  const next = new URLSearchParams(current);
                  next.set('page', String(page + 1));
                  return next;
                });
              }}
            >
              {t('common.nextPage')}
            </button>
          </nav>
        )}
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="admin-contests-title">
      <h1 id="admin-contests-title">{t('builder.list.title')}</h1>
      <p className="page__intro">{t('builder.list.intro')}</p>

      <details className="card tool-panel" open={total === 0 && !contests.isPending ? true : undefined}>
        <summary className="tool-panel__summary">{t('builder.contest.new')}</summary>
        <ContestForm
          pending={create.isPending}
          error={create.error}
          submitLabel={t('builder.contest.create')}
          onSubmit={(request) => {
            create.mutate(request, { onSuccess: (contest) => void navigate(`/admin/contests/${contest.id}`) });
          }}
        />
      </details>

      <SelectField
        label={t('builder.list.status')}
        value={status ?? ''}
        onChange={(event) => {
          setParams(event.target.value ? { status: event.target.value } : {}, { replace: true });
        }}
      >
        <option value="">{t('builder.list.allStatuses')}</option>
        {ContestStatuses.map((value) => (
          <option key={value} value={value}>
            {t(`builder.status.${value}`)}
          </option>
        ))}
      </SelectField>
      {body}
    </section>
  );
}
