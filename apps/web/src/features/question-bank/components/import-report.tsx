import type { ImportResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { ImportIssueList } from '../../../components/import-issue-list';
import { isApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';

/** The report a refused import (400 `IMPORT.INVALID`) carries in its error body, if it is one. */
export function reportOfError(error: unknown): ImportResponse | null {
  if (!isApiError(error) || error.code !== 'IMPORT.INVALID' || !error.body) return null;
  const { errors, skipped, duplicates, created, dryRun } = error.body as Partial<ImportResponse>;
  if (!Array.isArray(errors)) return null;
  return { dryRun: dryRun ?? false, created: created ?? 0, errors, skipped: skipped ?? [], duplicates: duplicates ?? [] };
}

/** What an import did or would do: the count, then every problem with its line, in file order. */
export function ImportReport({ report }: { report: ImportResponse }) {
  const { t } = useTranslation();
  const failed = report.errors.length > 0;
  let summary: string;
  if (failed) summary = t('bank.import.summaryErrors', { n: report.errors.length });
  else if (report.dryRun) summary = report.created > 0 ? t('bank.import.summaryReady', { n: report.created }) : t('bank.import.summaryNothing');
  else summary = t('bank.import.summaryDone', { n: report.created });

  return (
    <section className={`card import-report ${failed ? 'import-report--failed' : ''}`} aria-labelledby="import-report-title">
      <h2 id="import-report-title">{report.dryRun ? t('bank.import.reportDryRun') : t('bank.import.reportDone')}</h2>
      <p className="import-report__summary">{summary}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{report.dryRun ? t('bank.import.wouldCreate') : t('bank.import.created')}</dt>
          <dd>{formatNumber(report.created)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('bank.import.errors')}</dt>
          <dd>{formatNumber(report.errors.length)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('bank.import.skipped')}</dt>
          <dd>{formatNumber(report.skipped.length)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('bank.import.duplicates')}</dt>
          <dd>{formatNumber(report.duplicates.length)}</dd>
        </div>
      </dl>
      <ImportIssueList title={t('bank.import.errorsTitle')} issues={report.errors} tone="error" />
      <ImportIssueList title={t('bank.import.skippedTitle')} issues={report.skipped} tone="info" />
      <ImportIssueList title={t('bank.import.duplicatesTitle')} issues={report.duplicates} tone="info" />
      {report.duplicates.length > 0 && <p className="field__hint">{t('bank.import.duplicatesHint')}</p>}
    </section>
  );
}
