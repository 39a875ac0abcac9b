import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';

/** The page crawlers read (Open Graph tags), served by the API outside the client. */
export function shareUrl(roundId: string, userId: string, origin: string = window.location.origin): string {
  const language = currentLanguage();
  return `${origin}/share/rounds/${roundId}/${userId}${language === 'vi' ? '' : `?lang=${language}`}`;
}

/** A link to the member's best result in the round, for Facebook, Zalo and the rest. */
export function SharePanel({ roundId, userId, text }: { roundId: string; userId: string; text: string }) {
  const { t } = useTranslation();
  const id = useId();
  const url = shareUrl(roundId, userId);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const canShare = typeof navigator.share === 'function';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section className="card share-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('result.share.title')}</h2>
      <p className="field__hint">{t('result.share.hint')}</p>
      <label htmlFor={`${id}-url`} className="field__label">
        {t('result.share.linkLabel')}
      </label>
      <div className="share-panel__row">
        <input
          id={`${id}-url`}
          className="field__input"
          readOnly
          value={url}
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('result.share.copy')}
        </button>
      </div>
      <p role="status" className="field__hint">
        {copied === 'yes' ? t('result.share.copied') : copied === 'no' ? t('result.share.copyFailed') : ''}
      </p>
      <div className="share-panel__buttons">
        {canShare && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void navigator.share({ title: text, text, url }).catch(() => undefined)}
          >
            {t('result.share.native')}
          </button>
        )}
        <a
          className="button button--secondary"
          href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('result.share.facebook')}
        </a>
      </div>
    </section>
  );
}
