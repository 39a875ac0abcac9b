import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { judgingApi } from '../api/judging-api';
import { useAssignment, useAssignments, useDeclareConflict, useScoreAssignment } from '../hooks/use-judging';
import { RubricForm } from './rubric-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** `/judging/:id`: one entry, blind (code, title, text; never the author), and its rubric. */
export function EntryPage() {
  const { id = '' } = useParams();
  // "Next entry" stays on this route: a fresh page per entry, so no saved notice carries over.
  return <JudgeEntry key={id} id={id} />;
}

function JudgeEntry({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const assignment = useAssignment(id);
  useDocumentTitle(assignment.data?.title);
  const all = useAssignments();
  const score = useScoreAssignment(id);
  const conflict = useDeclareConflict(id);
  const [confirming, setConfirming] = useState(false);

  if (assignment.isPending) {
    return (
      <p role="status" className="notice">
        {t('judging.loadingEntry')}
      </p>
    );
  }
  if (assignment.isError) {
    return (
      <section className="page">
        <p>
          <Link to="/judging" className="back-link">
            {t('judging.back')}
          </Link>
        </p>
        <ErrorNotice title={t('judging.loadEntryFailed')} message={errorMessage(assignment.error)} onRetry={() => void assignment.refetch()} retrying={assignment.isFetching} />
      </section>
    );
  }
  const data = assignment.data;
  // The next entry still to score after this one in the list's order, wrapping round to the start.
  const list = all.data ?? [];
  const here = list.findIndex((item) => item.id === data.id);
  const nextPending = [...list.slice(here + 1), ...list.slice(0, Math.max(here, 0))].find((item) => item.status === 'pending' && item.id !== data.id);

  return (
    <section className="page judge-entry" aria-labelledby="entry-title">
      <p>
        <Link to="/judging" className="back-link">
          {t('judging.back')}
        </Link>
      </p>
      <p className="eyebrow">
        <span className="entry-code">{data.entryCode}</span> · {t('essays.wordCount', { n: data.wordCount })}
      </p>
      <h1 id="entry-title">{data.title}</h1>
      {data.locked && <p className="notice notice--warning">{t('judging.lockedNotice')}</p>}
      {data.prompt && (
        <section className="card essay-prompt" aria-labelledby="entry-prompt-title">
          <h2 id="entry-prompt-title">{t('judging.prompt')}</h2>
          <p className="essay-prompt__text">{data.prompt}</p>
        </section>
      )}

      <article className="card essay-body" aria-label={t('judging.bodyLabel', { code: data.entryCode })}>
        {data.body}
      </article>
      {data.attachment && (
        <p>
          <DownloadButton label={t('judging.attachment', { kind: data.attachment.kind.toUpperCase() })} download={() => judgingApi.attachment(data.id, data.entryCode)} />
        </p>
      )}

      <RubricForm key={data.scoredAt ?? 'new'} assignment={data} pending={score.isPending} error={score.error} onSave={(request) => score.mutate(request)} />
      {/* Under the save button: on a phone, where the judge's eyes already are. */}
      <div className="status-slot" role="status">
        {score.isSuccess && !score.isPending && (
          <div className="notice notice--success">
            <p>{t('judging.saved', { time: data.scoredAt ? formatDateTime(data.scoredAt) : '' })}</p>
            {nextPending ? (
              <Link to={`/judging/${nextPending.id}`} className="button button--secondary">
                {t('judging.next', { code: nextPending.entryCode })}
              </Link>
            ) : (
              all.isSuccess && (
                <>
                  <p className="notice__title">{t('judging.allDone')}</p>
                  <Link to="/judging" className="button button--secondary">
                    {t('judging.allDoneBack')}
                  </Link>
                </>
              )
            )}
          </div>
        )}
      </div>

      {!data.locked && (
        <section className="card danger-zone" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('judging.conflictTitle')}</h2>
          <p className="field__hint">{t('judging.conflictHint')}</p>
          {conflict.isError && <ErrorNotice message={errorMessage(conflict.error)} />}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('judging.conflict')}
          </button>
        </section>
      )}

      {confirming && (
        <ConfirmDialog
          title={t('judging.conflictConfirmTitle')}
          confirmLabel={t('judging.conflict')}
          cancelLabel={t('common.cancel')}
          busy={conflict.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            conflict.mutate(undefined, {
              onSuccess: () => void navigate('/judging', { replace: true, state: { notice: t('judging.conflictDone', { code: data.entryCode }) } }),
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('judging.conflictConfirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
