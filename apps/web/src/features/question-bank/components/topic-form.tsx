import type { TopicResponse } from '@hoi-thi/contracts';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { splitFieldErrors } from '../../../lib/form-errors';
import { useCreateTopic } from '../hooks/use-question-bank';
import { topicOptions } from './topic-tree';

/** Adds a topic (optionally under another one). */
export function TopicForm({ topics, onCreated }: { topics: readonly TopicResponse[]; onCreated?: (topic: TopicResponse) => void }) {
  const { t } = useTranslation();
  const create = useCreateTopic();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [missing, setMissing] = useState(false);
  const [created, setCreated] = useState<TopicResponse | null>(null);
  const server = splitFieldErrors(create.error, ['name', 'parentId'] as const);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    setMissing(!name.trim());
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), ...(parentId ? { parentId } : {}) },
      {
        onSuccess: (topic) => {
          setName('');
          setCreated(topic);
          onCreated?.(topic);
        },
      },
    );
  };

  return (
    <form className="form topic-form" onSubmit={submit} noValidate aria-label={t('bank.topics.formLabel')}>
      <div className="form__row">
        <TextField
          label={t('bank.topics.name')}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          error={missing ? t('auth.validation.required') : server.fieldErrors.name}
          maxLength={200}
        />
        <SelectField
          label={t('bank.topics.parent')}
          value={parentId}
          onChange={(event) => {
            setParentId(event.target.value);
          }}
          error={server.fieldErrors.parentId}
        >
          <option value="">{t('bank.topics.noParent')}</option>
          {topicOptions(topics).map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.path}
            </option>
          ))}
        </SelectField>
      </div>
      {create.isError && <FormErrorAlert error={create.error} otherDetails={server.otherDetails} />}
      <p className="status-slot" role="status">
        {created && <span className="notice notice--success">{t('bank.topics.created', { name: created.name })}</span>}
      </p>
      <button type="submit" className="button button--secondary button--block" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('bank.topics.create')}
      </button>
    </form>
  );
}
