import { useSyncExternalStore } from 'react';
import type { LocalePart, StaffPart } from '../locales/parts';
import type vi from '../locales/vi.json';
import viMember from '../locales/vi.json?part=member';
import { safeStorage } from './storage';

/*
 * The client's strings, without i18next: what the app uses of it is a lookup by dotted key,
 * `{{name}}` placeholders, a fallback language and a language switch, which this file does in a
 * few dozen lines, where i18next and react-i18next were 16 KB (brotli) of a member's first load,
 * 0.4 s on slow 3G (README "First load"). The API keeps i18next's names (`t`, `changeLanguage`,
 * `exists`, `useTranslation`), so the screens and tests read as before.
 */

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'vi';

const storageKey = 'hoi-thi.language';

/** Every key of vi.json (whichever part it is loaded with): `t` refuses any other at compile time. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type TranslationKey = Leaves<typeof vi>;
export type TranslationParams = Record<string, string | number>;
export type TFunction = (key: TranslationKey, params?: TranslationParams) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language the UI shows now; the API client sends it as `Accept-Language`. */
export function currentLanguage(): Language {
  return i18n.language;
}

function storedLanguage(): Language {
  const stored = safeStorage.get(storageKey);
  return isLanguage(stored) ? stored : defaultLanguage;
}

type Strings = Record<string, unknown>;

/**
 * Where each part of each language comes from (locales/parts.ts): the Vietnamese member's part is
 * in the first chunk, every other one is a chunk of its own, fetched when first needed. Written
 * out one by one so that Vite sees every import.
 */
const partLoaders: Record<Language, Record<LocalePart, () => Promise<{ default: Strings }>>> = {
  vi: {
    member: () => Promise.resolve({ default: viMember }),
    organizer: () => import('../locales/vi.json?part=organizer'),
    judging: () => import('../locales/vi.json?part=judging'),
  },
  en: {
    member: () => import('../locales/en.json?part=member'),
    organizer: () => import('../locales/en.json?part=organizer'),
    judging: () => import('../locales/en.json?part=judging'),
  },
};

/** The parts the screens opened so far need, and the languages asked for so far (Vietnamese always: the fallback). */
const wantedParts = new Set<LocalePart>(['member']);
const wantedLanguages = new Set<Language>([defaultLanguage]);
const fetched = new Map<string, Promise<Strings>>();

function fetchPart(language: Language, part: LocalePart): Promise<Strings> {
  const key = `${language}/${part}`;
  let pending = fetched.get(key);
  if (!pending) {
    pending = partLoaders[language][part]().then((module) => module.default);
    // A chunk that could not be fetched (offline) is asked for again the next time.
    pending.catch(() => fetched.delete(key));
    fetched.set(key, pending);
  }
  return pending;
}

/** Every part wanted, including one an area asked for while these were on their way. */
async function fetchWantedParts(language: Language): Promise<Strings> {
  for (;;) {
    const parts = [...wantedParts];
    const strings = await Promise.all(parts.map((part) => fetchPart(language, part)));
    if (wantedParts.size === parts.length) return Object.assign({}, ...strings) as Strings;
  }
}

/**
 * The strings of a staff area, for every language asked for so far: its routes (app/router.tsx)
 * wait for them with their chunk, so a member's phone never downloads them.
 */
export async function loadLocaleParts(...parts: StaffPart[]): Promise<void> {
  for (const part of parts) wantedParts.add(part);
  await Promise.all(
    [...wantedLanguages].flatMap((language) =>
      parts.map(async (part) => {
        i18n.addResourceBundle(language, 'translation', await fetchPart(language, part));
      }),
    ),
  );
}

const placeholder = /\{\{\s*(\w+)\s*\}\}/g;

function lookup(strings: Strings | undefined, key: string): string | undefined {
  let node: unknown = strings;
  for (const segment of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Strings)[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Merges `extra` into `target` section by section (the parts of a language share no key, but a section may be split). */
function merge(target: Strings, extra: Strings): Strings {
  for (const [key, value] of Object.entries(extra)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && value !== null && typeof existing === 'object' && existing !== null ? merge({ ...(existing as Strings) }, value as Strings) : value;
  }
  return target;
}

type Listener = () => void;

/** The strings of every language loaded so far and the one shown; i18next's names for what the app calls. */
class Translations {
  language: Language = defaultLanguage;
  private readonly strings = new Map<Language, Strings>([[defaultLanguage, merge({}, viMember as Strings)]]);
  /** Languages whose every wanted part is in (an area's strings may arrive for a language before its member part). */
  private readonly complete = new Set<Language>([defaultLanguage]);
  private readonly listeners = new Set<Listener>();
  private readonly languageListeners = new Set<(language: Language) => void>();
  /** What `useTranslation` hands out: a new object (and `t`) on every change a screen must redraw for. */
  snapshot: { t: TFunction; i18n: Translations } = { t: (key, params) => this.t(key, params), i18n: this };

  /** The string for `key` in the language shown (Vietnamese if that has none), its `{{name}}` placeholders filled; the key itself if no language has it. */
  readonly t = (key: TranslationKey, params?: TranslationParams): string => {
    const text = lookup(this.strings.get(this.language), key) ?? lookup(this.strings.get(defaultLanguage), key);
    if (text === undefined) return key;
    return params ? text.replace(placeholder, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole)) : text;
  };

  exists(key: TranslationKey): boolean {
    return lookup(this.strings.get(this.language), key) !== undefined || lookup(this.strings.get(defaultLanguage), key) !== undefined;
  }

  hasResourceBundle(language: Language, _namespace: 'translation'): boolean {
    return this.strings.has(language);
  }

  addResourceBundle(language: Language, _namespace: 'translation', strings: Strings): void {
    this.strings.set(language, merge(this.strings.get(language) ?? {}, strings));
    this.changed();
  }

  /** The language asked for last: a switch whose strings arrive after a later choice does not undo it. */
  private requested: Language = defaultLanguage;

  /** Switches once the language's strings (every part wanted so far) are in; until then the page keeps the previous one. */
  async changeLanguage(language: Language): Promise<void> {
    this.requested = language;
    if (!this.complete.has(language)) {
      wantedLanguages.add(language);
      const strings = await fetchWantedParts(language);
      this.strings.set(language, merge(this.strings.get(language) ?? {}, strings));
      this.complete.add(language);
    }
    if (this.language === language || this.requested !== language) return;
    this.language = language;
    for (const listener of this.languageListeners) listener(language);
    this.changed();
  }

  on(_event: 'languageChanged', listener: (language: Language) => void): void {
    this.languageListeners.add(listener);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = { t: (key, params) => this.t(key, params), i18n: this };
    for (const listener of this.listeners) listener();
  }
}

export const i18n = new Translations();

i18n.on('languageChanged', (language) => {
  safeStorage.set(storageKey, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

/** Settles once the stored language's strings are in: main.tsx renders after it, so no key ever shows. A failed fetch leaves Vietnamese. */
export const i18nReady: Promise<unknown> = storedLanguage() === defaultLanguage ? Promise.resolve() : i18n.changeLanguage(storedLanguage()).catch(() => undefined);

/** `t` in the language shown, and `i18n`; the screen draws again when the language or its strings change. */
export function useTranslation(): { t: TFunction; i18n: Translations } {
  // A new `t` per change, so that what a screen memoizes with it is worded again.
  return useSyncExternalStore(i18n.subscribe, () => i18n.snapshot);
}
