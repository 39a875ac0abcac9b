import { useId } from 'react';
import { CopyField } from '../../../components/copy-field';
import { currentLanguage, useTranslation } from '../../../lib/i18n';

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
  const canShare = typeof navigator.share === 'function';

  return (
    <section className="card share-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('result.share.title')}</h2>
      <p className="field__hint">{t('result.share.hint')}</p>
      <CopyField label={t('result.share.linkLabel')} value={url} copiedText={t('result.share.copied')} failedText={t('result.share.copyFailed')} />
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
