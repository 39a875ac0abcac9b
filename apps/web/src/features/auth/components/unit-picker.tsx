import type { UnitResponse } from '@hoi-thi/contracts';
import { useDeferredValue, useId, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { searchWords } from '../../../lib/search-text';
import { filterTreeRows, toTreeRows } from './unit-tree';

/** More radio buttons than this make a phone sluggish; the search narrows the list instead. */
const maxRows = 200;

interface UnitPickerProps {
  units: readonly UnitResponse[];
  value: string;
  onChange: (unitId: string) => void;
  label: string;
  error?: string;
}

/** Choose one unit from the organisation tree, with a search that ignores case and diacritics. */
export function UnitPicker({ units, value, onChange, label, error }: UnitPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const rows = useMemo(() => toTreeRows(units), [units]);
  const visible = useMemo(() => filterTreeRows(rows, searchWords(deferredQuery)), [rows, deferredQuery]);
  const shown = visible.slice(0, maxRows);
  const selected = units.find((unit) => unit.id === value);
  const errorId = error ? `${id}-error` : undefined;

  return (
    <fieldset className="field unit-picker" aria-describedby={errorId} data-invalid={error ? true : undefined}>
      <legend className="field__label">{label}</legend>

      <label htmlFor={`${id}-search`} className="field__sublabel">
        {t('units.searchLabel')}
      </label>
      <p id={`${id}-search-hint`} className="field__hint">
        {t('units.searchHint')}
      </p>
      <input
        id={`${id}-search`}
        type="search"
        className="field__input"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
        }}
        aria-describedby={`${id}-search-hint`}
        autoComplete="off"
        enterKeyHint="search"
      />

      <p className="unit-picker__selected" aria-live="polite">
        {selected ? t('units.selected', { name: selected.name }) : t('units.noneSelected')}
      </p>

      {shown.length === 0 ? (
        <p className="unit-picker__empty">{t('units.noMatch')}</p>
      ) : (
        <ul className="unit-picker__list">
          {shown.map(({ unit, depth }) => (
            <li key={unit.id} className="unit-picker__item" style={{ '--depth': depth } as CSSProperties}>
              <label className="unit-picker__option">
                <input
                  type="radio"
                  name={`${id}-unit`}
                  value={unit.id}
                  checked={unit.id === value}
                  onChange={() => {
                    onChange(unit.id);
                  }}
                />
                <span>{unit.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {visible.length > shown.length && (
        <p className="field__hint">{t('units.truncated', { shown: shown.length, total: visible.length })}</p>
      )}

      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
