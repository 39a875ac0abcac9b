import type { UnitResponse, UpdateUnitRequest } from '@hoi-thi/contracts';
import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TextField } from '../../../components/text-field';
import { focusFirstInvalid, splitFieldErrors } from '../../../lib/form-errors';
import { parseWhole } from '../../../lib/form-values';
import { descendantIds, UnitPicker, type UnitIndex } from '../../auth';
import { useCreateUnit, useUpdateUnit } from '../hooks/use-units-admin';

const fields = ['name', 'parentId', 'memberCount'] as const;
const maxMembers = 10_000_000;

interface UnitFormProps {
  units: readonly UnitResponse[];
  index: UnitIndex;
  /** Editing this unit; without it, a new unit. */
  unit?: UnitResponse;
  /** A new unit's parent to start with (null: the top level). */
  parentId?: string | null;
  onSaved: (saved: UnitResponse, change: { created: boolean; parentId: string | null }) => void;
  onCancel: () => void;
}

/**
 * A unit's name, member count and parent: adds a unit, or changes one (a new parent moves it with
 * its whole branch; the server refuses a move under its own branch with 409 UNIT.CYCLE).
 */
export function UnitForm({ units, index, unit, parentId: initialParent = null, onSaved, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateUnit();
  const update = useUpdateUnit(unit?.id ?? '');
  const mutation = unit ? update : create;

  const [name, setName] = useState(unit?.name ?? '');
  const [memberCount, setMemberCount] = useState(unit ? String(unit.memberCount) : '');
  const [parentId, setParentId] = useState<string | null>(unit ? unit.parentId : initialParent);
  const [choosingParent, setChoosingParent] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; memberCount?: string; parentId?: string }>({});
  const server = splitFieldErrors(mutation.error, fields);

  // A unit cannot go under itself or its own branch: those are not offered.
  const parentChoices = useMemo(() => {
    if (!unit) return units;
    const excluded = descendantIds(index, unit.id).add(unit.id);
    return units.filter((candidate) => !excluded.has(candidate.id));
  }, [units, index, unit]);
  const parentName = parentId !== null ? index.byId.get(parentId)?.name : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const count = memberCount.trim() === '' ? undefined : parseWhole(memberCount);
    const problems: typeof errors = {};
    if (!trimmed) problems.name = t('auth.validation.required');
    if (count === null || (count !== undefined && count > maxMembers)) problems.memberCount = t('unitsAdmin.form.memberCountRule');
    if (unit && count === undefined) problems.memberCount = t('auth.validation.required');
    if (choosingParent && parentId === '') problems.parentId = t('unitsAdmin.form.chooseParent');
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    const parent = parentId === '' ? null : parentId;
    if (unit) {
      const changes: UpdateUnitRequest = {
        ...(trimmed !== unit.name ? { name: trimmed } : {}),
        ...(count !== undefined && count !== null && count !== unit.memberCount ? { memberCount: count } : {}),
        ...(parent !== unit.parentId ? { parentId: parent } : {}),
      };
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      update.mutate(changes, { onSuccess: (saved) => onSaved(saved, { created: false, parentId: parent }) });
    } else {
      create.mutate(
        { name: trimmed, ...(parent !== null ? { parentId: parent } : {}), ...(count != null ? { memberCount: count } : {}) },
        { onSuccess: (saved) => onSaved(saved, { created: true, parentId: parent }) },
      );
    }
  };

  const title = unit
    ? t('unitsAdmin.form.editTitle', { name: unit.name })
    : initialParent !== null && index.byId.has(initialParent)
      ? t('unitsAdmin.form.childTitle', { parent: index.byId.get(initialParent)?.name ?? '' })
      : t('unitsAdmin.form.newTitle');

  return (
    <form ref={formRef} className="form unit-form" onSubmit={submit} noValidate aria-label={title}>
      <h3 className="unit-form__title">{title}</h3>
      <fieldset className="form__fieldset" disabled={mutation.isPending}>
        <div className="form__row">
          <TextField
            label={t('unitsAdmin.form.name')}
            value={name}
            maxLength={300}
            autoComplete="off"
            onChange={(event) => {
              setName(event.target.value);
            }}
            error={errors.name ?? server.fieldErrors.name}
          />
          <TextField
            label={t('unitsAdmin.form.memberCount')}
            hint={t('unitsAdmin.form.memberCountHint')}
            inputMode="numeric"
            value={memberCount}
            onChange={(event) => {
              setMemberCount(event.target.value);
            }}
            error={errors.memberCount ?? server.fieldErrors.memberCount}
          />
        </div>

        <div className="field unit-form__parent">
          <p className="field__label">{t('unitsAdmin.form.parent')}</p>
          <p>{parentName ?? t('unitsAdmin.form.topLevel')}</p>
          {!choosingParent ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setChoosingParent(true);
              }}
            >
              {unit ? t('unitsAdmin.form.move') : t('unitsAdmin.form.changeParent')}
            </button>
          ) : (
            <>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={parentId === null}
                  onChange={(event) => {
                    setParentId(event.target.checked ? null : '');
                  }}
                />
                <span>{t('unitsAdmin.form.makeTopLevel')}</span>
              </label>
              {parentId !== null && (
                <UnitPicker
                  label={t('unitsAdmin.form.newParent')}
                  units={parentChoices}
                  value={parentId}
                  onChange={setParentId}
                  error={errors.parentId ?? server.fieldErrors.parentId}
                />
              )}
              {unit && <p className="field__hint">{t('unitsAdmin.form.moveHint')}</p>}
            </>
          )}
        </div>

        {mutation.isError && <FormErrorAlert error={mutation.error} otherDetails={server.otherDetails} />}
        <div className="toolbar">
          <button type="submit" className="button button--primary">
            {mutation.isPending ? t('common.saving') : unit ? t('common.save') : t('unitsAdmin.form.create')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
