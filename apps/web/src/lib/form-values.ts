/** Converting what form controls hold (strings) to what the API takes, and back. */
import { appTimeZone } from './format';
import { currentLanguage, type Language } from './i18n';

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall clock of `timeZone` at `time` (ms), read as if it were UTC: the zone's offset then is this minus `time`. */
function wallClockAsUtc(time: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(time))
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone ("2026-11-26T14:00"); the
 * API speaks ISO-8601 UTC. These convert between the two on Vietnam's clock (`appTimeZone`), never
 * the browser's: an organizer abroad, or a laptop set to another zone, still schedules 14:00 in Hà Nội.
 */
export function toDateTimeInput(date: Date, timeZone: string = appTimeZone): string {
  const wall = new Date(wallClockAsUtc(date.getTime(), timeZone));
  return `${String(wall.getUTCFullYear())}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** The ISO string of a datetime-local value read on `timeZone`'s clock, or null when it is empty or not a time. */
export function fromDateTimeInput(value: string, timeZone: string = appTimeZone): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(asUtc);
  // 31/02 or 25:00 would roll over into another day: not a time.
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null;
  // The zone's offset at that moment (Vietnam: +7 all year; the second pass settles a zone that changes it).
  let time = asUtc - (wallClockAsUtc(asUtc, timeZone) - asUtc);
  time = asUtc - (wallClockAsUtc(time, timeZone) - time);
  return new Date(time).toISOString();
}

/** Reads "7,5" and "7.5" alike (Vietnamese writes a decimal comma); null for anything else. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A whole number ≥ 0 typed as digits, or null. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** A number as it goes back into a text box: the language's decimal mark, no thousands separator. */
export function toDecimalInput(value: number, language: Language = currentLanguage()): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { useGrouping: false, maximumFractionDigits: 4 }).format(value);
}
