import type { ContestResponse, UnitResponse } from '@hoi-thi/contracts';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber } from '../../../lib/format';
import { ancestorIds, descendantIds, indexUnits, useUnits, type UnitIndex } from '../../auth';
import { UnitTreeView, useExpandedUnits } from '../../units-admin';
import { useUpdateContest } from '../hooks/use-contest-admin';

/**
 * The chosen units, each standing for its whole branch: a unit under one already chosen is left out
 * (it is included anyway), and so is an id no longer in the tree.
 */
export function topmostUnits(index: UnitIndex, unitIds: Iterable<string>): string[] {
  const chosen = new Set([...unitIds].filter((id) => index.byId.has(id)));
  return [...chosen].filter((id) => !ancestorIds(index, id).some((ancestor) => chosen.has(ancestor)));
}

/** The chosen units and how many units they take in with their sub-units. */
function coverage(index: UnitIndex, unitIds: readonly string[]): number {
  return unitIds.reduce((sum, id) => sum + 1 + descendantIds(index, id).size, 0);
}

interface PickerProps {
  units: readonly UnitResponse[];
  index: UnitIndex;
  initial: readonly string[];
  saving: boolean;
  onSave: (unitIds: string[]) => void;
  onCancel: () => void;
}

/** The tree with a checkbox per unit: a chosen unit brings its sub-units, shown ticked and locked. */
function EligibleUnitsPicker({ units, index, initial, saving, onSave, onCancel }: PickerProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(topmostUnits(index, initial)));
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  // The branches down to the units already chosen start open, so that they can be seen.
  const { expanded, toggle } = useExpandedUnits(() => [...selected].flatMap((id) => ancestorIds(index, id)));
  const chosen = [...selected];

  const choose = (unitId: string, checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!checked) {
        next.delete(unitId);
        return next;
      }
      for (const below of descendantIds(index, unitId)) next.delete(below);
      next.add(unitId);
      return next;
    });
  };

  return (
    <div className="eligible-picker">
      <TextField
        label={t('units.searchLabel')}
        hint={t('units.searchHint')}
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
        }}
      />
      <p className="field__hint" aria-live="polite">
        {chosen.length === 0
          ? t('builder.eligible.noneChosen')
          : t('builder.eligible.chosenCount', { n: formatNumber(chosen.length), total: formatNumber(coverage(index, chosen)) })}
      </p>
      <UnitTreeView
        units={units}
        query={deferredQuery}
        label={t('builder.eligible.treeLabel')}
        expanded={expanded}
        onToggle={toggle}
        renderUnit={(unit, { childCount }) => {
          const coveredBy = ancestorIds(index, unit.id).find((ancestor) => selected.has(ancestor));
          const own = selected.has(unit.id);
          return (
            <div className="unit-row">
              <label className="choice unit-row__name">
                <input
                  type="checkbox"
                  checked={own || coveredBy !== undefined}
                  disabled={coveredBy !== undefined}
                  onChange={(event) => {
                    choose(unit.id, event.target.checked);
                  }}
                />
                <span>{unit.name}</span>
              </label>
              {coveredBy !== undefined ? (
                <span className="unit-row__meta">{t('builder.eligible.coveredBy', { name: index.byId.get(coveredBy)?.name ?? '' })}</span>
              ) : (
                own && childCount > 0 && <span className="unit-row__meta">{t('builder.eligible.withChildren', { n: formatNumber(descendantIds(index, unit.id).size) })}</span>
              )}
            </div>
          );
        }}
      />
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={saving}
          onClick={() => {
            onSave(chosen);
          }}
        >
          {saving ? t('common.saving') : t('builder.eligible.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={saving || chosen.length === 0}
          onClick={() => {
            setSelected(new Set());
          }}
        >
          {t('builder.eligible.clear')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** "Đối tượng dự thi": the units whose members (and their sub-units' members) may take part; none chosen, everyone. */
export function EligibleUnitsPanel({ contest }: { contest: ContestResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const units = useUnits();
  const update = useUpdateContest(contest.id);
  const [picking, setPicking] = useState(false);
  const [saved, setSaved] = useState(false);
  const list = useMemo(() => units.data ?? [], [units.data]);
  const index = useMemo(() => indexUnits(list), [list]);
  const current = useMemo(() => topmostUnits(index, contest.eligibleUnitIds), [index, contest.eligibleUnitIds]);
  const canChange = contest.canManage && contest.status !== 'finished';

  let summary;
  if (units.isPending) {
    summary = <p role="status">{t('units.loading')}</p>;
  } else if (units.isError) {
    summary = <ErrorNotice title={t('units.loadFailed')} message={errorMessage(units.error)} onRetry={() => void units.refetch()} retrying={units.isFetching} />;
  } else if (contest.eligibleUnitIds.length === 0) {
    summary = <p>{t('builder.eligible.everyone')}</p>;
  } else {
    summary = (
      <>
        <p>{t('builder.eligible.chosenCount', { n: formatNumber(current.length), total: formatNumber(coverage(index, current)) })}</p>
        <ul className="plain-list">
          {current.map((unitId) => {
            const below = descendantIds(index, unitId).size;
            return (
              <li key={unitId}>
                {index.byId.get(unitId)?.name}
                {below > 0 && <span className="field__hint"> {t('builder.eligible.withChildren', { n: formatNumber(below) })}</span>}
              </li>
            );
          })}
        </ul>
      </>
    );
  }

  return (
    <section className="card builder-eligible" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('builder.eligible.title')}</h2>
      <p className="field__hint">{t('builder.eligible.hint')}</p>
      {summary}
      <p className="status-slot" role="status">
        {saved && <span className="notice notice--success">{t('builder.eligible.saved')}</span>}
      </p>
      {update.isError && <ErrorNotice title={t('builder.eligible.saveFailed')} message={errorMessage(update.error)} />}
      {canChange && units.isSuccess && !picking && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            update.reset();
            setPicking(true);
          }}
        >
          {t('builder.eligible.choose')}
        </button>
      )}
      {picking && units.isSuccess && (
        <EligibleUnitsPicker
          units={list}
          index={index}
          initial={contest.eligibleUnitIds}
          saving={update.isPending}
          onCancel={() => {
            setPicking(false);
          }}
          onSave={(eligibleUnitIds) => {
            update.mutate(
              { eligibleUnitIds },
              {
                onSuccess: () => {
                  setPicking(false);
                  setSaved(true);
                },
              },
            );
          }}
        />
      )}
    </section>
  );
}
