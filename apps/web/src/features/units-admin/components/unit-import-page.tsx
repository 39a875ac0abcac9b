import type { UnitImportResponse } from '@hoi-thi/contracts';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { splitFieldErrors } from '../../../lib/form-errors';
import { formatNumber } from '../../../lib/format';
import { saveFile } from '../../../lib/download';
import { useImportUnits } from '../hooks/use-units-admin';
import { UnitImportReport, unitReportOfError } from './unit-import-report';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** The columns the server reads, by header (API.md "Units"). */
export const unitImportHeaders = ['Tên đơn vị', 'Đơn vị cấp trên', 'Số đoàn viên'] as const;

/** An empty CSV with the three headers: UTF-8 with a BOM, so that Excel shows the Vietnamese right. */
export function unitImportTemplate(): Blob {
  return new Blob([`\uFEFF${unitImportHeaders.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

const accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * `/admin/units/import`: the unit tree from a spreadsheet. Always a dry run first with its report
 * line by line, then "import for real"; choosing another file asks for a new dry run.
 */
export function UnitImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('unitImport.title'));
  const id = useId();
  const errorMessage = useErrorMessage();
  const check = useImportUnits();
  const commit = useImportUnits();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  const changed = () => {
    check.reset();
    commit.reset();
  };

  const runCheck = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    commit.reset();
    check.mutate({ file, dryRun: true });
  };

  const checked: UnitImportResponse | null = check.data ?? unitReportOfError(check.error);
  const done = commit.data ?? null;
  const refused = unitReportOfError(commit.error);
  const changes = checked ? checked.created + checked.updated : 0;
  const ready = checked !== null && checked.errors.length === 0 && changes > 0 && !done;
  const server = splitFieldErrors(check.error ?? commit.error, ['file'] as const);
  const otherError = (check.isError && !unitReportOfError(check.error) ? check.error : null) ?? (commit.isError && !refused ? commit.error : null);
  const fileError = missing ? t('bank.import.fileRequired') : server.fieldErrors.file;

  return (
    <section className="page" aria-labelledby="unit-import-title">
      <p>
        <Link to="/admin/units" className="back-link">
          {t('unitImport.back')}
        </Link>
      </p>
      <h1 id="unit-import-title">{t('unitImport.title')}</h1>
      <p className="page__intro">{t('unitImport.intro')}</p>

      <form className="card form" onSubmit={runCheck} noValidate aria-label={t('unitImport.formLabel')}>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('unitImport.file')}
          </label>
          <p id={`${id}-file-hint`} className="field__hint">
            {t('unitImport.fileHint', { columns: unitImportHeaders.join(', ') })}
          </p>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            className="field__input field__input--file"
            accept={accept}
            aria-describedby={`${id}-file-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissing(false);
              changed();
            }}
          />
          {fileError && <p className="field__error">{fileError}</p>}
        </div>
        <ul className="plain-list field__hint">
          <li>{t('unitImport.rules.parent')}</li>
          <li>{t('unitImport.rules.update')}</li>
          <li>{t('unitImport.rules.allOrNothing')}</li>
        </ul>

        {otherError !== null && <ErrorNotice message={errorMessage(otherError)} />}

        <div className="toolbar">
          <button type="submit" className="button button--primary" disabled={check.isPending || commit.isPending}>
            {check.isPending ? t('bank.import.checking') : t('bank.import.check')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              saveFile({ blob: unitImportTemplate(), fileName: 'mau-nhap-don-vi.csv' });
            }}
          >
            {t('unitImport.template')}
          </button>
        </div>
      </form>

      <div aria-live="polite" className="import-results">
        {done ? (
          <>
            <UnitImportReport report={done} />
            <div className="toolbar">
              <Link to="/admin/units" className="button button--primary">
                {t('unitImport.viewTree')}
              </Link>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setFile(null);
                  if (fileRef.current) fileRef.current.value = '';
                  changed();
                }}
              >
                {t('bank.import.another')}
              </button>
            </div>
          </>
        ) : refused ? (
          <UnitImportReport report={refused} />
        ) : checked ? (
          <>
            <UnitImportReport report={checked} />
            {ready ? (
              <div className="import-confirm">
                <button
                  type="button"
                  className="button button--primary button--block"
                  disabled={commit.isPending}
                  onClick={() => {
                    if (file) commit.mutate({ file, dryRun: false });
                  }}
                >
                  {commit.isPending ? t('bank.import.importing') : t('unitImport.commit', { n: formatNumber(changes) })}
                </button>
              </div>
            ) : (
              <p className="field__hint">{checked.errors.length > 0 ? t('bank.import.fixAndRetry') : t('unitImport.nothingToImport')}</p>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
