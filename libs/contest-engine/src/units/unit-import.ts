/**
 * The unit tree from a spreadsheet (API.md "Units": `POST /api/units/import`): one row per unit with
 * its name, its parent's name and its member count. Pure: the rows and the existing tree in, a plan
 * (units to create, parents first; member counts to update) or the problems out. A federation has
 * thousands of grassroots units, and names repeat across the tree ("CĐCS Trường THCS Lê Lợi"), so a
 * unit is known by its name under its parent, and a parent's name must point at exactly one unit.
 */

export const UNIT_NAME_MAX = 300;
export const UNIT_MEMBER_COUNT_MAX = 10_000_000;

/** The file's columns, as the template and API.md name them. */
export const UnitImportColumns = { name: 'Tên đơn vị', parent: 'Đơn vị cấp trên', memberCount: 'Số đoàn viên' } as const;

export type UnitImportField = keyof typeof UnitImportColumns;

export interface UnitImportRow {
  /** The row's number in the file (1 = the header). */
  line: number;
  name: string;
  parentName: string;
  /** As typed: digits, or digits grouped by dots, commas or spaces ("1.250"); empty = unchanged (0 for a new unit). */
  memberCount: string;
}

export interface ExistingUnit {
  id: string;
  name: string;
  parentId: string | null;
  memberCount: number;
}

export const UnitImportCodes = [
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'MEMBER_COUNT_INVALID',
  'PARENT_NOT_FOUND',
  'PARENT_AMBIGUOUS',
  'UNIT_AMBIGUOUS',
  'DUPLICATE_ROW',
  'PARENT_INVALID',
  'CYCLE',
] as const;
export type UnitImportCode = (typeof UnitImportCodes)[number];

export interface UnitImportIssue {
  line: number;
  field?: UnitImportField;
  code: UnitImportCode;
  params?: Record<string, string | number>;
}

/** A unit to create: its parent is an existing unit (`parentId`), another new one (`parentLine`) or none. */
export interface PlannedUnit {
  line: number;
  name: string;
  memberCount: number;
  parentId: string | null;
  parentLine: number | null;
}

export interface UnitImportPlan {
  /** Parents before their children. */
  create: PlannedUnit[];
  /** Existing units whose member count changes. */
  update: { line: number; id: string; memberCount: number }[];
  issues: UnitImportIssue[];
}

/** How names are compared: Unicode NFC, spaces collapsed, no case (diacritics matter: "Hà" is not "Ha"). */
export function unitNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}

/** "1250", "1.250", "1,250", "1 250" → 1250; "" → null; anything else (or too big) → undefined. */
export function parseMemberCount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const digits = /^\d+$/u.test(trimmed) ? trimmed : /^\d{1,3}([.,\s]\d{3})+$/u.test(trimmed) ? trimmed.replace(/[.,\s]/gu, '') : null;
  if (digits === null) return undefined;
  const value = Number(digits);
  return value <= UNIT_MEMBER_COUNT_MAX ? value : undefined;
}

interface Candidate {
  existing?: ExistingUnit;
  row?: RowState;
}

interface RowState {
  row: UnitImportRow;
  name: string;
  memberCount: number | null;
  match: ExistingUnit | null;
  parent: Candidate | null;
}

