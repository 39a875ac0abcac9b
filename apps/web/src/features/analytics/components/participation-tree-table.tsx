import type { ParticipationRoundRef } from '@hoi-thi/contracts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber, formatRate } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { allExpandable, initiallyExpanded, visibleRows, type ParticipationTree } from './participation-model';

/** A search over 5,000 units can match most of them: beyond this many rows, ask for a narrower one. */
export const maxTreeRows = 300;

/** Every unit × every round, rolled up the tree: open and close branches, or search by name. */
export function ParticipationTreeTable({ tree, rounds }: { tree: ParticipationTree; rounds: readonly ParticipationRoundRef[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [expanded, setExpanded] = useState(() => initiallyExpanded(tree));
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query, 200);
  const rows = useMemo(() => visibleRows(tree, expanded, search), [tree, expanded, search]);
  const shown = rows.slice(0, maxTreeRows);

  const toggle = (unitId: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(unitId)) next.delete(unitId);
      else next.add(unitId);
      return next;
    });
  };

  return (
    <div className="tree-table">
      <div className="tree-table__tools">
        <div className="field tree-table__search">
          <label className="field__label" htmlFor={`${id}-search`}>
            {t('analytics.tree.search')}
          </label>
          <input
            id={`${id}-search`}
            className="field__input"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
            }}
          />
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setExpanded(allExpandable(tree));
            }}
          >
            {t('analytics.tree.expandAll')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setExpanded(new Set());
            }}
          >
            {t('analytics.tree.collapseAll')}
          </button>
        </div>
      </div>
      <p className="field__hint" role="status">
        {search.trim() ? t('analytics.tree.matches', { n: formatNumber(rows.filter((row) => row.match).length) }) : ''}
      </p>
      {rows.length === 0 ? (
        <p className="notice">{t('analytics.tree.noMatch')}</p>
      ) : (
        <div className="table-scroll tree-table__scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
          <table className="data-table tree-table__table">
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('analytics.tree.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="tree-table__unit">
                  {t('analytics.table.unit')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('analytics.table.members')}
                </th>
                {rounds.map((round) => (
                  <th key={round.id} scope="col" className="data-table__number">
                    {round.title}
                  </th>
                ))}
                <th scope="col" className="data-table__number">
                  {t('analytics.table.allRounds')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ node, expanded: open, match }) => (
                <tr key={node.unit.unitId} data-match={match || undefined} data-depth={node.depth}>
                  <th scope="row" className="tree-table__unit" style={{ paddingLeft: `calc(${String(node.depth)} * 1rem + 0.5rem)` }}>
                    {node.children.length > 0 && !search.trim() ? (
                      <button
                        type="button"
                        className="tree-table__toggle"
                        aria-expanded={open}
                        aria-label={t(open ? 'analytics.tree.collapse' : 'analytics.tree.expand', { unit: node.unit.name })}
                        onClick={() => {
                          toggle(node.unit.unitId);
                        }}
                      >
                        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                      </button>
                    ) : (
                      <span className="tree-table__leaf" aria-hidden="true" />
                    )}
                    <span className="tree-table__name">{node.unit.name}</span>
                  </th>
                  <td className="data-table__number">{formatNumber(node.unit.memberCount)}</td>
                  {node.unit.rounds.map((round) => (
                    <td key={round.roundId} className="data-table__number">
                      <span className="tree-table__count">{formatNumber(round.participants)}</span>
                      <span className="tree-table__rate">{formatRate(round.participationRate)}</span>
                    </td>
                  ))}
                  <td className="data-table__number">
                    <span className="tree-table__count">{formatNumber(node.unit.participants)}</span>
                    <span className="tree-table__rate">{formatRate(node.unit.participationRate)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > maxTreeRows && <p className="notice">{t('analytics.tree.tooMany', { shown: formatNumber(maxTreeRows), n: formatNumber(rows.length) })}</p>}
    </div>
  );
}
