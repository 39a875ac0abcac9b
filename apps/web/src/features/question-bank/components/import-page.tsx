import { ImportFormats, type ImportFormat, type ImportResponse } from '@hoi-thi/contracts';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useSearchParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { useErrorMessage } from '../../../lib/error-message';
import { splitFieldErrors } from '../../../lib/form-errors';
import { questionBankApi } from '../api/question-bank-api';
import { useImportQuestions, useTopics } from '../hooks/use-question-bank';
import { ImportReport, reportOfError } from './import-report';
import { topicOptions } from './topic-tree';
import { useDocumentTitle } from '../../../lib/use-document-title';

const accepts: Record<ImportFormat, string> = {
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: '.csv,text/csv',
  gift: '.gift,.txt,text/plain',
  aiken: '.txt,text/plain',
};

/** The format a file's name suggests; null when it does not say (a `.txt` may be GIFT or Aiken). */
export function formatFromName(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.gift') || lower.includes('gift')) return 'gift';
  if (lower.includes('aiken')) return 'aiken';
  return null;
}

/**
 * Import questions from a file: always a dry run first, its report line by line, and only then
 * "import for real". Changing the file, format, topic or duplicates rule asks for a new dry run.
 */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('bank.import.title'));
  const id = useId();
  const errorMessage = useErrorMessage();
  const [searchParams] = useSearchParams();
  const topics = useTopics();
  const check = useImportQuestions();
  const commit = useImportQuestions();
  const fileRef = useRef<HTMLInputElement>(null);

  const [topicId, setTopicId] = useState(searchParams.get('topicId') ?? '');
  const [format, setFormat] = useState<ImportFormat>('xlsx');
  const [file, setFile] = useState<File | null>(null);
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const [missing, setMissing] = useState<{ topic?: boolean; file?: boolean }>({});

  /** Any change to what would be imported: the last dry run no longer speaks for it. */
  const changed = () => {
    check.reset();
    commit.reset();
  };

  const request = () => (file && topicId ? { file, format, topicId, allowDuplicates } : null);

  const runCheck = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = request();
    setMissing({ topic: !topicId, file: !file });
    if (!next) return;
    commit.reset();
    check.mutate({ ...next, dryRun: true });
  };

  const checked: ImportResponse | null = check.data ?? reportOfError(check.error);
  const done: ImportResponse | null = commit.data ?? null;
  const refused = reportOfError(commit.error);
  const ready = checked !== null && checked.errors.length === 0 && checked.created > 0 && !done;
  const server = splitFieldErrors(check.error ?? commit.error, ['file', 'format', 'topicId'] as const);
  const otherError = (check.isError && !reportOfError(check.error) ? check.error : null) ?? (commit.isError && !refused ? commit.error : null);

  return (
    <section className="page" aria-labelledby="import-title">
      <p>
        <Link to={`/admin/questions${topicId ? `?topicId=${topicId}` : ''}`} className="back-link">
          {t('bank.editor.back')}
        </Link>
      </p>
      <h1 id="import-title">{t('bank.import.title')}</h1>
      <p className="page__intro">{t('bank.import.intro')}</p>

      <form className="card form" onSubmit={runCheck} noValidate aria-label={t('bank.import.formLabel')}>
        <SelectField
          label={t('bank.import.topic')}
          hint={t('bank.import.topicHint')}
          value={topicId}
          onChange={(event) => {
            setTopicId(event.target.value);
            changed();
          }}
          error={missing.topic ? t('bank.editor.validation.topic') : server.fieldErrors.topicId}
        >
          <option value="">{t('bank.editor.chooseTopic')}</option>
          {topicOptions(topics.data ?? []).map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.path}
            </option>
          ))}
        </SelectField>
        {topics.isError && <ErrorNotice message={errorMessage(topics.error)} onRetry={() => void topics.refetch()} />}

        <SelectField
          label={t('bank.import.format')}
          value={format}
          onChange={(event) => {
            setFormat(event.target.value as ImportFormat);
            changed();
          }}
          error={server.fieldErrors.format}
        >
          {ImportFormats.map((value) => (
            <option key={value} value={value}>
              {t(`bank.format.${value}`)}
            </option>
          ))}
        </SelectField>

        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('bank.import.file')}
          </label>
          <p id={`${id}-file-hint`} className="field__hint">
            {t(`bank.import.fileHint.${format}`)}
          </p>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            className="field__input field__input--file"
            accept={accepts[format]}
            aria-describedby={`${id}-file-hint`}
            aria-invalid={missing.file || server.fieldErrors.file ? true : undefined}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              const guessed = chosen ? formatFromName(chosen.name) : null;
              if (guessed) setFormat(guessed);
              changed();
            }}
          />
          {(missing.file || server.fieldErrors.file) && <p className="field__error">{missing.file ? t('bank.import.fileRequired') : server.fieldErrors.file}</p>}
        </div>

        <label className="choice">
          <input
            type="checkbox"
            checked={allowDuplicates}
            onChange={(event) => {
              setAllowDuplicates(event.target.checked);
              changed();
            }}
          />
          <span>{t('bank.import.allowDuplicates')}</span>
        </label>

        {otherError !== null && <ErrorNotice message={errorMessage(otherError)} />}

        <div className="toolbar">
          <button type="submit" className="button button--primary" disabled={check.isPending || commit.isPending}>
            {check.isPending ? t('bank.import.checking') : t('bank.import.check')}
          </button>
          <DownloadButton label={t('bank.template.download')} download={() => questionBankApi.template()} />
        </div>
      </form>

      <div aria-live="polite" className="import-results">
        {done ? (
          <>
            <ImportReport report={done} />
            <div className="toolbar">
              <Link to={`/admin/questions?topicId=${topicId}`} className="button button--primary">
                {t('bank.import.viewQuestions')}
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
          <ImportReport report={refused} />
        ) : checked ? (
          <>
            <ImportReport report={checked} />
            {ready ? (
              <div className="import-confirm">
                <button
                  type="button"
                  className="button button--primary button--block"
                  disabled={commit.isPending}
                  onClick={() => {
                    const next = request();
                    if (next) commit.mutate({ ...next, dryRun: false });
                  }}
                >
                  {commit.isPending ? t('bank.import.importing') : t('bank.import.commit', { n: checked.created })}
                </button>
              </div>
            ) : (
              <p className="field__hint">{checked.errors.length > 0 ? t('bank.import.fixAndRetry') : t('bank.import.nothingToImport')}</p>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
