import type { ContestManagerResponse } from '@hoi-thi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useContestManagers, useOrganizerCandidates, useSetContestManagers } from '../hooks/use-contest-admin';

/** "Ban tổ chức cuộc thi": who manages the contest; organizers found by name or email are added, then saved together. */
export function ManagersPanel({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const managers = useContestManagers(contestId, true);
  const save = useSetContestManagers(contestId);
  const [draft, setDraft] = useState<ContestManagerResponse[] | null>(null);
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim(), 300);
  const candidates = useOrganizerCandidates(debouncedSearch, debouncedSearch !== '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const current = draft ?? managers.data ?? [];
  const chosen = new Set(current.map((manager) => manager.id));
  const addable = (candidates.data ?? []).filter((candidate) => !chosen.has(candidate.id));

  const change = (next: ContestManagerResponse[]) => {
    setDraft(next);
    setProblem(null);
    setSaved(false);
    save.reset();
  };

  const onSave = () => {
    if (current.length === 0) {
      setProblem(t('builder.managers.atLeastOne'));
      return;
    }
    save.mutate(
      current.map((manager) => manager.id),
      {
        onSuccess: () => {
          setDraft(null);
          setSaved(true);
        },
      },
    );
  };

  let list;
  if (managers.isPending) {
    list = <p role="status">{t('builder.managers.loading')}</p>;
  } else if (managers.isError) {
    list = <ErrorNotice title={t('builder.managers.loadFailed')} message={errorMessage(managers.error)} onRetry={() => void managers.refetch()} retrying={managers.isFetching} />;
  } else if (current.length === 0) {
    list = <p className="field__hint">{t('builder.managers.none')}</p>;
  } else {
    list = (
      <ul className="person-list" aria-labelledby={`${id}-title`}>
        {current.map((manager) => (
          <li key={manager.id} className="person-list__item">
            <span className="person-list__who">
              <span className="person-list__name">{manager.fullName}</span>
              <span className="field__hint">{manager.email}</span>
            </span>
            <button
              type="button"
              className="button button--ghost"
              aria-label={t('builder.managers.remove', { name: manager.fullName })}
              onClick={() => {
                change(current.filter((other) => other.id !== manager.id));
              }}
            >
              {t('builder.managers.removeShort')}
            </button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="card builder-managers" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('builder.managers.title')}</h2>
      <p className="field__hint">{t('builder.managers.hint')}</p>
      {list}

      {managers.isSuccess && (
        <>
          <TextField
            label={t('builder.managers.search')}
            hint={t('builder.managers.searchHint')}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
          {debouncedSearch !== '' && (
            <div aria-live="polite">
              {candidates.isPending ? (
                <p className="field__hint">{t('builder.managers.searching')}</p>
              ) : candidates.isError ? (
                <ErrorNotice title={t('builder.managers.searchFailed')} message={errorMessage(candidates.error)} onRetry={() => void candidates.refetch()} retrying={candidates.isFetching} />
              ) : addable.length === 0 ? (
                <p className="field__hint">{t('builder.managers.noMatch')}</p>
              ) : (
                <ul className="person-list" aria-label={t('builder.managers.candidates')}>
                  {addable.map((candidate) => (
                    <li key={candidate.id} className="person-list__item">
                      <span className="person-list__who">
                        <span className="person-list__name">{candidate.fullName}</span>
                        <span className="field__hint">{candidate.email}</span>
                      </span>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t('builder.managers.add', { name: candidate.fullName })}
                        onClick={() => {
                          change([...current, { id: candidate.id, fullName: candidate.fullName, email: candidate.email }]);
                        }}
                      >
                        {t('builder.managers.addShort')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}

      {problem && <p className="field__error">{problem}</p>}
      {save.isError && <ErrorNotice message={errorMessage(save.error)} />}
      <p className="status-slot" role="status">
        {saved && <span className="notice notice--success">{t('builder.managers.saved')}</span>}
        {draft && <span className="field__hint">{t('builder.managers.unsaved')}</span>}
      </p>
      {draft && (
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={onSave} disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('builder.managers.save')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={save.isPending}
            onClick={() => {
              setDraft(null);
              setProblem(null);
              save.reset();
            }}
          >
            {t('builder.managers.discard')}
          </button>
        </div>
      )}
    </section>
  );
}
