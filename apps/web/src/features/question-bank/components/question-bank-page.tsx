import { Difficulties, ExportFormats, QuestionTypes, type Difficulty, type ExportFormat, type QuestionResponse, type QuestionStatus, type QuestionType } from '@hoi-thi/contracts';
import { Pager } from '../../../components/pager';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { questionBankApi, type QuestionFilters } from '../api/question-bank-api';
import { useQuestions, useTopics } from '../hooks/use-question-bank';
import { TopicForm } from './topic-form';
import { TopicList } from './topic-list';
import { topicNames, topicOptions } from './topic-tree';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSearchParamsUpdate } from '../../../lib/use-search-params-update';

export const questionsPageSize = 20;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The filters live in the address, so the back button and a shared link keep them. */
function useFilters() {
  const [params, updateParams] = useSearchParamsUpdate();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const filters: QuestionFilters = {
    topicId: params.get('topicId') || undefined,
    difficulty: pick<Difficulty>(params.get('difficulty'), Difficulties),
    type: pick<QuestionType>(params.get('type'), QuestionTypes),
    status: pick<QuestionStatus>(params.get('status'), ['active', 'archived']) ?? 'active',
    search: params.get('search') || undefined,
    limit: questionsPageSize,
    offset: (page - 1) * questionsPageSize,
  };
  /** Changing a filter goes back to page 1; the page itself is set with `page`. */
  const update = (changes: Record<string, string | undefined>) => {
    updateParams(
      (next) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
      },
      { replace: true },
    );
  };
  return { filters, page, update, query: params.toString() };
}

function QuestionCard({ question, topicName, back }: { question: QuestionResponse; topicName: string | undefined; back: string }) {
  const { t } = useTranslation();
  const correct = question.options.filter((option) => option.correct).map((option) => option.text);
  return (
    <article className="card question-card">
      <div className="question-card__badges">
        <span className="badge">{t(`bank.type.${question.type}`)}</span>
        <span className={`badge badge--difficulty-${question.difficulty}`}>{t(`bank.difficulty.${question.difficulty}`)}</span>
        <span className="badge badge--muted">{t('bank.list.points', { points: formatNumber(question.points) })}</span>
        <span className="badge badge--muted">{t('bank.list.version', { version: question.version })}</span>
        {question.status === 'archived' && <span className="badge badge--muted">{t('bank.status.archived')}</span>}
      </div>
      <h2 className="question-card__text">
        <Link to={`/admin/questions/${question.id}?back=${encodeURIComponent(back ? `?${back}` : '')}`}>{question.text}</Link>
      </h2>
      <p className="question-card__key">
        <span className="question-card__label">{t('bank.list.key')}</span> {correct.join(' · ')}
      </p>
      {topicName && <p className="question-card__topic">{topicName}</p>}
    </article>
  );
}

function ExportPanel({ topicId }: { topicId: string | undefined }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  return (
    <section className="card tool-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('bank.export.title')}</h2>
      <p className="field__hint">{topicId ? t('bank.export.hintTopic') : t('bank.export.hintAll')}</p>
      <div className="form__row form__row--end">
        <SelectField
          label={t('bank.export.format')}
          value={format}
          onChange={(event) => {
            setFormat(event.target.value as ExportFormat);
          }}
        >
          {ExportFormats.map((value) => (
            <option key={value} value={value}>
              {t(`bank.format.${value}`)}
            </option>
          ))}
        </SelectField>
        <DownloadButton label={t('bank.export.download')} download={() => questionBankApi.export(format, topicId)} />
      </div>
    </section>
  );
}

