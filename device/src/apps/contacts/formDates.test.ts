import { describe, expect, it } from 'vitest';
import { dateInputValue, partialDateOf } from './formDates';

describe('birthday in the form', () => {
  it('shows a stored date in a date input and reads it back', () => {
    expect(dateInputValue({ year: 1815, month: 12, day: 10 })).toBe('1815-12-10');
    expect(partialDateOf('1815-12-10')).toEqual({ year: 1815, month: 12, day: 10 });
  });

  it('has no input value for a date without a year, and reads nothing from an empty or impossible one', () => {
    expect(dateInputValue({ month: 2, day: 29 })).toBe('');
    expect(dateInputValue(undefined)).toBe('');
    expect(partialDateOf('')).toBeUndefined();
    expect(partialDateOf('2023-02-29')).toBeUndefined();
    expect(partialDateOf('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
