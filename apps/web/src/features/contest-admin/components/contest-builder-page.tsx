import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { topicNames, useAvailability, useTopics } from '../../question-bank';
import { shortfallOf, useAdminContest, useFinishContest, usePublishContest, useUpdateContest } from '../hooks/use-contest-admin';
import { ContestForm } from './contest-form';
import { EligibleUnitsPanel } from './eligible-units-panel';
import { ManagersPanel } from './managers-panel';
import { RoundAdminCard } from './round-admin-card';
import { RoundForm } from './round-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** `/admin/contests/:id`: the contest, its rounds against the bank, adding rounds, publish and finish. */
export function ContestBuilderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const contest = useAdminContest(id);
  useDocumentTitle(contest.data?.title);
  const topics = useTopics();
  const availability = useAvailability();
  const publish = usePublishContest(id);
  const finish = useFinishContest(id);
  const update = useUpdateContest(id);
  const [adding, setAdding] = useState<boolean | null>(null);
  const [confirm, setConfirm] = useState<'publish' | 'finish' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [editingRound, setEditingRound] = useState<string | null>(null);

  if (contest.isPending) {
    return (
      <p role="status" className="notice">
        {t('builder.loading')}
      </p>
    );
  }
  if (contest.isError) {
    return <ErrorNotice title={t('builder.loadFailed')} message={errorMessage(contest.error)} onRetry={() => void contest.refetch()} retrying={contest.isFetching} />;
  }
  const data = contest.data;
  const names = topicNames(topics.data ?? []);
  const shortfall = shortfallOf(publish.error);
  const shortRound = shortfall ? data.rounds.find((round) => round.id === shortfall.roundId) : undefined;
  const canAddRounds = data.canManage && data.status !== 'finished';
  const showForm = canAddRounds && (adding ?? data.rounds.length === 0);

  return (
    <section className="page" aria-labelledby="builder-title">
      <p>
        <Link to="/admin/contests" className="back-link">
          {t('builder.back')}
        </Link>
      </p>
      <div className="contest-card__badges">
        <span className={`badge badge--${data.kind}`}>{t(`contests.kind.${data.kind}`)}</span>
        <span className={`badge badge--status-${data.status}`}>{t(`builder.status.${data.status}`)}</span>
      </div>
      <h1 id="builder-title">{data.title}</h1>
      {data.description && <p className="contest-card__description">{data.description}</p>}
      {data.publishedAt && <p className="field__hint">{t('builder.publishedAt', { time: formatDateTime(data.publishedAt) })}</p>}

      <p className="status-slot" role="status">
        {notice && <span className="notice notice--success">{notice}</span>}
      </p>
      {!data.canManage && (
        <div className="notice notice--warning">
          <p className="notice__title">{t('builder.notManager')}</p>
          <p>{t('builder.notManagerHint')}</p>
        </div>
      )}

      <section className="card builder-actions" aria-labelledby="builder-actions-title">
        <h2 id="builder-actions-title">{t('builder.actions.title')}</h2>
        <p className="field__hint">{t(`builder.actions.hint.${data.status}`)}</p>
        {shortfall && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t('builder.actions.publishRefused')}</p>
            <p>{errorMessage(publish.error)}</p>
            {shortRound && (
              <p>
                <a href={`#round-${shortRound.id}-line-${String(shortfall.lineIndex)}`}>
                  {t('builder.actions.seeLine', { round: shortRound.title, n: shortfall.lineIndex + 1 })}
                </a>
              </p>
            )}
          </div>
        )}
        {publish.isError && !shortfall && <ErrorNotice message={errorMessage(publish.error)} />}
        {finish.isError && <ErrorNotice message={errorMessage(finish.error)} />}
        {data.canManage && (
          <div className="toolbar">
            {data.status === 'draft' && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  publish.reset();
                  setConfirm('publish');
                }}
              >
                {t('builder.actions.publish')}
              </button>
            )}
            {data.status === 'published' && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setConfirm('finish');
                }}
              >
                {t('builder.actions.finish')}
              </button>
            )}
            {data.status !== 'draft' && data.kind === 'quiz' && (
              <Link to={`/contests/${data.id}/board`} className="button button--secondary">
                {t('board.link')}
              </Link>
            )}
            {data.kind === 'quiz' && (
              <Link to={`/admin/contests/${data.id}/participation`} className="button button--secondary">
                {t('analytics.participation.link')}
              </Link>
            )}
            {data.status !== 'finished' && (
              <button
                type="button"
                className="button button--ghost"
                aria-expanded={editing}
                onClick={() => {
                  setEditing((open) => !open);
                }}
              >
                {t('builder.contest.edit')}
              </button>
            )}
          </div>
        )}
        {editing && data.canManage && (
          <ContestForm
            contest={data}
            pending={update.isPending}
            error={update.error}
            submitLabel={t('common.save')}
            onSubmit={({ title, description }) => {
              update.mutate(
                { title, description: description ?? '' },
                {
                  onSuccess: () => {
                    setEditing(false);
                    setNotice(t('builder.contest.saved'));
                  },
                },
              );
            }}
          />
        )}
      </section>

      {data.canManage && <ManagersPanel contestId={data.id} />}
      <EligibleUnitsPanel contest={data} />

      <section className="builder-rounds" aria-labelledby="builder-rounds-title">
        <h2 id="builder-rounds-title">{t('builder.rounds.title', { n: data.rounds.length })}</h2>
        {data.rounds.length === 0 && <p className="notice">{t('builder.rounds.empty')}</p>}
        <ol className="round-admin-list">
          {data.rounds.map((round) => (
            <li key={round.id}>
              {editingRound === round.id ? (
                <RoundForm
                  contest={data}
                  round={round}
                  topics={topics.data ?? []}
                  availability={availability.data?.items}
                  onSaved={(saved) => {
                    setEditingRound(null);
                    setNotice(t('builder.round.saved', { title: saved.title }));
                    publish.reset();
                  }}
                  onCancel={() => {
                    setEditingRound(null);
                  }}
                />
              ) : (
                <RoundAdminCard
                  round={round}
                  topicNames={names}
                  availability={availability.data?.items}
                  shortfall={shortfall?.roundId === round.id ? shortfall : null}
                  canManage={data.canManage}
                  contestFinished={data.status === 'finished'}
                  onEdit={() => {
                    setNotice(null);
                    setEditingRound(round.id);
                  }}
                  onDeleted={(deleted) => {
                    setNotice(t('builder.round.deleted', { title: deleted.title }));
                    publish.reset();
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      </section>

      {showForm ? (
        <RoundForm
          contest={data}
          topics={topics.data ?? []}
          availability={availability.data?.items}
          onSaved={(round) => {
            setAdding(false);
            setNotice(t('builder.round.added', { title: round.title }));
            publish.reset();
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      ) : (
        canAddRounds && (
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('builder.round.addButton')}
          </button>
        )
      )}

      {confirm && (
        <ConfirmDialog
          title={confirm === 'publish' ? t('builder.actions.publishConfirmTitle') : t('builder.actions.finishConfirmTitle')}
          confirmLabel={confirm === 'publish' ? t('builder.actions.publish') : t('builder.actions.finish')}
          cancelLabel={t('common.cancel')}
          busy={publish.isPending || finish.isPending}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            const action = confirm === 'publish' ? publish : finish;
            action.mutate(undefined, {
              onSuccess: () => {
                setNotice(confirm === 'publish' ? t('builder.actions.published') : t('builder.actions.finished'));
              },
              onSettled: () => {
                setConfirm(null);
              },
            });
          }}
        >
          <p>{confirm === 'publish' ? t('builder.actions.publishConfirmText') : t('builder.actions.finishConfirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
