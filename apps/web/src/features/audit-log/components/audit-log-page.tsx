import { type AuditAction, AuditActions, type AuditEntryResponse } from '@hoi-thi/contracts';
import { Pager } from '../../../components/pager';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { RequireRole } from '../../auth';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { useAuditLog } from '../hooks/use-audit-log';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSearchParamsUpdate } from '../../../lib/use-search-params-update';

export const auditPageSize = 20;

/** The details worth a glance, as `key: value` pairs (the full object stays in the API). */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

function EntryRow({ entry }: { entry: AuditEntryResponse }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" className="audit-table__action">
        {t(`audit.action.${entry.action}`)}
      </th>
      <td data-label={t('audit.at')}>{formatDateTime(entry.at)}</td>
      <td data-label={t('audit.actor')}>{entry.actorName ?? (entry.actorId ? t('audit.unknownActor') : t('audit.system'))}</td>
      <td data-label={t('audit.target')}>
        {t(`audit.targetType.${entry.targetType}`)}
        {entry.targetId && <span className="audit-table__id"> {entry.targetId}</span>}
      </td>
      <td data-label={t('audit.details')}>{detailsText(entry.details) || '—'}</td>
    </tr>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const errorMessage = useErrorMessage();
  const [params, updateParams] = useSearchParamsUpdate();
  const actionParam = params.get('action');
  const action = (AuditActions as readonly string[]).includes(actionParam ?? '') ? (actionParam as AuditAction) : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const offset = (page - 1) * auditPageSize;
  const log = useAuditLog({ limit: auditPageSize, offset, ...(action ? { action } : {}) });

  const goTo = (next: number) => {
    updateParams((updated) => {
      if (next > 1) updated.set('page', String(next));
      else updated.delete('page');
    });
  };

  let body;
  if (log.isPending) {
    body = (
      <p role="status" className="notice">
        {t('audit.loading')}
      </p>
    );
  } else if (log.isError) {
    body = <ErrorNotice title={t('audit.loadFailed')} message={errorMessage(log.error)} onRetry={() => void log.refetch()} retrying={log.isFetching} />;
  } else if (log.data.items.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{t('audit.empty')}</p>
      </div>
    );
  } else {
    const { items, total } = log.data;
    body = (
      <>
        <div className="table-scroll">
          <table className="data-table audit-table" aria-busy={log.isFetching}>
            <thead>
              <tr>
                <th scope="col">{t('audit.actionColumn')}</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <EntryRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          label={t('audit.pages')}
          status={t('audit.range', { first: offset + 1, last: offset + items.length, total })}
          canPrevious={page > 1}
          canNext={offset + items.length < total}
          onPrevious={() => goTo(page - 1)}
          onNext={() => goTo(page + 1)}
        />
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p className="page__intro">{t('audit.intro')}</p>
      <SelectField
        label={t('audit.filter')}
        value={action ?? ''}
        onChange={(event) => {
          updateParams((next) => {
            for (const key of [...next.keys()]) next.delete(key);
            if (event.target.value) next.set('action', event.target.value);
          }, { replace: true });
        }}
      >
        <option value="">{t('audit.allActions')}</option>
        {AuditActions.map((value) => (
          <option key={value} value={value}>
            {t(`audit.action.${value}`)}
          </option>
        ))}
      </SelectField>
      {body}
    </section>
  );
}

/** `/admin/audit`: every organizer and admin action, newest first; admins only, read-only. */
export function AuditLogPage() {
  return (
    <RequireRole role="admin">
      <AuditLog />
    </RequireRole>
  );
}
