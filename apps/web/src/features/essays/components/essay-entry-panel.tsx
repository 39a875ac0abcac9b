import { checkWordLimits, countWords } from '@hoi-thi/contest-engine';
import { ATTACHMENT_MAX_BYTES, type EntryResponse, type RoundDetailResponse } from '@hoi-thi/contracts';
import { useId, useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { focusFirstInvalid, splitFieldErrors } from '../../../lib/form-errors';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useAuth } from '../../auth';
import { essaysApi } from '../api/essays-api';
import { useAttachment, useMyEntry, useSaveEntry } from '../hooks/use-my-entry';

const megabytes = (bytes: number) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10);

function AttachmentArea({ round, entry }: { round: RoundDetailResponse; entry: EntryResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const fileRef = useRef<HTMLInputElement>(null);
  const { attach, detach } = useAttachment(round.id, entry.id);
  const [tooBig, setTooBig] = useState(false);

  return (
    <section className="card essay-attachment" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('essays.attachment.title')}</h3>
      <p className="field__hint">{t('essays.attachment.hint', { mb: megabytes(ATTACHMENT_MAX_BYTES) })}</p>
      {entry.attachment ? (
        <div className="essay-attachment__current">
          <p>{t('essays.attachment.current', { name: entry.attachment.fileName, size: megabytes(entry.attachment.size) })}</p>
          <div className="toolbar">
            <DownloadButton label={t('essays.attachment.download')} download={() => essaysApi.attachment(entry.id, entry.attachment?.fileName ?? entry.code)} />
            {entry.editable && (
              <button type="button" className="button button--ghost" disabled={detach.isPending} onClick={() => detach.mutate()}>
                {t('essays.attachment.remove')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <p>{t('essays.attachment.none')}</p>
      )}
      {entry.editable && (
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {entry.attachment ? t('essays.attachment.replace') : t('essays.attachment.choose')}
          </label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            className="field__input field__input--file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              const big = file.size > ATTACHMENT_MAX_BYTES;
              setTooBig(big);
              if (!big) {
                attach.mutate(file, {
                  onSettled: () => {
                    if (fileRef.current) fileRef.current.value = '';
                  },
                });
              }
            }}
          />
          {attach.isPending && <p role="status">{t('essays.attachment.uploading')}</p>}
          {tooBig && <p className="field__error">{t('essays.attachment.tooBig', { mb: megabytes(ATTACHMENT_MAX_BYTES) })}</p>}
        </div>
      )}
      {(attach.isError || detach.isError) && <ErrorNotice message={errorMessage(attach.error ?? detach.error)} />}
    </section>
  );
}

function EntryForm({ round, entry }: { round: RoundDetailResponse; entry: EntryResponse | null }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSaveEntry(round.id, entry?.id);
  const [title, setTitle] = useState(entry?.title ?? '');
  const [body, setBody] = useState(entry?.body ?? '');
  const [problems, setProblems] = useState<{ title?: string; body?: string }>({});
  const [submitCount, setSubmitCount] = useState(0);
  // A layout effect: the focus moves in the frame the errors are drawn in.
  useLayoutEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount, problems, save.error]);

  const words = countWords(body);
  // The server's own count and limits (contest engine), so the form refuses exactly what the server would.
  const limitProblem = checkWordLimits(words, { minWords: round.minWords, maxWords: round.maxWords });
  const limit = limitProblem === null ? 'ok' : limitProblem.reason === 'too_few' ? 'tooFew' : 'tooMany';
  const server = splitFieldErrors(save.error, ['title', 'body'] as const);
  const limits =
    round.minWords !== null && round.maxWords !== null
      ? t('essays.limitsBoth', { min: formatNumber(round.minWords), max: formatNumber(round.maxWords) })
      : round.minWords !== null
        ? t('essays.limitsMin', { min: formatNumber(round.minWords) })
        : round.maxWords !== null
          ? t('essays.limitsMax', { max: formatNumber(round.maxWords) })
          : null;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: { title?: string; body?: string } = {};
    if (!title.trim()) next.title = t('auth.validation.required');
    if (!body.trim()) next.body = t('auth.validation.required');
    else if (limit === 'tooFew') next.body = t('essays.tooFew', { min: formatNumber(round.minWords ?? 0), n: formatNumber(words) });
    else if (limit === 'tooMany') next.body = t('essays.tooMany', { max: formatNumber(round.maxWords ?? 0), n: formatNumber(words) });
    setProblems(next);
    setSubmitCount((count) => count + 1);
    if (next.title || next.body) return;
    save.mutate({ title: title.trim(), body });
  };

  return (
    <form ref={formRef} className="form essay-form" onSubmit={submit} noValidate>
      <TextField
        label={t('essays.titleLabel')}
        value={title}
        maxLength={300}
        onChange={(event) => {
          setTitle(event.target.value);
        }}
        error={problems.title ?? server.fieldErrors.title}
      />
      <TextAreaField
        label={t('essays.bodyLabel')}
        hint={limits ?? undefined}
        rows={14}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
        }}
        error={problems.body ?? server.fieldErrors.body}
        status={
          <p className="word-count" data-state={limit} aria-live="polite">
            {t('essays.wordCount', { n: formatNumber(words) })}
            {limit !== 'ok' && ` — ${t(limit === 'tooFew' ? 'essays.belowMin' : 'essays.aboveMax')}`}
          </p>
        }
      />
      {save.isError && <FormErrorAlert error={save.error} otherDetails={server.otherDetails} />}
      <p className="status-slot" role="status">
        {save.isSuccess && !save.isPending && (
          <span className="notice notice--success">{t('essays.saved', { code: save.data.code, time: formatDateTime(save.data.updatedAt) })}</span>
        )}
      </p>
      <button type="submit" className="button button--primary button--block" disabled={save.isPending}>
        {save.isPending ? t('common.saving') : entry ? t('essays.update') : t('essays.submit')}
      </button>
    </form>
  );
}

