import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatTimestamp, parsePartialDate, parseTimestamp } from './vcardDates';

describe('parsePartialDate', () => {
  it('reads full and year-less dates in basic and extended forms', () => {
    expect(parsePartialDate('1985-04-15')).toEqual({ year: 1985, month: 4, day: 15 });
    expect(parsePartialDate('19850415')).toEqual({ year: 1985, month: 4, day: 15 });
    expect(parsePartialDate('--0415')).toEqual({ month: 4, day: 15 });
    expect(parsePartialDate('--04-15')).toEqual({ month: 4, day: 15 });
  });

  it("drops Apple's placeholder year when X-APPLE-OMIT-YEAR names it", () => {
    expect(parsePartialDate('1604-04-15', '1604')).toEqual({ month: 4, day: 15 });
    expect(parsePartialDate('1985-04-15', '1604')).toEqual({ year: 1985, month: 4, day: 15 });
  });

  it('tolerates a midnight time, and refuses other times and impossible dates', () => {
    expect(parsePartialDate('1985-04-15T00:00:00Z')).toEqual({ year: 1985, month: 4, day: 15 });
    expect(parsePartialDate('19850415T000000')).toEqual({ year: 1985, month: 4, day: 15 });
    expect(parsePartialDate('1985-04-15T13:00:00Z')).toBeUndefined();
    expect(parsePartialDate('1985-02-29')).toBeUndefined();
    expect(parsePartialDate('1984-02-29')).toEqual({ year: 1984, month: 2, day: 29 });
    expect(parsePartialDate('--0229')).toEqual({ month: 2, day: 29 });
    expect(parsePartialDate('--1301')).toBeUndefined();
    expect(parsePartialDate('1985-04')).toBeUndefined();
    expect(parsePartialDate('circa 1800')).toBeUndefined();
  });
});

describe('formatPartialDate', () => {
  it('writes 4.0 basic and 3.0 extended forms, year-less as --MMDD', () => {
    expect(formatPartialDate({ year: 7, month: 1, day: 2 }, '4.0')).toBe('00070102');
    expect(formatPartialDate({ year: 1985, month: 4, day: 15 }, '3.0')).toBe('1985-04-15');
    expect(formatPartialDate({ month: 4, day: 15 }, '4.0')).toBe('--0415');
    expect(formatPartialDate({ month: 4, day: 15 }, '3.0')).toBe('--04-15');
  });
});

describe('timestamps (REV)', () => {
  it('read basic and extended forms, fractions, offsets and bare dates', () => {
    const expected = Date.UTC(2023, 0, 2, 3, 4, 5);
    expect(parseTimestamp('20230102T030405Z')).toBe(expected);
    expect(parseTimestamp('2023-01-02T03:04:05Z')).toBe(expected);
    expect(parseTimestamp('2023-01-02T03:04:05.250Z')).toBe(expected + 250);
    expect(parseTimestamp('2023-01-02T04:04:05+01:00')).toBe(expected);
    expect(parseTimestamp('20230102T000405-0300')).toBe(expected);
    expect(parseTimestamp('2023-01-02')).toBe(Date.UTC(2023, 0, 2));
    expect(parseTimestamp('0050-01-01T00:00:00Z')).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  it('refuse what is not a timestamp', () => {
    for (const bad of ['yesterday', '2023-13-01', '2023-02-30T00:00:00Z', '2023-01-01T25:00:00Z']) {
      expect(parseTimestamp(bad)).toBeUndefined();
    }
  });

  it('write UTC whole seconds', () => {
    expect(formatTimestamp(Date.UTC(2023, 0, 2, 3, 4, 5, 999), '4.0')).toBe('20230102T030405Z');
    expect(formatTimestamp(Date.UTC(2023, 0, 2, 3, 4, 5), '3.0')).toBe('2023-01-02T03:04:05Z');
  });
});
