import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { Pager } from '../../../components/pager';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { roundOpsApi } from '../api/round-ops-api';
import { useAssignJudges, useEntries, useEssayResults, useJudgeCandidates, useJudgingStatus, useLockJudging, usePublishEssayResults } from '../hooks/use-round-ops';

/** Choose the judges from the accounts with the judge role. */
function AssignJudges({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const candidates = useJudgeCandidates('');
  const assign = useAssignJudges(roundId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = chosen.length === 0 ? t('ops.essay.noJudges') : null;
    setProblem(message);
    if (!message) assign.mutate([...new Set(chosen)]);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="ops-panel__subtitle">
        {t('ops.essay.assignTitle')}
      </h3>
      <fieldset className="field choice-group">
        <legend className="field__label">{t('ops.essay.judges')}</legend>
        {candidates.isPending && <p role="status">{t('ops.loading')}</p>}
        {candidates.isError && <ErrorNotice message={errorMessage(candidates.error)} onRetry={() => void candidates.refetch()} />}
        {candidates.data?.length === 0 && <p className="field__hint">{t('ops.essay.noJudgeAccounts')}</p>}
        {candidates.data?.map((judge) => (
          <label key={judge.id} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(judge.id)}
              onChange={(event) => {
                setChosen((current) => (event.target.checked ? [...current, judge.id] : current.filter((value) => value !== judge.id)));
              }}
            />
            <span>
              {judge.fullName} <span className="field__hint">({judge.email})</span>
            </span>
          </label>
        ))}
      </fieldset>
      {problem && <p className="field__error">{problem}</p>}
      {assign.isError && <ErrorNotice message={errorMessage(assign.error)} />}
      {assign.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('ops.essay.assigned', { n: assign.data.assignments.length })}
        </p>
      )}
      <button type="submit" className="button button--secondary button--block" disabled={assign.isPending}>
        {t('ops.essay.assign')}
      </button>
    </form>
  );
}

