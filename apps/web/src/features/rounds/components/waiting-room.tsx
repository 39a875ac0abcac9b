import { useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import type { StartQueuePlace } from '../hooks/use-round';

/** Whole seconds left until `at`, ticking while shown. */
function useSecondsUntil(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Shown while admission control holds a start back (202): the member's place, that their time has
 * not started, and the next automatic try. Leaving gives the place up; nothing else is lost.
 */
export function WaitingRoom({ place, onLeave }: { place: StartQueuePlace; onLeave: () => void }) {
  const { t } = useTranslation();
  const seconds = useSecondsUntil(place.retryAt);
  return (
    <section className="notice notice--warning" aria-labelledby="waiting-room-title">
      <h2 id="waiting-room-title" className="notice__title">
        {t('rounds.waiting.title')}
      </h2>
      <p role="status">{place.position === 1 ? t('rounds.waiting.next') : t('rounds.waiting.position', { position: place.position })}</p>
      <p>
        <strong>{t('rounds.waiting.clock')}</strong>
      </p>
      <p aria-live="off">{seconds > 0 ? t('rounds.waiting.retryIn', { seconds }) : t('rounds.waiting.retrying')}</p>
      <p className="field__hint">{t('rounds.waiting.keepOpen')}</p>
      <button type="button" className="button button--secondary" onClick={onLeave}>
        {t('rounds.waiting.leave')}
      </button>
    </section>
  );
}
