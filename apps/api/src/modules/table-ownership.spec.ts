/**
 * "A module owns its tables" (docs/architecture.md), checked on the source: every table belongs to
 * the module that declares its entity, and SQL naming a table appears only in that module's files.
 * Another module reaches the table through the owner's services and ports, or, inside a statement
 * that must stay one round trip, through the owner's SQL port (`<module>/*.sql.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const API = join(import.meta.dirname, '..');
const MODULES = join(API, 'modules');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const moduleOf = (path: string): string | null => {
  const rel = relative(MODULES, path);
  return rel.startsWith('..') ? null : rel.split('/')[0];
};

function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const path of sources(MODULES)) {
    for (const [, table] of readFileSync(path, 'utf8').matchAll(/@Entity\('([a-z_]+)'/g)) owner.set(table, moduleOf(path)!);
  }
  return owner;
}

describe('table ownership', () => {
  it('finds the tables and their owners', () => {
    const owner = owners();
    expect(owner.get('attempts')).toBe('attempts');
    expect(owner.get('units')).toBe('units');
    expect(owner.get('rounds')).toBe('contests');
    expect(owner.size).toBeGreaterThan(15);
  });

  it('no file outside a module names its tables in SQL', () => {
    const owner = owners();
    const tables = [...owner.keys()].join('|');
    const sql = new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\\s+(${tables})\\b`, 'g');
    const found: string[] = [];
    for (const path of sources(API)) {
      const module = moduleOf(path);
      for (const [, table] of readFileSync(path, 'utf8').matchAll(sql)) {
        if (owner.get(table) !== module) found.push(`${relative(API, path)} → ${table} (owned by ${owner.get(table)})`);
      }
    }
    expect([...new Set(found)].sort()).toEqual([]);
  });
});