/** An essay round: entries, judging progress, assignment, lock, results, export and publishing. */
export function EssayOps({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [offset, setOffset] = useState(0);
  const entries = useEntries(round.id, offset);
  const judging = useJudgingStatus(round.id);
  const lock = useLockJudging(round.id);
  const publish = usePublishEssayResults(round.id);
  const status = judging.data;
  const results = useEssayResults(round.id, Boolean(status?.assignedAt));
  const [confirm, setConfirm] = useState<'lock' | 'publish' | null>(null);
  const totalAssignments = status ? status.assignments.pending + status.assignments.scored : 0;

  return (
    <>
      <section className="card ops-panel" aria-labelledby={`${id}-judging`}>
        <h2 id={`${id}-judging`}>{t('ops.essay.judgingTitle')}</h2>
        {judging.isError && <ErrorNotice message={errorMessage(judging.error)} onRetry={() => void judging.refetch()} />}
        {status && (
          <>
            <dl className="stat-grid">
              <div className="stat">
                <dt>{t('ops.essay.entries')}</dt>
                <dd>{formatNumber(status.entries)}</dd>
              </div>
              <div className="stat">
                <dt>{t('ops.essay.scored')}</dt>
                <dd>{t('ops.essay.scoredValue', { scored: status.assignments.scored, total: totalAssignments })}</dd>
              </div>
              <div className="stat">
                <dt>{t('ops.essay.conflicts')}</dt>
                <dd>{formatNumber(status.assignments.conflict)}</dd>
              </div>
            </dl>
            {totalAssignments > 0 && <progress className="progress" max={totalAssignments} value={status.assignments.scored} aria-label={t('ops.essay.scored')} />}
            <p className="field__hint">
              {status.lockedAt
                ? t('ops.essay.lockedAt', { time: formatDateTime(status.lockedAt) })
                : status.assignedAt
                  ? t('ops.essay.assignedAt', { time: formatDateTime(status.assignedAt) })
                  : t('ops.essay.notAssigned')}
            </p>
            {!status.assignedAt && <AssignJudges roundId={round.id} />}
            {lock.isError && <ErrorNotice message={errorMessage(lock.error)} />}
            {status.assignedAt && !status.lockedAt && (
              <button
                type="button"
                className="button button--secondary button--block"
                onClick={() => {
                  setConfirm('lock');
                }}
              >
                {t('ops.essay.lock')}
              </button>
            )}
          </>
        )}
      </section>

      {status?.assignedAt && (
        <section className="card ops-panel" aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('ops.essay.resultsTitle')}</h2>
          {results.isError && <ErrorNotice message={errorMessage(results.error)} />}
          {results.data && results.data.entries.length > 0 && (
            <ol className="result-cards">
              {results.data.entries.map((entry) => (
                <li key={entry.entryId} className="result-card" data-flagged={entry.flagged ? true : undefined}>
                  <span className="result-card__rank">{entry.rank}</span>
                  <span className="result-card__main">
                    <span className="result-card__title">
                      {entry.code} · {entry.title}
                    </span>
                    <span className="field__hint">
                      {entry.authorName}
                      {entry.unitName ? ` · ${entry.unitName}` : ''}
                    </span>
                  </span>
                  <span className="result-card__score">
                    {entry.mean === null ? t('ops.essay.notScored') : formatNumber(results.data.normalize && entry.normalized !== null ? entry.normalized : entry.mean)}
                  </span>
                  {entry.flagged && <span className="badge badge--wrong">{t('ops.essay.flagged')}</span>}
                </li>
              ))}
            </ol>
          )}
          {publish.isError && <ErrorNotice message={errorMessage(publish.error)} />}
          <div className="toolbar">
            <DownloadButton label={t('ops.essay.export')} download={() => roundOpsApi.exportResults(round.id)} />
            {status.lockedAt && !status.publishedAt && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setConfirm('publish');
                }}
              >
                {t('ops.essay.publish')}
              </button>
            )}
          </div>
          {status.publishedAt && <p className="notice notice--success">{t('ops.essay.publishedAt', { time: formatDateTime(status.publishedAt) })}</p>}
        </section>
      )}

      <section className="card ops-panel" aria-labelledby={`${id}-entries`}>
        <h2 id={`${id}-entries`}>{t('ops.essay.entriesTitle', { n: entries.data?.total ?? 0 })}</h2>
        {entries.isError && <ErrorNotice message={errorMessage(entries.error)} />}
        {entries.data?.items.length === 0 && <p className="notice">{t('ops.essay.noEntries')}</p>}
        <ul className="plain-list entry-list">
          {entries.data?.items.map((entry) => (
            <li key={entry.id} className="entry-list__item">
              <span className="entry-list__code">{entry.code}</span> {entry.title}
              <span className="field__hint">
                {' '}
                · {entry.authorName}
                {entry.unitName ? ` (${entry.unitName})` : ''} · {t('essays.wordCount', { n: entry.wordCount })}
              </span>
            </li>
          ))}
        </ul>
        {entries.data && entries.data.total > 50 && (
          <Pager
            label={t('bank.list.pages')}
            canPrevious={offset > 0}
            canNext={offset + 50 < entries.data.total}
            onPrevious={() => setOffset(Math.max(0, offset - 50))}
            onNext={() => setOffset(offset + 50)}
          />
        )}
      </section>

      {confirm && (
        <ConfirmDialog
          title={confirm === 'lock' ? t('ops.essay.lockConfirmTitle') : t('ops.essay.publishConfirmTitle')}
          confirmLabel={confirm === 'lock' ? t('ops.essay.lock') : t('ops.essay.publish')}
          cancelLabel={t('common.cancel')}
          busy={lock.isPending || publish.isPending}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            const settled = {
              onSettled: () => {
                setConfirm(null);
              },
            };
            if (confirm === 'lock') lock.mutate(undefined, settled);
            else publish.mutate(undefined, settled);
          }}
        >
          <p>{confirm === 'lock' ? t('ops.essay.lockConfirmText') : t('ops.essay.publishConfirmText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
