import type { UnitResponse } from '@hoi-thi/contracts';
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { searchWords } from '../../../lib/search-text';
import { filterTreeRows, indexUnits, toTreeRows } from '../../auth';

/** Units shown at once under one parent (a province can have thousands): more on request. */
export const unitTreePageSize = 100;
/** Search results shown at once: the search narrows, nobody scrolls through more. */
export const unitSearchLimit = 200;

const rootKey = '';

export interface UnitTreeRowInfo {
  depth: number;
  childCount: number;
}

interface UnitTreeViewProps {
  units: readonly UnitResponse[];
  /** Search text: the matching units with their ancestors, as a flat indented list. Empty: the tree. */
  query: string;
  /** What the list is, for screen readers. */
  label: string;
  expanded: ReadonlySet<string>;
  onToggle: (unitId: string) => void;
  /** The row of a unit, after its expand button. */
  renderUnit: (unit: UnitResponse, info: UnitTreeRowInfo) => ReactNode;
  /** Under a unit's row, before its sub-units (an editor). */
  renderBelow?: (unit: UnitResponse) => ReactNode;
}

/**
 * The unit tree, rendered lazily: collapsed by default, each unit opened on demand, a hundred
 * sub-units at a time. A federation has thousands of units; a phone must never lay them all out.
 */
export function UnitTreeView({ units, query, label, expanded, onToggle, renderUnit, renderBelow }: UnitTreeViewProps) {
  const { t } = useTranslation();
  const index = useMemo(() => indexUnits(units), [units]);
  const words = searchWords(query).join(' ');
  const searching = words !== '';
  const rows = useMemo(() => (searching ? toTreeRows(units) : []), [units, searching]);
  const matches = useMemo(() => (words ? filterTreeRows(rows, words.split(' ')) : []), [rows, words]);
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map());

  const childCount = (unitId: string) => index.children.get(unitId)?.length ?? 0;

  if (searching) {
    const visible = matches.slice(0, unitSearchLimit);
    if (visible.length === 0) return <p className="notice">{t('units.noMatch')}</p>;
    return (
      <>
        <ul className="unit-tree unit-tree--flat" aria-label={label}>
          {visible.map(({ unit, depth }) => (
            <li key={unit.id} className="unit-tree__item" style={{ '--depth': depth } as CSSProperties}>
              <div className="unit-tree__row">{renderUnit(unit, { depth, childCount: childCount(unit.id) })}</div>
              {renderBelow?.(unit)}
            </li>
          ))}
        </ul>
        {matches.length > visible.length && <p className="field__hint">{t('units.truncated', { shown: formatNumber(visible.length), total: formatNumber(matches.length) })}</p>}
      </>
    );
  }

  const level = (parentId: string | null, depth: number): ReactNode => {
    const siblings = index.children.get(parentId) ?? [];
    const key = parentId ?? rootKey;
    const limit = shown.get(key) ?? unitTreePageSize;
    const left = siblings.length - limit;
    return (
      <ul className="unit-tree" aria-label={depth === 0 ? label : undefined}>
        {siblings.slice(0, limit).map((unit) => {
          const count = childCount(unit.id);
          const open = count > 0 && expanded.has(unit.id);
          return (
            <li key={unit.id} className="unit-tree__item">
              <div className="unit-tree__row">
                {count > 0 ? (
                  <button
                    type="button"
                    className="unit-tree__toggle"
                    aria-expanded={open}
                    aria-label={t('unitTree.toggle', { name: unit.name, n: count })}
                    onClick={() => {
                      onToggle(unit.id);
                    }}
                  >
                    <span aria-hidden="true">{open ? '−' : '+'}</span>
                  </button>
                ) : (
                  <span className="unit-tree__leaf" aria-hidden="true" />
                )}
                {renderUnit(unit, { depth, childCount: count })}
              </div>
              {renderBelow?.(unit)}
              {open && level(unit.id, depth + 1)}
            </li>
          );
        })}
        {left > 0 && (
          <li className="unit-tree__more">
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setShown((current) => new Map(current).set(key, limit + unitTreePageSize));
              }}
            >
              {t('unitTree.showMore', { n: formatNumber(Math.min(left, unitTreePageSize)), left: formatNumber(left) })}
            </button>
          </li>
        )}
      </ul>
    );
  };

  return level(null, 0);
}

/** Which units are open in a tree (`initial` at first): toggled one by one, or opened along a path to show a unit. */
export function useExpandedUnits(initial: () => Iterable<string> = () => []) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initial()));
  return {
    expanded,
    toggle: (unitId: string) => {
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(unitId)) next.add(unitId);
        return next;
      });
    },
    open: (unitIds: readonly string[]) => {
      setExpanded((current) => new Set([...current, ...unitIds]));
    },
  };
}
