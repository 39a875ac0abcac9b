import { currentLanguage, type Language } from './i18n';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * "mm:ss", or "h:mm:ss" from one hour on (always with `withHours`, so a clock that starts above an
 * hour keeps its width). Digits only: with tabular numbers the text never changes width.
 */
export function formatClock(totalSeconds: number, withHours = false): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return h > 0 || withHours ? `${String(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A duration in milliseconds as the time it took ("05:32"): whole seconds, rounded down. */
export function formatDuration(ms: number): string {
  return formatClock(ms / 1000);
}

/** Scores may have hundredths (partial grading): "18", "18,5" in Vietnamese. */
export function formatNumber(value: number, language: Language = currentLanguage()): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 }).format(value);
}

export function formatDateTime(iso: string, language: Language = currentLanguage()): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatTime(iso: string, language: Language = currentLanguage()): string {
  return new Intl.DateTimeFormat(locales[language], { timeStyle: 'medium' }).format(new Date(iso));
}

/** "0912345678" → "0912 345 678"; anything else (a legacy value) as it is. */
export function formatPhone(phone: string): string {
  return /^0\d{9}$/.test(phone) ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;
}
