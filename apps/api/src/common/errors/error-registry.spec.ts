/**
 * The error registries, checked on the source: every code a service throws is in some catalog (a
 * module's `<module>.errors.ts` or common's), no code is in two, every registered code has both
 * languages, and the contracts' codes keep the status the client expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { EngineErrorCodes } from '@hoi-thi/contest-engine';
import { ErrorCodes, ErrorStatuses } from '@hoi-thi/contracts';
import { catalogKeys, translate } from '../i18n/messages.js';
import { RateLimitedError } from './domain-error.js';
import { defineErrors, registerErrors, registeredErrors, type ErrorCatalog } from './error-registry.js';
import { statusForCode } from './error-status.js';

const API = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Codes written at throw sites: `new DomainError('X.Y'`, `RateLimitedError(n, 'X.Y'`, `Catalog.error('X.Y'`, `Catalog.rateLimited('X.Y'`. */
const THROWN = [/DomainError\(\s*'([A-Z_.]+)'/g, /RateLimitedError\([^,()]+,\s*'([A-Z_.]+)'/g, /Errors\.(?:error|rateLimited)\(\s*'([A-Z_.]+)'/g];

/** Every catalog a `*.errors.ts` file exports, by file: importing them also registers them, as at boot. */
const catalogs = new Map<string, ErrorCatalog<string>>();

beforeAll(async () => {
  for (const file of sources(API).filter((path) => path.endsWith('.errors.ts'))) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (value && typeof value === 'object' && 'specs' in value && 'error' in value) {
        catalogs.set(`${relative(API, file)}#${name}`, value as ErrorCatalog<string>);
      }
    }
  }
});

describe('error registry', () => {
  it('finds the module catalogs', () => {
    expect([...catalogs.keys()]).toEqual(
      expect.arrayContaining([
        'modules/units/units.errors.ts#UnitErrors',
        'modules/attempts/attempts.errors.ts#AttemptErrors',
        'modules/auth/auth.errors.ts#AuthErrors',
        'modules/contests/contests.errors.ts#ContestErrors',
        'modules/leaderboards/leaderboards.errors.ts#LeaderboardErrors',
        'modules/essays/essays.errors.ts#EssayErrors',
        'common/errors/upload.errors.ts#UploadErrors',
        'common/errors/generic.errors.ts#GenericErrors',
      ]),
    );
  });

  it('registers no code in two catalogs', () => {
    const owners = new Map<string, string[]>();
    for (const [name, catalog] of catalogs) {
      for (const code of Object.keys(catalog.specs)) owners.set(code, [...(owners.get(code) ?? []), name]);
    }
    const twice = [...owners].filter(([, where]) => where.length > 1).map(([code, where]) => `${code}: ${where.join(', ')}`);
    expect(twice).toEqual([]);
    expect(() => registerErrors({ 'UNIT.CYCLE': { status: 400, vi: 'x', en: 'x' } })).toThrow('UNIT.CYCLE is registered twice');
  });

  it('knows every code thrown in apps/api/src and by the engine, with a message in both languages', () => {
    const thrown = new Map<string, string>();
    for (const file of sources(API)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of THROWN) {
        for (const match of text.matchAll(pattern)) thrown.set(match[1], relative(API, file));
      }
    }
    for (const code of Object.values(EngineErrorCodes)) thrown.set(code, '@hoi-thi/contest-engine');
    expect(thrown.size).toBeGreaterThan(60);
    const registered = new Set(registeredErrors().map((error) => error.code));
    const unknown = [...thrown]
      .filter(([code]) => !registered.has(code))
      .filter(([code]) => code !== 'LEADERBOARD.OUT_OF_RANGE') // a programming error: unregistered, so a logged 500 INTERNAL
      .map(([code, file]) => `${code} (${file})`);
    expect(unknown).toEqual([]);
    const untranslated = [...thrown.keys()]
      .filter((code) => registered.has(code))
      .filter((code) => !translate('vi', code) || !translate('en', code));
    expect(untranslated).toEqual([]);
  });

  it('has every registered code in both languages with the same placeholders and an error status', () => {
    for (const { code, status, vi, en } of registeredErrors()) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ code, vi: vi.trim().length > 0, en: en.trim().length > 0, same: placeholders(vi) }).toEqual({
        code,
        vi: true,
        en: true,
        same: placeholders(en),
      });
      expect(status >= 400 && status <= 599).toBe(true);
    }
    const { vi, en } = catalogKeys();
    expect([...en].sort()).toEqual([...vi].sort());
  });

  it('gives a registered code its status and message, with no suffix guess', () => {
    expect(statusForCode('UNIT_IMPORT.INVALID')).toBe(400);
    expect(statusForCode('CERTIFICATE.NOT_PARTICIPANT')).toBe(404);
    expect(statusForCode('IMPORT.NOT_MULTIPART')).toBe(415);
    expect(translate('en', 'ATTEMPT.LIMIT_REACHED', { maxAttempts: 3 })).toBe('You have used all 3 attempts of this round.');
    expect(translate('vi', 'UNIT_IMPORT.DUPLICATE_ROW', { line: 4 })).toBe('Đơn vị này đã có ở dòng 4.');
    expect(translate('en', 'IMPORT.EMPTY_FILE')).toBe('The file contains no questions.');
    expect(statusForCode('ROUND.NOT_ESSAY')).toBe(409);
    expect(translate('en', 'ENTRY.TOO_FEW_WORDS', { wordCount: 80, limit: 100 })).toBe('The essay has 80 words, fewer than the minimum of 100.');
    expect(statusForCode('STREAM.TOO_MANY')).toBe(503);
    expect(statusForCode('SOMETHING.NOT_FOUND')).toBeUndefined();
  });

  it('builds typed errors, refusing a code of another catalog at compile time', () => {
    const catalog = defineErrors({ 'TEST.ONLY_HERE': { status: 418, vi: 'Ấm trà {n}.', en: 'Teapot {n}.' } });
    const error = catalog.error('TEST.ONLY_HERE', { n: 1 }, undefined, { extra: true });
    expect({ code: error.code, params: error.params, extra: error.extra }).toEqual({ code: 'TEST.ONLY_HERE', params: { n: 1 }, extra: { extra: true } });
    expect(statusForCode('TEST.ONLY_HERE')).toBe(418);
    const limited = catalog.rateLimited('TEST.ONLY_HERE', 7);
    expect({ limited: limited instanceof RateLimitedError, code: limited.code, seconds: limited.retryAfterSeconds, params: limited.params }).toEqual({
      limited: true,
      code: 'TEST.ONLY_HERE',
      seconds: 7,
      params: { seconds: 7 },
    });
    // @ts-expect-error 'UNIT.CYCLE' is not a code of this catalog
    expect(catalog.error('UNIT.CYCLE').code).toBe('UNIT.CYCLE');
  });
});

describe('contracts ErrorCodes', () => {
  it.each(Object.values(ErrorCodes))('%s is known to the API with the status the client expects and both messages', (code) => {
    expect({ status: statusForCode(code), vi: translate('vi', code) !== undefined, en: translate('en', code) !== undefined }).toEqual({
      status: ErrorStatuses[code],
      vi: true,
      en: true,
    });
  });
});
