import { describe, expect, it } from 'vitest';
import en from './en.json';
import { localePartNames, pickLocalePart, staffParts } from './parts';
import vi from './vi.json';

// English has every key of Vietnamese as far as the compiler sees (the test below checks both ways).
const english: typeof vi = en;

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe('locales', () => {
  it('English has exactly the keys of Vietnamese', () => {
    expect(keys(english).sort()).toEqual(keys(vi).sort());
  });

  it('no text is left empty', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [String(value)];
    expect([...texts(vi), ...texts(en)].filter((text) => text.trim() === '')).toEqual([]);
  });
});

describe('locale parts', () => {
  it('every section is in exactly one part, so the parts together are the whole file', () => {
    for (const strings of [vi, en]) {
      const parts = localePartNames.map((part) => pickLocalePart(strings, part));
      expect(parts.flatMap((part) => Object.keys(part)).sort()).toEqual(Object.keys(strings).sort());
      expect(Object.assign({}, ...parts)).toEqual(strings);
    }
  });

  it('a staff part names only sections that exist', () => {
    expect(Object.values(staffParts).flat().filter((section) => !(section in vi))).toEqual([]);
  });

  it('the member part leaves out the organizer and judge sections', () => {
    const member = pickLocalePart(vi, 'member');
    expect(member).toHaveProperty('attempt');
    expect(member).not.toHaveProperty('bank');
    expect(member).not.toHaveProperty('judging');
    expect(Object.keys(pickLocalePart(vi, 'judging'))).toEqual(['judging']);
  });
});

/**
 * Which parts the strings a file uses must be in: the member's part is always loaded; a staff area's
 * part only once its route has loaded it (app/router.tsx: `/admin` the organizer part, `/judging`
 * the judging part). A key outside them would show as the key itself on a member's page.
 */
const loadedParts = (path: string): string[] => {
  if (path.startsWith('../features/judging/')) return ['member', 'judging'];
  const organizer = /^\.\.\/features\/(question-bank|contest-admin|round-ops|analytics|duplicate-accounts|units-admin|users-admin|audit-log)\//;
  if (organizer.test(path) || path === '../app/admin-layout.tsx') return ['member', 'organizer'];
  return ['member'];
};

describe('the strings each screen uses', () => {
  const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**', '!../**/*.d.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const partOf = new Map(localePartNames.flatMap((part) => Object.keys(pickLocalePart(vi, part)).map((section) => [section, part])));

  it('reads the sources (the glob finds the features)', () => {
    expect(Object.keys(sources)).toContain('../features/judging/index.ts');
    expect(Object.keys(sources)).toContain('../app/layout.tsx');
  });

  it('come from the parts loaded where the file is used', () => {
    const misplaced: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      const allowed = loadedParts(path);
      // A key's first section in a string or template literal: t('bank.title'), `bank.kind.${kind}`.
      for (const [, section] of source.matchAll(/['"`]([A-Za-z]+)\.[A-Za-z$]/g)) {
        const part = section === undefined ? undefined : partOf.get(section);
        if (part !== undefined && !allowed.includes(part)) misplaced.push(`${path}: ${section}.* is in the ${part} part`);
      }
    }
    expect([...new Set(misplaced)]).toEqual([]);
  });
});
