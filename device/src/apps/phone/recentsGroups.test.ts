import { describe, expect, it } from 'vitest';
import type { CallKind, CallLogEntry } from '../../protocol/phoneApi';
import { dayLabel, groupCallLog } from './recentsGroups';

const now = new Date(2026, 4, 15, 12, 0).getTime();
const hours = (h: number) => now - h * 3_600_000;

let id = 0;
function call(number: string, at: number, kind: CallKind = 'incoming'): CallLogEntry {
  id += 1;
  return { id, kind, at, caller: { number, displayNumber: number } };
}

describe('dayLabel', () => {
  it('says Today, Yesterday, the weekday within a week, else the date', () => {
    expect(dayLabel(hours(1), now)).toBe('Today');
    expect(dayLabel(hours(13), now)).toBe('Yesterday');
    expect(dayLabel(hours(24 * 3), now)).toBe('Tuesday');
    expect(dayLabel(hours(24 * 30), now)).toBe('15 April 2026');
  });
});

describe('groupCallLog', () => {
  it('groups calls in a row with one number, per day, and keeps others apart', () => {
    const days = groupCallLog(
      [
        call('0611', hours(1), 'missed'),
        call('0611', hours(2), 'declined'),
        call('0622', hours(3)),
        call('0611', hours(4)),
        call('0611', hours(13)),
      ],
      now,
    );
    expect(
      days.map((d) => [d.label, d.groups.map((g) => [g.calls[0]!.caller.number, g.calls.length])]),
    ).toEqual([
      [
        'Today',
        [
          ['0611', 2],
          ['0622', 1],
          ['0611', 1],
        ],
      ],
      ['Yesterday', [['0611', 1]]],
    ]);
  });
});
