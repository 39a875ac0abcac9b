import type { TopicResponse } from '@hoi-thi/contracts';
import { useState, type CSSProperties, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { splitFieldErrors } from '../../../lib/form-errors';
import { useDeleteTopic, useUpdateTopic } from '../hooks/use-question-bank';
import { subTopicIds, topicOptions } from './topic-tree';

interface TopicEditorProps {
  topic: TopicResponse;
  topics: readonly TopicResponse[];
  onDone: (message: string | null) => void;
}

/** Rename or move one topic; delete it when it is empty. */
function TopicEditor({ topic, topics, onDone }: TopicEditorProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateTopic(topic.id);
  const remove = useDeleteTopic(topic.id);
  const [name, setName] = useState(topic.name);
  const [parentId, setParentId] = useState(topic.parentId ?? '');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const server = splitFieldErrors(update.error, ['name', 'parentId'] as const);
  // Not under itself or its own sub-topics: the server would refuse (409 TOPIC.CYCLE).
  const excluded = subTopicIds(topics, topic.id).add(topic.id);
  const parents = topicOptions(topics).filter((option) => !excluded.has(option.id));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    setMissing(!trimmed);
    if (!trimmed) return;
    const parent = parentId || null;
    const changes = { ...(trimmed !== topic.name ? { name: trimmed } : {}), ...(parent !== topic.parentId ? { parentId: parent } : {}) };
    if (Object.keys(changes).length === 0) {
      onDone(null);
      return;
    }
    update.mutate(changes, { onSuccess: (saved) => onDone(t('bank.topics.saved', { name: saved.name })) });
  };

  return (
    <div className="topic-editor">
      <form className="form" onSubmit={submit} noValidate aria-label={t('bank.topics.editLabel', { name: topic.name })}>
        <fieldset className="form__fieldset" disabled={update.isPending}>
          <div className="form__row">
            <TextField
              label={t('bank.topics.name')}
              value={name}
              maxLength={200}
              onChange={(event) => {
                setName(event.target.value);
              }}
              error={missing ? t('auth.validation.required') : server.fieldErrors.name}
            />
            <SelectField
              label={t('bank.topics.moveTo')}
              value={parentId}
              onChange={(event) => {
                setParentId(event.target.value);
              }}
              error={server.fieldErrors.parentId}
            >
              <option value="">{t('bank.topics.noParent')}</option>
              {parents.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.path}
                </option>
              ))}
            </SelectField>
          </div>
          {update.isError && <FormErrorAlert error={update.error} otherDetails={server.otherDetails} />}
          <div className="toolbar">
            <button type="submit" className="button button--primary">
              {update.isPending ? t('common.saving') : t('common.save')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              {t('bank.topics.delete')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                onDone(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </fieldset>
      </form>
      {remove.isError && <ErrorNotice title={t('bank.topics.deleteFailed')} message={errorMessage(remove.error)} />}
      {confirming && (
        <ConfirmDialog
          title={t('bank.topics.deleteTitle', { name: topic.name })}
          confirmLabel={t('bank.topics.delete')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            remove.mutate(undefined, {
              onSuccess: () => {
                onDone(t('bank.topics.deleted', { name: topic.name }));
              },
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('bank.topics.deleteText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** The topics as a tree, each renamed, moved or deleted in place. */
export function TopicList({ topics }: { topics: readonly TopicResponse[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const byId = new Map(topics.map((topic) => [topic.id, topic]));

  return (
    <div className="topic-list">
      <p className="status-slot" role="status">
        {notice && <span className="notice notice--success">{notice}</span>}
      </p>
      {topics.length === 0 ? (
        <p className="field__hint">{t('bank.topics.none')}</p>
      ) : (
        <ul className="unit-tree unit-tree--flat" aria-label={t('bank.topics.listLabel')}>
          {topicOptions(topics).map((option) => {
            const topic = byId.get(option.id);
            if (!topic) return null;
            return (
              <li key={option.id} className="unit-tree__item" style={{ '--depth': option.depth } as CSSProperties}>
                <div className="unit-tree__row unit-row">
                  <span className="unit-row__name">{option.name}</span>
                  <button
                    type="button"
                    className="button button--ghost unit-row__action"
                    aria-expanded={editing === option.id}
                    aria-label={t('bank.topics.editLabel', { name: option.name })}
                    onClick={() => {
                      setNotice(null);
                      setEditing((current) => (current === option.id ? null : option.id));
                    }}
                  >
                    {t('bank.topics.edit')}
                  </button>
                </div>
                {editing === option.id && (
                  <TopicEditor
                    topic={topic}
                    topics={topics}
                    onDone={(message) => {
                      setEditing(null);
                      setNotice(message);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