/** The round's prompt (đề bài): what the entry must answer, above everything else. */
function EssayPrompt({ prompt }: { prompt: string }) {
  const { t } = useTranslation();
  return (
    <section className="card essay-prompt" aria-labelledby="essay-prompt-title">
      <h2 id="essay-prompt-title">{t('essays.prompt')}</h2>
      <p className="essay-prompt__text">{prompt}</p>
    </section>
  );
}

/** On an essay round's page: the prompt, then the member's entry — write or edit it while the round is open. */
export function EssayEntryPanel({ round }: { round: RoundDetailResponse }) {
  return (
    <>
      {round.prompt && <EssayPrompt prompt={round.prompt} />}
      <EntryPanel round={round} />
    </>
  );
}

function EntryPanel({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const { status } = useAuth();
  const errorMessage = useErrorMessage();
  const signedIn = status === 'authenticated';
  const mine = useMyEntry(round.id, signedIn);

  if (status === 'anonymous') {
    return (
      <div className="round-actions">
        {round.phase === 'upcoming' && <p className="notice">{t('rounds.opensAt', { time: formatDateTime(round.opensAt) })}</p>}
        <Link to={`/login?next=${encodeURIComponent(`/rounds/${round.id}`)}`} className="button button--primary button--block">
          {t('essays.loginToSubmit')}
        </Link>
      </div>
    );
  }
  if (round.phase === 'upcoming') return <p className="notice">{t('rounds.opensAt', { time: formatDateTime(round.opensAt) })}</p>;
  // A stored token the server could not check (offline, server down): nothing to show yet.
  if (status === 'unverified') return <ErrorNotice message={t('errors.network')} />;
  if (!signedIn || mine.isPending) {
    return (
      <p role="status" className="notice">
        {t('essays.loading')}
      </p>
    );
  }
  if (mine.isError) return <ErrorNotice title={t('essays.loadFailed')} message={errorMessage(mine.error)} onRetry={() => void mine.refetch()} retrying={mine.isFetching} />;

  const entry = mine.data;
  const editable = round.phase === 'open' && (entry ? entry.editable : true);

  return (
    <section className="card essay-entry" aria-labelledby="essay-entry-title">
      <h2 id="essay-entry-title">{entry ? t('essays.yourEntry', { code: entry.code }) : t('essays.newEntry')}</h2>
      {entry && <p className="field__hint">{t('essays.submittedAt', { time: formatDateTime(entry.submittedAt), updated: formatDateTime(entry.updatedAt) })}</p>}
      {editable ? (
        <>
          <p className="field__hint">{t('essays.editHint', { time: formatDateTime(round.closesAt) })}</p>
          <EntryForm round={round} entry={entry} />
        </>
      ) : entry ? (
        <>
          <p className="notice">{round.phase === 'closed' ? t('essays.closedWithEntry') : t('essays.readOnly')}</p>
          <h3>{entry.title}</h3>
          <div className="essay-body">{entry.body}</div>
        </>
      ) : (
        <p className="notice">{t('rounds.closedNotice')}</p>
      )}
      {entry && <AttachmentArea round={round} entry={entry} />}
    </section>
  );
}
