import { useId, useState } from 'react';
import { currentLanguage, isLanguage, type Language, languages, useTranslation } from '../lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  // English is fetched when first chosen: the select shows the choice at once, the page switches
  // once its strings are in.
  const [pending, setPending] = useState<Language | null>(null);
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('app.languageLabel')}
      </label>
      <select
        id={id}
        className="language-switch__select"
        value={pending ?? currentLanguage()}
        aria-busy={pending !== null}
        onChange={(event) => {
          const language = event.target.value;
          if (!isLanguage(language)) return;
          setPending(language);
          void i18n.changeLanguage(language).finally(() => {
            setPending(null);
          });
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
