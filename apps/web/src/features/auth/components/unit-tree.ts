import type { UnitResponse } from '@hoi-thi/contracts';
import { foldForSearch } from '../../../lib/search-text';

export interface UnitRow {
  unit: UnitResponse;
  depth: number;
  parentId: string | null;
  /** The name folded for searching (see foldForSearch). */
  folded: string;
}

export interface UnitIndex {
  byId: Map<string, UnitResponse>;
  /** Parent id (null: the top level) → its units, by name. A unit whose parent is missing counts as top level. */
  children: Map<string | null, UnitResponse[]>;
}

/** The units by id and by parent, siblings by name. */
export function indexUnits(units: readonly UnitResponse[]): UnitIndex {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string | null, UnitResponse[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(unit);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { byId, children };
}

/** Every unit below `unitId` (not itself); a cycle in the data cannot loop. */
export function descendantIds(index: UnitIndex, unitId: string): Set<string> {
  const found = new Set<string>();
  const stack = [...(index.children.get(unitId) ?? [])];
  while (stack.length > 0) {
    const unit = stack.pop()!;
    if (found.has(unit.id) || unit.id === unitId) continue;
    found.add(unit.id);
    stack.push(...(index.children.get(unit.id) ?? []));
  }
  return found;
}

/** The units above `unitId`, nearest first; stops at a cycle. */
export function ancestorIds(index: UnitIndex, unitId: string): string[] {
  const found: string[] = [];
  let current = index.byId.get(unitId)?.parentId ?? null;
  while (current !== null && index.byId.has(current) && !found.includes(current) && current !== unitId) {
    found.push(current);
    current = index.byId.get(current)?.parentId ?? null;
  }
  return found;
}

/**
 * Orders a flat unit list as a tree, depth first, siblings by name.
 * A unit whose parent is missing from the list is shown as a root, and a cycle in the
 * data cannot loop: each unit is placed once.
 */
export function toTreeRows(units: readonly UnitResponse[]): UnitRow[] {
  const { children } = indexUnits(units);
  const rows: UnitRow[] = [];
  const placed = new Set<string>();
  const visit = (unit: UnitResponse, depth: number, parentId: string | null) => {
    if (placed.has(unit.id)) return;
    placed.add(unit.id);
    rows.push({ unit, depth, parentId, folded: foldForSearch(unit.name) });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1, unit.id);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, null);
  // Units only reachable through a cycle have no root above them; list them at the top level.
  for (const unit of units) visit(unit, 0, null);
  return rows;
}

/** The rows whose name contains every search word, with their ancestors for context, in tree order. */
export function filterTreeRows(rows: readonly UnitRow[], words: readonly string[]): UnitRow[] {
  if (words.length === 0) return [...rows];
  const byId = new Map(rows.map((row) => [row.unit.id, row]));
  const keep = new Set<string>();
  for (const row of rows) {
    if (!words.every((word) => row.folded.includes(word))) continue;
    let current: UnitRow | undefined = row;
    while (current && !keep.has(current.unit.id)) {
      keep.add(current.unit.id);
      current = current.parentId !== null ? byId.get(current.parentId) : undefined;
    }
  }
  return rows.filter((row) => keep.has(row.unit.id));
}
