import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { useArchiveQuestion, useQuestion, useSaveQuestion, useTopics } from '../hooks/use-question-bank';
import { QuestionForm, initialValues } from './question-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** `/admin/questions/new` and `/admin/questions/:id`: write a question, or a new version of one. */
export function QuestionEditorPage() {
  const { id } = useParams();
  // A fresh editor per question: nothing of the last one (saved notice, errors) carries over.
  return <QuestionEditor key={id ?? 'new'} id={id} />;
}

function QuestionEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const topics = useTopics();
  const question = useQuestion(id);
  useDocumentTitle(id ? t('bank.editor.editTitle') : t('bank.editor.newTitle'));
  const save = useSaveQuestion(id);
  const archive = useArchiveQuestion();
  const [confirming, setConfirming] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const backTo = `/admin/questions${searchParams.get('back') ?? ''}`;

  if (topics.isPending || (id !== undefined && question.isPending)) {
    return (
      <p role="status" className="notice">
        {t('bank.editor.loading')}
      </p>
    );
  }
  const loadError = topics.error ?? question.error;
  if (topics.isError || question.isError) {
    return <ErrorNotice title={t('bank.editor.loadFailed')} message={errorMessage(loadError)} onRetry={() => void (topics.isError ? topics.refetch() : question.refetch())} />;
  }
  const existing = question.data ?? null;
  const archived = existing?.status === 'archived';

  return (
    <section className="page" aria-labelledby="question-editor-title">
      <p>
        <Link to={backTo} className="back-link">
          {t('bank.editor.back')}
        </Link>
      </p>
      <h1 id="question-editor-title">{existing ? t('bank.editor.editTitle') : t('bank.editor.newTitle')}</h1>
      {existing && (
        <p className="page__intro">
          {t('bank.editor.versionInfo', { version: existing.version, time: formatDateTime(existing.updatedAt) })} {t('bank.editor.versionHint')}
        </p>
      )}
      {archived && <p className="notice notice--warning">{t('bank.editor.archivedNotice')}</p>}
      <p className="status-slot" role="status">
        {savedVersion !== null && !save.isPending && !save.isError ? (
          <span className="notice notice--success">{t('bank.editor.savedVersion', { version: savedVersion })}</span>
        ) : searchParams.get('created') === '1' && existing && save.isIdle ? (
          <span className="notice notice--success">{t('bank.editor.created')}</span>
        ) : null}
      </p>

      <QuestionForm
        key={existing?.versionId ?? 'new'}
        initial={initialValues(existing, searchParams.get('topicId') ?? '')}
        topics={topics.data}
        editing={existing !== null}
        disabled={archived}
        pending={save.isPending}
        error={save.error}
        onSubmit={(request) => {
          setSavedVersion(null);
          save.mutate(request, {
            onSuccess: (saved) => {
              if (existing) setSavedVersion(saved.version);
              else void navigate(`/admin/questions/${saved.id}?created=1`, { replace: true });
            },
          });
        }}
      />

      {existing && !archived && (
        <section className="card danger-zone" aria-labelledby="archive-title">
          <h2 id="archive-title">{t('bank.editor.archiveTitle')}</h2>
          <p className="field__hint">{t('bank.editor.archiveHint')}</p>
          {archive.isError && <ErrorNotice message={errorMessage(archive.error)} />}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('bank.editor.archive')}
          </button>
        </section>
      )}

      {confirming && existing && (
        <ConfirmDialog
          title={t('bank.editor.archiveConfirmTitle')}
          confirmLabel={t('bank.editor.archive')}
          cancelLabel={t('common.cancel')}
          busy={archive.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            archive.mutate(existing.id, {
              onSuccess: () => void navigate(backTo, { replace: true }),
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('bank.editor.archiveConfirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
