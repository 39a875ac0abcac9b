import type { UnitImportResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { ImportIssueList } from '../../../components/import-issue-list';
import { isApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';

/** The report a refused import (400 `UNIT_IMPORT.INVALID`) carries in its error body, if it is one. */
export function unitReportOfError(error: unknown): UnitImportResponse | null {
  if (!isApiError(error) || error.code !== 'UNIT_IMPORT.INVALID' || !error.body) return null;
  const { errors, created, updated, dryRun } = error.body as Partial<UnitImportResponse>;
  if (!Array.isArray(errors)) return null;
  return { dryRun: dryRun ?? false, created: created ?? 0, updated: updated ?? 0, errors };
}

/** What a unit import did or would do: the counts, then every problem with its line, in file order. */
export function UnitImportReport({ report }: { report: UnitImportResponse }) {
  const { t } = useTranslation();
  const failed = report.errors.length > 0;
  const counts = { created: formatNumber(report.created), updated: formatNumber(report.updated) };
  let summary: string;
  if (failed) summary = t('unitImport.summaryErrors', { n: report.errors.length });
  else if (report.dryRun) summary = report.created + report.updated > 0 ? t('unitImport.summaryReady', counts) : t('unitImport.summaryNothing');
  else summary = t('unitImport.summaryDone', counts);

  return (
    <section className={`card import-report ${failed ? 'import-report--failed' : ''}`} aria-labelledby="unit-import-report-title">
      <h2 id="unit-import-report-title">{report.dryRun ? t('bank.import.reportDryRun') : t('bank.import.reportDone')}</h2>
      <p className="import-report__summary">{summary}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{report.dryRun ? t('unitImport.wouldCreate') : t('unitImport.created')}</dt>
          <dd>{counts.created}</dd>
        </div>
        <div className="facts__item">
          <dt>{report.dryRun ? t('unitImport.wouldUpdate') : t('unitImport.updated')}</dt>
          <dd>{counts.updated}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('bank.import.errors')}</dt>
          <dd>{formatNumber(report.errors.length)}</dd>
        </div>
      </dl>
      <ImportIssueList title={t('bank.import.errorsTitle')} issues={report.errors} tone="error" />
    </section>
  );
}
