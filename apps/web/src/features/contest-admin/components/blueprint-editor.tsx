import { blueprintCoverage } from '@hoi-thi/contest-engine';
import { Difficulties, type Difficulty, type TopicResponse } from '@hoi-thi/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { parseWhole } from '../../../lib/form-values';
import { topicOptions, type AvailabilityItem } from '../../question-bank';
import { availabilityText } from './blueprint-check';

export interface BlueprintRow {
  key: string;
  topicId: string;
  /** '' = any difficulty. */
  difficulty: Difficulty | '';
  count: string;
  /** '' = the questions' own points. */
  points: string;
}

let rowKey = 0;
export const newBlueprintRow = (topicId = ''): BlueprintRow => ({ key: `line-${String((rowKey += 1))}`, topicId, difficulty: '', count: '10', points: '' });

interface BlueprintEditorProps {
  rows: BlueprintRow[];
  onChange: (rows: BlueprintRow[]) => void;
  topics: readonly TopicResponse[];
  /** Live counts from the bank; undefined while loading. */
  availability: readonly AvailabilityItem[] | undefined;
  errorFor: (field: string) => string | undefined;
  /** A 409 from the server for a line (0-based), shown next to it. */
  serverShortfall?: { lineIndex: number; needed: number; available: number } | null;
}

/**
 * The blueprint of a quiz round: "n questions of topic T (of difficulty D)" per line. Each line
 * shows how many questions the bank has for it and warns when it cannot be filled, counting lines
 * of the same topic against each other as publishing does.
 */
export function BlueprintEditor({ rows, onChange, topics, availability, errorFor, serverShortfall }: BlueprintEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = topicOptions(topics);
  const checks = blueprintCoverage(
    rows.map((row) => ({ topicId: row.topicId, count: parseWhole(row.count) ?? 0, ...(row.difficulty ? { difficulty: row.difficulty } : {}) })),
    availability ?? [],
  );
  const total = rows.reduce((sum, row) => sum + (parseWhole(row.count) ?? 0), 0);
  const update = (key: string, changes: Partial<BlueprintRow>) => {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  };

  return (
    <fieldset className="field blueprint" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('builder.blueprint.title')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('builder.blueprint.hint')}
      </p>
      {errorFor('blueprint') && <p className="field__error">{errorFor('blueprint')}</p>}
      <ol className="blueprint__lines">
        {rows.map((row, index) => {
          const check = checks[index];
          const count = parseWhole(row.count);
          const prefix = `blueprint.${String(index)}`;
          const fromServer = serverShortfall?.lineIndex === index ? serverShortfall : null;
          const statusId = `${id}-${row.key}-status`;
          let status: { tone: 'ok' | 'warn' | 'muted'; text: string };
          if (!row.topicId) status = { tone: 'muted', text: t('builder.blueprint.chooseTopic') };
          else if (availability === undefined) status = { tone: 'muted', text: t('builder.blueprint.counting') };
          else if (check) status = { tone: check.short > 0 ? 'warn' : 'ok', text: availabilityText(t, check, count ?? 0) };
          else status = { tone: 'muted', text: '' };

          return (
            <li key={row.key} className="blueprint-line" data-short={status.tone === 'warn' || fromServer ? true : undefined}>
              <fieldset className="blueprint-line__fields" aria-describedby={statusId}>
                <legend className="blueprint-line__legend">{t('builder.blueprint.line', { n: index + 1 })}</legend>
                <div className="blueprint-line__grid">
                  <div className="field blueprint-line__topic">
                    <label htmlFor={`${id}-${row.key}-topic`} className="field__label">
                      {t('builder.blueprint.topic')}
                    </label>
                    <select
                      id={`${id}-${row.key}-topic`}
                      className="field__input"
                      value={row.topicId}
                      aria-invalid={errorFor(`${prefix}.topicId`) ? true : undefined}
                      onChange={(event) => {
                        update(row.key, { topicId: event.target.value });
                      }}
                    >
                      <option value="">{t('bank.editor.chooseTopic')}</option>
                      {options.map((topic) => (
                        <option key={topic.id} value={topic.id}>
                          {topic.path}
                        </option>
                      ))}
                    </select>
                    {errorFor(`${prefix}.topicId`) && <p className="field__error">{errorFor(`${prefix}.topicId`)}</p>}
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${row.key}-difficulty`} className="field__label">
                      {t('builder.blueprint.difficulty')}
                    </label>
                    <select
                      id={`${id}-${row.key}-difficulty`}
                      className="field__input"
                      value={row.difficulty}
                      onChange={(event) => {
                        update(row.key, { difficulty: event.target.value as Difficulty | '' });
                      }}
                    >
                      <option value="">{t('builder.blueprint.anyDifficulty')}</option>
                      {Difficulties.map((difficulty) => (
                        <option key={difficulty} value={difficulty}>
                          {t(`bank.difficulty.${difficulty}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${row.key}-count`} className="field__label">
                      {t('builder.blueprint.count')}
                    </label>
                    <input
                      id={`${id}-${row.key}-count`}
                      className="field__input"
                      inputMode="numeric"
                      value={row.count}
                      aria-invalid={errorFor(`${prefix}.count`) ? true : undefined}
                      onChange={(event) => {
                        update(row.key, { count: event.target.value });
                      }}
                    />
                    {errorFor(`${prefix}.count`) && <p className="field__error">{errorFor(`${prefix}.count`)}</p>}
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${row.key}-points`} className="field__label">
                      {t('builder.blueprint.points')}
                    </label>
                    <input
                      id={`${id}-${row.key}-points`}
                      className="field__input"
                      inputMode="decimal"
                      placeholder={t('builder.blueprint.pointsPlaceholder')}
                      value={row.points}
                      aria-invalid={errorFor(`${prefix}.points`) ? true : undefined}
                      onChange={(event) => {
                        update(row.key, { points: event.target.value });
                      }}
                    />
                    {errorFor(`${prefix}.points`) && <p className="field__error">{errorFor(`${prefix}.points`)}</p>}
                  </div>
                </div>
                <p id={statusId} className="blueprint-line__status" data-tone={status.tone} role="status">
                  {status.text}
                </p>
                {fromServer && (
                  <p className="field__error" role="alert">
                    {t('builder.blueprint.serverShort', { needed: fromServer.needed, available: fromServer.available })}
                  </p>
                )}
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => {
                      onChange(rows.filter((other) => other.key !== row.key));
                    }}
                  >
                    {t('builder.blueprint.remove', { n: index + 1 })}
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
            onChange([...rows, newBlueprintRow()]);
          }}
        >
          {t('builder.blueprint.add')}
        </button>
        <p className="blueprint__total">{t('builder.blueprint.total', { n: formatNumber(total) })}</p>
      </div>
    </fieldset>
  );
}
