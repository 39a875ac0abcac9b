import type { UnitResponse } from '@hoi-thi/contracts';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber } from '../../../lib/format';
import { ancestorIds, indexUnits, useUnits, type UnitIndex } from '../../auth';
import { useDeleteUnit } from '../hooks/use-units-admin';
import { UnitForm } from './unit-form';
import { UnitTreeView, useExpandedUnits } from './unit-tree-view';
import { useDocumentTitle } from '../../../lib/use-document-title';

interface EditorProps {
  unit: UnitResponse;
  units: readonly UnitResponse[];
  index: UnitIndex;
  onDone: (message: string | null, show?: string | null) => void;
}

/** Under a unit's row: its form, and the ways to add a sub-unit or delete it. */
function UnitEditor({ unit, units, index, onDone }: EditorProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteUnit(unit.id);
  const [mode, setMode] = useState<'edit' | 'child'>('edit');
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="card unit-editor">
      {mode === 'edit' ? (
        <>
          <UnitForm
            units={units}
            index={index}
            unit={unit}
            onSaved={(saved, { parentId }) => {
              onDone(t('unitsAdmin.saved', { name: saved.name }), parentId);
            }}
            onCancel={() => {
              onDone(null);
            }}
          />
          <div className="toolbar unit-editor__more">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMode('child');
              }}
            >
              {t('unitsAdmin.addChild')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              {t('unitsAdmin.delete')}
            </button>
          </div>
          {remove.isError && <ErrorNotice title={t('unitsAdmin.deleteFailed')} message={errorMessage(remove.error)} />}
        </>
      ) : (
        <UnitForm
          units={units}
          index={index}
          parentId={unit.id}
          onSaved={(saved) => {
            onDone(t('unitsAdmin.created', { name: saved.name }), unit.id);
          }}
          onCancel={() => {
            setMode('edit');
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('unitsAdmin.deleteTitle', { name: unit.name })}
          confirmLabel={t('unitsAdmin.delete')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            remove.mutate(undefined, {
              onSuccess: () => {
                onDone(t('unitsAdmin.deleted', { name: unit.name }));
              },
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('unitsAdmin.deleteText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** `/admin/units`: the organisation tree — search, add, rename, member counts, move, delete; import by file. */
export function UnitsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('unitsAdmin.title'));
  const errorMessage = useErrorMessage();
  const units = useUnits();
  const list = useMemo(() => units.data ?? [], [units.data]);
  const index = useMemo(() => indexUnits(list), [list]);
  const { expanded, toggle, open } = useExpandedUnits();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  /** After a change: say what happened and open the branch where the unit now is. */
  const done = (message: string | null, show: string | null = null) => {
    setEditing(null);
    setAdding(false);
    setNotice(message);
    if (show) open([show, ...ancestorIds(index, show)]);
  };

  const totalMembers = list.reduce((sum, unit) => sum + unit.memberCount, 0);

  let body;
  if (units.isPending) {
    body = (
      <p role="status" className="notice">
        {t('units.loading')}
      </p>
    );
  } else if (units.isError) {
    body = <ErrorNotice title={t('units.loadFailed')} message={errorMessage(units.error)} onRetry={() => void units.refetch()} retrying={units.isFetching} />;
  } else if (list.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{t('unitsAdmin.empty')}</p>
        <p>{t('unitsAdmin.emptyHint')}</p>
      </div>
    );
  } else {
    body = (
      <UnitTreeView
        units={list}
        query={deferredQuery}
        label={t('unitsAdmin.treeLabel')}
        expanded={expanded}
        onToggle={toggle}
        renderUnit={(unit, { childCount }) => (
          <div className="unit-row">
            <span className="unit-row__name">{unit.name}</span>
            <span className="unit-row__meta">
              {t('unitsAdmin.members', { n: formatNumber(unit.memberCount) })}
              {childCount > 0 && ` · ${t('unitsAdmin.children', { n: formatNumber(childCount) })}`}
            </span>
            <button
              type="button"
              className="button button--ghost unit-row__action"
              aria-expanded={editing === unit.id}
              aria-label={t('unitsAdmin.editLabel', { name: unit.name })}
              onClick={() => {
                setNotice(null);
                setEditing((current) => (current === unit.id ? null : unit.id));
              }}
            >
              {t('unitsAdmin.edit')}
            </button>
          </div>
        )}
        renderBelow={(unit) => editing === unit.id && <UnitEditor key={unit.id} unit={unit} units={list} index={index} onDone={done} />}
      />
    );
  }

  return (
    <section className="page page--wide" aria-labelledby="units-title">
      <h1 id="units-title">{t('unitsAdmin.title')}</h1>
      <p className="page__intro">{t('unitsAdmin.intro')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          aria-expanded={adding}
          onClick={() => {
            setNotice(null);
            setAdding((value) => !value);
          }}
        >
          {t('unitsAdmin.add')}
        </button>
        <Link to="/admin/units/import" className="button button--secondary">
          {t('unitsAdmin.importLink')}
        </Link>
      </div>
      {adding && units.isSuccess && (
        <div className="card">
          <UnitForm units={list} index={index} parentId={null} onSaved={(saved, { parentId }) => done(t('unitsAdmin.created', { name: saved.name }), parentId)} onCancel={() => done(null)} />
        </div>
      )}
      <p className="status-slot" role="status">
        {notice && <span className="notice notice--success">{notice}</span>}
      </p>
      {list.length > 0 && (
        <>
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
          <p className="list-count">{t('unitsAdmin.count', { units: formatNumber(list.length), members: formatNumber(totalMembers) })}</p>
        </>
      )}
      {body}
    </section>
  );
}
