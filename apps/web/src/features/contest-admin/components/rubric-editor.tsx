import { rubricMaxTotal } from '@hoi-thi/contest-engine';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { parseDecimal } from '../../../lib/form-values';

export interface RubricRow {
  key: string;
  name: string;
  maxPoints: string;
  /** '' = weight 1. */
  weight: string;
}

let rubricKey = 0;
export const newRubricRow = (name = '', maxPoints = '10'): RubricRow => ({ key: `criterion-${String((rubricKey += 1))}`, name, maxPoints, weight: '' });

/** The criteria judges score an essay by: name, maximum points (quarter steps) and weight. */
export function RubricEditor({ rows, onChange, errorFor }: { rows: RubricRow[]; onChange: (rows: RubricRow[]) => void; errorFor: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const update = (key: string, changes: Partial<RubricRow>) => {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  };
  // What judges' totals are out of, as the server computes it; a field not (validly) typed yet counts 0.
  const maxTotal = rubricMaxTotal(
    rows.map((row) => ({ name: row.name, maxPoints: parseDecimal(row.maxPoints) ?? 0, ...(row.weight.trim() ? { weight: parseDecimal(row.weight) ?? 0 } : {}) })),
  );

  return (
    <fieldset className="field rubric-editor" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('builder.rubric.title')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('builder.rubric.hint')}
      </p>
      {errorFor('rubric') && <p className="field__error">{errorFor('rubric')}</p>}
      <ol className="blueprint__lines">
        {rows.map((row, index) => {
          const prefix = `rubric.${String(index)}`;
          const rowError = errorFor(prefix);
          const input = (field: 'name' | 'maxPoints' | 'weight', label: string, extra: { inputMode?: 'decimal'; placeholder?: string } = {}) => {
            const error = errorFor(`${prefix}.${field}`);
            const inputId = `${id}-${row.key}-${field}`;
            return (
              <div className={`field rubric-line__${field}`}>
                <label htmlFor={inputId} className="field__label">
                  {label}
                </label>
                <input
                  id={inputId}
                  className="field__input"
                  value={row[field]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(event) => {
                    update(row.key, { [field]: event.target.value });
                  }}
                  {...extra}
                />
                {error && (
                  <p id={`${inputId}-error`} className="field__error">
                    {error}
                  </p>
                )}
              </div>
            );
          };
          return (
            <li key={row.key} className="blueprint-line">
              <fieldset className="blueprint-line__fields">
                <legend className="blueprint-line__legend">{t('builder.rubric.criterion', { n: index + 1 })}</legend>
                <div className="blueprint-line__grid">
                  {input('name', t('builder.rubric.name'))}
                  {input('maxPoints', t('builder.rubric.maxPoints'), { inputMode: 'decimal' })}
                  {input('weight', t('builder.rubric.weight'), { inputMode: 'decimal', placeholder: '1' })}
                </div>
                {rowError && <p className="field__error">{rowError}</p>}
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => {
                      onChange(rows.filter((other) => other.key !== row.key));
                    }}
                  >
                    {t('builder.rubric.remove', { n: index + 1 })}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="blueprint__footer">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onChange([...rows, newRubricRow()]);
          }}
        >
          {t('builder.rubric.add')}
        </button>
        <p className="blueprint__total">{t('builder.rubric.maxTotal', { n: formatNumber(maxTotal) })}</p>
      </div>
    </fieldset>
  );
}
