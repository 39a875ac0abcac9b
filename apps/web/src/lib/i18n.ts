import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { safeStorage } from './storage';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'vi';

const storageKey = 'hoi-thi.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
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

const english: typeof vi = en;

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  safeStorage.set(storageKey, language);
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});
