import { UnitBoardOrders, type UnitBoardOrderBy } from '@hoi-thi/contracts';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldFrame } from '../../../components/field-frame';
import { Pager } from '../../../components/pager';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber, formatRate } from '../../../lib/format';
import { matchesSearch } from '../../../lib/search-text';
import { leaderboardApi } from '../api/leaderboard-api';
import { useUnitBoard } from '../hooks/use-contest-boards';
import { BoardFreezeNotice } from './board-freeze-notice';
import { rankWithinLevel, unitLevels, type UnitLevel } from './unit-levels';

export const unitBoardPageSize = 50;

interface UnitStandingsPanelProps {
  contestId: string;
  canManage: boolean;
  orderBy: UnitBoardOrderBy;
  /** The chosen level (depth); undefined: the lowest level (grassroots unions), where collective prizes usually go. */
  depth: number | undefined;
  onChange: (changes: { orderBy?: UnitBoardOrderBy; depth?: number }) => void;
}

/** Units: participation per unit of one level of the tree, by participants or by rate, ranked within the level. */
export function UnitStandingsPanel({ contestId, canManage, orderBy, depth, onChange }: UnitStandingsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const board = useUnitBoard(contestId, orderBy);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [page, setPage] = useState(1);

  const entries = useMemo(() => board.data?.entries ?? [], [board.data]);
  const levels = useMemo(() => unitLevels(entries), [entries]);
  const level = levels.find((candidate) => candidate.depth === depth) ?? levels.at(-1);
  const ranked = useMemo(() => (level ? rankWithinLevel(entries, level.depth) : []), [entries, level]);
  const matching = useMemo(() => (deferredQuery.trim() ? ranked.filter((entry) => matchesSearch(entry.name, deferredQuery)) : ranked), [ranked, deferredQuery]);
  const pages = Math.max(1, Math.ceil(matching.length / unitBoardPageSize));
  const current = Math.min(page, pages);
  const shown = matching.slice((current - 1) * unitBoardPageSize, current * unitBoardPageSize);
  const levelText = (candidate: UnitLevel) => t('board.levelOption', { n: candidate.depth + 1, units: formatNumber(candidate.count), example: candidate.example });

  let body;
  if (board.isPending) {
    body = (
      <p role="status" className="notice">
        {t('display.loading')}
      </p>
    );
  } else if (board.isError && !board.data) {
    body = <ErrorNotice title={t('display.loadFailed')} message={errorMessage(board.error)} onRetry={() => void board.refetch()} retrying={board.isFetching} />;
  } else if (entries.length === 0) {
    body = <p className="notice empty-state">{t('board.unitsEmpty')}</p>;
  } else if (matching.length === 0) {
    body = <p className="notice">{t('units.noMatch')}</p>;
  } else {
    const first = (current - 1) * unitBoardPageSize;
    body = (
      <>
        <div className="table-scroll">
          <table className="data-table stack-table" aria-busy={board.isFetching}>
            <caption className="visually-hidden">{t('board.unitsCaption', { level: level ? t('board.level', { n: level.depth + 1 }) : '' })}</caption>
            <thead>
              <tr>
                <th scope="col" className="data-table__number">
                  {t('display.columns.rank')}
                </th>
                <th scope="col">{t('board.unit')}</th>
                <th scope="col" className="data-table__number">
                  {t('board.participants')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('board.members')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('board.rate')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('board.averageScore')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.unitId}>
                  <td className="data-table__number stack-table__rank" data-label={t('display.columns.rank')}>
                    {formatNumber(entry.rank)}
                  </td>
                  <th scope="row" className="stack-table__main">
                    {entry.name}
                  </th>
                  <td className="data-table__number" data-label={t('board.participants')}>
                    {formatNumber(entry.participants)}
                  </td>
                  <td className="data-table__number" data-label={t('board.members')}>
                    {formatNumber(entry.memberCount)}
                  </td>
                  <td className="data-table__number" data-label={t('board.rate')}>
                    {formatRate(entry.participationRate)}
                  </td>
                  <td className="data-table__number" data-label={t('board.averageScore')}>
                    {formatNumber(entry.averageScore)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          label={t('board.unitsPages')}
          status={t('board.range', { first: formatNumber(first + 1), last: formatNumber(first + shown.length), total: formatNumber(matching.length) })}
          canPrevious={current > 1}
          canNext={current < pages}
          onPrevious={() => {
            setPage(current - 1);
          }}
          onNext={() => {
            setPage(current + 1);
          }}
        />
      </>
    );
  }

  return (
    <div className="board-panel">
      <p className="field__hint">{t('board.unitsHint')}</p>
      {board.data && <BoardFreezeNotice frozen={board.data.frozen} frozenAt={board.data.frozenAt} />}
      <div className="form__row board-panel__controls">
        {levels.length > 0 && (
          <FieldFrame label={t('board.levelLabel')} hint={t('board.levelHint')}>
            {(control) => (
              // An option names an example unit and runs wider than a phone: the chosen one is also
              // written over the select, wrapping (styles.css .level-select); the select stays the control.
              <div className="level-select">
                <select
                  {...control}
                  className="field__input level-select__control"
                  value={level ? String(level.depth) : ''}
                  onChange={(event) => {
                    setPage(1);
                    onChange({ depth: Number(event.target.value) });
                  }}
                >
                  {levels.map((candidate) => (
                    <option key={candidate.depth} value={candidate.depth}>
                      {levelText(candidate)}
                    </option>
                  ))}
                </select>
                <span className="level-select__face" aria-hidden="true">
                  {level && levelText(level)}
                </span>
              </div>
            )}
          </FieldFrame>
        )}
        <fieldset className="field choice-group">
          <legend className="field__label">{t('board.orderBy')}</legend>
          <div className="choice-group__items">
            {UnitBoardOrders.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${id}-order`}
                  checked={orderBy === value}
                  onChange={() => {
                    setPage(1);
                    onChange({ orderBy: value });
                  }}
                />
                <span>{t(`board.by.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {entries.length > 0 && (
        <TextField
          label={t('board.unitSearch')}
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setPage(1);
            setQuery(event.target.value);
          }}
        />
      )}
      {canManage && <DownloadButton label={t('board.exportUnits')} download={() => leaderboardApi.exportUnits(contestId, orderBy)} />}
      {body}
    </div>
  );
}
