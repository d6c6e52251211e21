import { useLingui } from '@lingui/react';
import { useMemo } from 'react';
import { LOCALES, type Locale } from './locales';
import { translate } from './translate';

/** Money, dates and countdowns in one locale's format, e.g. "1.815,14 €" or "€1,815.14". */
export interface Formats {
  /** An amount in minor units (cents), in its currency. */
  money(minorUnits: number, currency: string): string;
  /** Glue's dates ("2024-05-01 10:20:30.000000", read as UTC, or ISO): "24.10.2025, 20:49". */
  dateTime(value: string | number): string;
  /** A calendar date: a date of birth ("1982-05-28"), or the day of a Glue date: "28.05.1982". */
  date(value: string): string;
  /** A time of day to the second: when something happened today. */
  time(value: string | number): string;
  /** A country by its ISO 3166 code: "DE" is "Deutschland" in German, "Germany" in English. */
  country(iso2Code: string): string;
  /** Time left, for countdowns: "1:05:09" or "4:59"; in days past two days. */
  timeLeft(milliseconds: number): string;
}

const cache = new Map<string, Formats>();

export function formatsFor(locale: Locale): Formats {
  const known = cache.get(locale);
  if (known) return known;
  const tag = LOCALES[locale].tag;
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames(tag, { type: 'region', fallback: 'code' });
  const formats: Formats = {
    money(minorUnits, currency) {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(minorUnits / 10 ** digits);
    },
    dateTime(value) {
      const date = toDate(value);
      return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
    },
    time: (value) => time.format(toDate(value)),
    country(iso2Code) {
      try {
        return regions.of(iso2Code.toUpperCase()) ?? iso2Code;
      } catch {
        return iso2Code; // Not a region code Intl knows the shape of.
      }
    },
    date(value) {
      // A bare date is a day on the calendar, not a moment: read and shown in UTC.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Date(`${value}T00:00:00Z`)
        : toDate(value);
      return Number.isNaN(day.getTime()) ? value : date.format(day);
    },
    timeLeft(milliseconds) {
      const total = Math.max(0, Math.ceil(milliseconds / 1000));
      if (total >= 2 * 86_400) {
        return translate('format.days', { count: Math.floor(total / 86_400) });
      }
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = total % 60;
      const mmss = `${String(minutes).padStart(hours ? 2 : 1, '0')}:${String(seconds).padStart(2, '0')}`;
      return hours ? `${hours}:${mmss}` : mmss;
    },
  };
  cache.set(locale, formats);
  return formats;
}

/** A date as Glue writes it (`2026-12-02 03:44:19.224000`, UTC) or an ISO one, or ms. */
export function toDate(value: string | number): Date {
  if (typeof value === 'number') return new Date(value);
  return new Date(value.includes('T') ? value : value.replace(' ', 'T') + 'Z');
}

/** The active locale's formats; the component re-renders when the agent switches language. */
export function useFormat(): Formats {
  const { i18n } = useLingui();
  const locale = i18n.locale as Locale;
  return useMemo(() => formatsFor(locale), [locale]);
}