export function planUnitImport(rows: UnitImportRow[], existing: ExistingUnit[]): UnitImportPlan {
  const issues: UnitImportIssue[] = [];
  const byId = new Map(existing.map((unit) => [unit.id, unit]));
  const parentKeyOf = (unit: ExistingUnit) => (unit.parentId ? unitNameKey(byId.get(unit.parentId)?.name ?? '') : '');
  const existingByName = group(existing, (unit) => unitNameKey(unit.name));

  // 1. Each row on its own: a name, a count; the existing unit it is (same name under a parent of that name).
  const valid: RowState[] = [];
  for (const row of rows) {
    const name = row.name.normalize('NFC').trim().replace(/\s+/gu, ' ');
    const memberCount = parseMemberCount(row.memberCount);
    let ok = true;
    if (!name) ok = push(issues, { line: row.line, field: 'name', code: 'NAME_REQUIRED' });
    else if (name.length > UNIT_NAME_MAX) ok = push(issues, { line: row.line, field: 'name', code: 'NAME_TOO_LONG', params: { max: UNIT_NAME_MAX } });
    if (memberCount === undefined) ok = push(issues, { line: row.line, field: 'memberCount', code: 'MEMBER_COUNT_INVALID', params: { max: UNIT_MEMBER_COUNT_MAX } });
    if (!ok) continue;
    const parentKey = unitNameKey(row.parentName);
    const matches = (existingByName.get(unitNameKey(name)) ?? []).filter((unit) => parentKeyOf(unit) === parentKey);
    if (matches.length > 1) {
      push(issues, { line: row.line, field: 'name', code: 'UNIT_AMBIGUOUS', params: { name, count: matches.length } });
      continue;
    }
    valid.push({ row, name, memberCount: memberCount ?? null, match: matches[0] ?? null, parent: null });
  }

  // 2. The same unit twice in the file.
  const seen = new Map<string, number>();
  const distinct = valid.filter((state) => {
    const key = `${unitNameKey(state.row.parentName)}\u0000${unitNameKey(state.name)}`;
    const first = seen.get(key);
    if (first !== undefined) return push(issues, { line: state.row.line, field: 'name', code: 'DUPLICATE_ROW', params: { line: first } });
    seen.set(key, state.row.line);
    return true;
  });

  // 3. Each new unit's parent: the one unit (existing, or new in this file) with that name.
  const newByName = group(
    distinct.filter((state) => !state.match),
    (state) => unitNameKey(state.name),
  );
  const toCreate: RowState[] = [];
  for (const state of distinct) {
    if (state.match) continue;
    const parentKey = unitNameKey(state.row.parentName);
    if (parentKey) {
      const candidates: Candidate[] = [
        ...(existingByName.get(parentKey) ?? []).map((unit) => ({ existing: unit })),
        ...(newByName.get(parentKey) ?? []).filter((other) => other !== state).map((other) => ({ row: other })),
      ];
      if (candidates.length === 0) {
        push(issues, { line: state.row.line, field: 'parent', code: 'PARENT_NOT_FOUND', params: { name: state.row.parentName.trim() } });
        continue;
      }
      if (candidates.length > 1) {
        push(issues, { line: state.row.line, field: 'parent', code: 'PARENT_AMBIGUOUS', params: { name: state.row.parentName.trim(), count: candidates.length } });
        continue;
      }
      state.parent = candidates[0];
    }
    toCreate.push(state);
  }

  // 4. Parents first; new units that only lead to each other (or to a refused row) form no tree.
  const create: PlannedUnit[] = [];
  const placed = new Set<RowState>();
  let pending = toCreate;
  while (pending.length) {
    const ready = pending.filter((state) => !state.parent?.row || placed.has(state.parent.row));
    if (!ready.length) break;
    for (const state of ready) {
      placed.add(state);
      create.push({
        line: state.row.line,
        name: state.name,
        memberCount: state.memberCount ?? 0,
        parentId: state.parent?.existing?.id ?? null,
        parentLine: state.parent?.row?.row.line ?? null,
      });
    }
    pending = pending.filter((state) => !placed.has(state));
  }
  for (const state of pending) {
    const parentRow = state.parent!.row!;
    const refused = !toCreate.includes(parentRow);
    push(
      issues,
      refused
        ? { line: state.row.line, field: 'parent', code: 'PARENT_INVALID', params: { line: parentRow.row.line } }
        : { line: state.row.line, field: 'parent', code: 'CYCLE', params: { name: state.row.parentName.trim() } },
    );
  }

  const update = distinct
    .filter((state) => state.match && state.memberCount !== null && state.memberCount !== state.match.memberCount)
    .map((state) => ({ line: state.row.line, id: state.match!.id, memberCount: state.memberCount! }));
  issues.sort((a, b) => a.line - b.line);
  return { create, update, issues };
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/** Records an issue; false, so `ok = push(…)` reads as "not ok". */
function push(issues: UnitImportIssue[], issue: UnitImportIssue): false {
  issues.push(issue);
  return false;
}
