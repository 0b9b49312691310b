import { describe, expect, it } from 'vitest';
import { timeText } from './timeText';

const now = new Date(2026, 2, 12, 15, 30).getTime(); // Thursday 12 March 2026, 15:30 local

describe('timeText', () => {
  it('says the time for today, Yesterday for yesterday', () => {
    expect(timeText(new Date(2026, 2, 12, 9, 5).getTime(), now)).toBe('09:05');
    expect(timeText(new Date(2026, 2, 11, 23, 59).getTime(), now)).toBe('Yesterday');
  });

  it('says the weekday within a week, else the date', () => {
    expect(timeText(new Date(2026, 2, 9, 8).getTime(), now)).toBe('Monday');
    expect(timeText(new Date(2026, 2, 5, 8).getTime(), now)).toBe('5 Mar');
  });
});
