import type { PartialDate } from '@gcds/shared';

/** A date input's value (`YYYY-MM-DD`) for a stored date; '' for none or one without a year. */
export function dateInputValue(date: PartialDate | undefined): string {
  if (date?.year === undefined) return '';
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The date a date input holds, or undefined when it is empty or not a whole date. */
export function partialDateOf(value: string): PartialDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}
