import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocalePart, StaffPart } from '../locales/parts';
import type vi from '../locales/vi.json';
import viMember from '../locales/vi.json?part=member';
import { safeStorage } from './storage';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'vi';

const storageKey = 'hoi-thi.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Every key of vi.json, whichever part it is loaded with.
    resources: { translation: typeof vi };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language the UI shows now; the API client sends it as `Accept-Language`. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : defaultLanguage;
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
 * i18next asks for a language it has no strings for (English, when chosen or stored): it keeps
 * showing the previous one until they are in. `callback(error, true)` has i18next try again.
 */
const partsBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    wantedLanguages.add(language);
    fetchWantedParts(language).then(
      (strings) => {
        callback(null, strings);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : String(error), true);
      },
    );
  },
};

/**
 * The strings of a staff area, for every language asked for so far: its routes (app/router.tsx)
 * wait for them with their chunk, so a member's phone never downloads them.
 */
export async function loadLocaleParts(...parts: StaffPart[]): Promise<void> {
  for (const part of parts) wantedParts.add(part);
  await Promise.all(
    [...wantedLanguages].flatMap((language) =>
      parts.map(async (part) => {
        i18n.addResourceBundle(language, 'translation', await fetchPart(language, part), true, true);
      }),
    ),
  );
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  safeStorage.set(storageKey, language);
  document.documentElement.lang = language;
});

/** Settles once the stored language's strings are in: main.tsx renders after it, so no key ever shows. */
export const i18nReady: Promise<unknown> = i18n
  .use(partsBackend)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: viMember } },
    // Vietnamese members' strings come with the first chunk; the rest through partsBackend.
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: defaultLanguage,
    supportedLngs: languages,
    // Vietnamese is ready at once (tests render without waiting); English waits for its chunk.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
