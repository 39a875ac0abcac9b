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

/**
 * A rate (0–1) as a percentage with at most one decimal ("12,3%"). A rate above zero that one
 * decimal would show as 0 keeps two significant digits instead ("0,032%"): 1 member of 3,091 is not 0%.
 */
export function formatRate(rate: number, language: Language = currentLanguage()): string {
  const tiny = rate > 0 && rate < 0.0005;
  return new Intl.NumberFormat(locales[language], { style: 'percent', ...(tiny ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 }) }).format(rate);
}

/** Contests run on Vietnam's clock: every time is shown (and typed) as it reads there, wherever the browser is. */
export const appTimeZone = 'Asia/Ho_Chi_Minh';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl formats are costly to build and a board formats hundreds of times: one per language, zone and style. */
function dateTimeFormat(language: Language, timeZone: string, style: 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${style}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'time'
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
        : language === 'vi'
          ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    format = new Intl.DateTimeFormat(locales[language], { ...options, timeZone });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * A moment as people in Vietnam read it: "26/11/2026 14:00" in Vietnamese (day/month/year, 24 hours),
 * "26 Nov 2026, 14:00" in English; in Vietnam's time zone whatever the browser's is.
 */
export function formatDateTime(iso: string, language: Language = currentLanguage(), timeZone: string = appTimeZone): string {
  const date = new Date(iso);
  if (language !== 'vi') return dateTimeFormat(language, timeZone, 'dateTime').format(date);
  const parts = Object.fromEntries(dateTimeFormat(language, timeZone, 'dateTime').formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day ?? ''}/${parts.month ?? ''}/${parts.year ?? ''} ${parts.hour ?? ''}:${parts.minute ?? ''}`;
}

/** The time of day in Vietnam, "14:05:32". */
export function formatTime(iso: string, language: Language = currentLanguage(), timeZone: string = appTimeZone): string {
  return dateTimeFormat(language, timeZone, 'time').format(new Date(iso));
}

/** "0912345678" → "0912 345 678"; anything else (a legacy value) as it is. */
export function formatPhone(phone: string): string {
  return /^0\d{9}$/.test(phone) ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;
}
