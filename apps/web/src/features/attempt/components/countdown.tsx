import { useTranslation } from '../../../lib/i18n';
import { formatClock } from '../../../lib/format';

interface CountdownProps {
  seconds: number;
  /** The attempt lasts an hour or more: keep the hour digit all along. */
  withHours: boolean;
}

/** The time left. Tabular digits in a fixed-width box: nothing moves as it ticks. */
export function Countdown({ seconds, withHours }: CountdownProps) {
  const { t } = useTranslation();
  const urgency = seconds <= 60 ? 'critical' : seconds <= 300 ? 'low' : 'normal';
  // Announced once when it changes, not every second.
  const announcement = seconds <= 0 ? t('attempt.timer.over') : seconds <= 60 ? t('attempt.timer.oneMinute') : seconds <= 300 ? t('attempt.timer.fiveMinutes') : '';
  return (
    <div className="countdown" data-urgency={urgency}>
      <svg className="countdown__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 9v4l3 2M9 2h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="countdown__label">{t('attempt.timer.label')}</span>
      <span role="timer" className={`countdown__value${withHours ? ' countdown__value--hours' : ''}`}>
        {formatClock(seconds, withHours)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
