import type { PartialDate } from '@gcds/shared';
import type { VcardVersion } from './vcardVersion';

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(date: PartialDate): PartialDate | undefined {
  const { year, month, day } = date;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return undefined;
  return date;
}

/** Midnight, as exporters append it to dates (`T00:00:00Z`, `T000000`); any other time is not a date. */
const MIDNIGHT = /^T00(:?00(:?00(\.0+)?)?)?(Z|[+-]00(:?00)?)?$/;

/**
 * A birthday or anniversary: `YYYY-MM-DD`, `YYYYMMDD`, the year-less `--MMDD` / `--MM-DD`, with a
 * midnight time tolerated. Apple writes a year-less date as year 1604 with `X-APPLE-OMIT-YEAR=1604`.
 * Undefined when the value is not such a date (it is then kept as an extra property, not lost).
 */
export function parsePartialDate(value: string, omitYear?: string): PartialDate | undefined {
  const trimmed = value.trim();
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(trimmed);
  if (yearless !== null) return valid({ month: Number(yearless[1]), day: Number(yearless[2]) });
  const full = /^(\d{4})(-?)(\d{2})\2(\d{2})(T.*)?$/.exec(trimmed);
  if (full === null) return undefined;
  if (full[5] !== undefined && !MIDNIGHT.test(full[5])) return undefined;
  const month = Number(full[3]);
  const day = Number(full[4]);
  if (omitYear !== undefined && omitYear.trim() === full[1]) return valid({ month, day });
  return valid({ year: Number(full[1]), month, day });
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 4.0 basic format (`19850415`, `--0415`); 3.0 extended (`1985-04-15`, `--04-15`, as Google writes). */
export function formatPartialDate(date: PartialDate, version: VcardVersion): string {
  const separator = version === '4.0' ? '' : '-';
  const monthDay = `${pad(date.month)}${separator}${pad(date.day)}`;
  return date.year === undefined ? `--${monthDay}` : `${pad(date.year, 4)}${separator}${monthDay}`;
}

/**
 * REV: `20230102T030405Z`, `2023-01-02T03:04:05Z`, fractions, offsets, or a bare date (midnight UTC).
 * Milliseconds since the epoch, or undefined when it is none of those.
 */
export function parseTimestamp(value: string): number | undefined {
  const match =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
      value.trim(),
    );
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  date.setUTCHours(Number(h), Number(mi), Number(s), Number(fraction.padEnd(3, '0').slice(0, 3)));
  let time = date.getTime();
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  }
  return Number.isFinite(time) ? time : undefined;
}

/** UTC, whole seconds (vCard timestamps have no fractions): `20230102T030405Z` or `2023-01-02T03:04:05Z`. */
export function formatTimestamp(ms: number, version: VcardVersion): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return version === '4.0' ? iso.replace(/[-:]/g, '') : iso;
}
