/** Converting what form controls hold (strings) to what the API takes, and back. */
import { currentLanguage, type Language } from './i18n';

/**
 * `<input type="datetime-local">` speaks local wall-clock time without a zone ("2026-11-26T14:00");
 * the API speaks ISO-8601 UTC. These convert between the two in the browser's time zone.
 */
export function toDateTimeInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO string of a datetime-local value, or null when it is empty or not a time. */
export function fromDateTimeInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
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