/** The organizers' question bank: search, filters, pages, topics, and the way in and out by file. */
export function QuestionBankPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('bank.title'));
  const errorMessage = useErrorMessage();
  const { filters, page, update, query } = useFilters();
  const topics = useTopics();
  const questions = useQuestions(filters);

  const [searchText, setSearchText] = useState(filters.search ?? '');
  const debouncedSearch = useDebouncedValue(searchText.trim(), 350);
  const urlSearch = filters.search ?? '';
  useEffect(() => {
    if (debouncedSearch !== urlSearch) update({ search: debouncedSearch || undefined });
    // Only the typed text drives this; `update` is a fresh function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const names = topics.data ? topicNames(topics.data) : new Map<string, string>();
  const total = questions.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / questionsPageSize));
  const filtered = Boolean(filters.search || filters.topicId || filters.difficulty || filters.type || filters.status === 'archived');

  let body;
  if (questions.isPending) {
    body = (
      <p role="status" className="notice">
        {t('bank.list.loading')}
      </p>
    );
  } else if (questions.isError) {
    body = <ErrorNotice title={t('bank.list.loadFailed')} message={errorMessage(questions.error)} onRetry={() => void questions.refetch()} retrying={questions.isFetching} />;
  } else if (questions.data.items.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{filtered ? t('bank.list.noMatch') : t('bank.list.empty')}</p>
        <p>{filtered ? t('bank.list.noMatchHint') : t('bank.list.emptyHint')}</p>
      </div>
    );
  } else {
    const first = filters.offset + 1;
    const last = filters.offset + questions.data.items.length;
    body = (
      <>
        <ul className="question-list" aria-busy={questions.isFetching}>
          {questions.data.items.map((question) => (
            <li key={question.id}>
              <QuestionCard question={question} topicName={names.get(question.topicId)} back={query} />
            </li>
          ))}
        </ul>
        <Pager
          label={t('bank.list.pages')}
          status={t('bank.list.range', { first, last, total })}
          canPrevious={page > 1}
          canNext={page < pages}
          onPrevious={() => update({ page: page > 2 ? String(page - 1) : undefined })}
          onNext={() => update({ page: String(page + 1) })}
        />
      </>
    );
  }

  return (
    <section className="page page--wide" aria-labelledby="bank-title">
      <h1 id="bank-title">{t('bank.title')}</h1>
      <p className="page__intro">{t('bank.intro')}</p>
      <div className="toolbar">
        <Link to={`/admin/questions/new${filters.topicId ? `?topicId=${filters.topicId}` : ''}`} className="button button--primary">
          {t('bank.newQuestion')}
        </Link>
        <Link to={`/admin/questions/import${filters.topicId ? `?topicId=${filters.topicId}` : ''}`} className="button button--secondary">
          {t('bank.importLink')}
        </Link>
      </div>

      <form className="card filters" role="search" aria-label={t('bank.filters.label')} onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t('bank.filters.search')}
          hint={t('bank.filters.searchHint')}
          type="search"
          enterKeyHint="search"
          value={searchText}
          onChange={(event) => {
            setSearchText(event.target.value);
          }}
        />
        <div className="form__row">
          <SelectField label={t('bank.filters.topic')} value={filters.topicId ?? ''} onChange={(event) => update({ topicId: event.target.value || undefined })}>
            <option value="">{t('bank.filters.allTopics')}</option>
            {topicOptions(topics.data ?? []).map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.path}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('bank.filters.difficulty')} value={filters.difficulty ?? ''} onChange={(event) => update({ difficulty: event.target.value || undefined })}>
            <option value="">{t('bank.filters.allDifficulties')}</option>
            {Difficulties.map((difficulty) => (
              <option key={difficulty} value={difficulty}>
                {t(`bank.difficulty.${difficulty}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('bank.filters.type')} value={filters.type ?? ''} onChange={(event) => update({ type: event.target.value || undefined })}>
            <option value="">{t('bank.filters.allTypes')}</option>
            {QuestionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`bank.type.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('bank.filters.status')}
            value={filters.status ?? 'active'}
            onChange={(event) => update({ status: event.target.value === 'archived' ? 'archived' : undefined })}
          >
            <option value="active">{t('bank.status.active')}</option>
            <option value="archived">{t('bank.status.archived')}</option>
          </SelectField>
        </div>
      </form>

      <p className="list-count" role="status">
        {questions.data ? t('bank.list.count', { n: total }) : ''}
      </p>
      {body}

      <details className="card tool-panel">
        <summary className="tool-panel__summary">{t('bank.topics.title')}</summary>
        <TopicList topics={topics.data ?? []} />
        <h3 className="round-admin__subtitle">{t('bank.topics.formLabel')}</h3>
        <TopicForm topics={topics.data ?? []} onCreated={(topic) => update({ topicId: topic.id })} />
      </details>
      <ExportPanel topicId={filters.topicId} />
      <section className="card tool-panel" aria-labelledby="template-title">
        <h2 id="template-title">{t('bank.template.title')}</h2>
        <p className="field__hint">{t('bank.template.hint')}</p>
        <DownloadButton label={t('bank.template.download')} download={() => questionBankApi.template()} />
      </section>
    </section>
  );
}
