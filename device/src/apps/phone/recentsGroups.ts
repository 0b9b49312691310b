import type { CallLogEntry } from '../../protocol/phoneApi';

const DAY = 86_400_000;

function startOfDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The header over a day's calls: "Today", "Yesterday", the weekday within a week, else the date. */
export function dayLabel(at: number, now: number): string {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 7) return new Date(at).toLocaleDateString('en-GB', { weekday: 'long' });
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Calls in a row with the same number on the same day: one line of the log, as on a phone. */
export interface CallGroup {
  /** Newest first; the first is the one the line shows. */
  calls: CallLogEntry[];
}

export interface CallDay {
  label: string;
  groups: CallGroup[];
}

/**
 * The log (newest first) as days, each day's calls grouped while the same number calls or is called
 * again with no other call between, as Android's call log groups them.
 */
export function groupCallLog(entries: readonly CallLogEntry[], now: number): CallDay[] {
  const days: CallDay[] = [];
  for (const entry of entries) {
    const label = dayLabel(entry.at, now);
    let day = days.at(-1);
    if (day?.label !== label) {
      day = { label, groups: [] };
      days.push(day);
    }
    const last = day.groups.at(-1);
    if (last !== undefined && last.calls[0]!.caller.number === entry.caller.number) last.calls.push(entry);
    else day.groups.push({ calls: [entry] });
  }
  return days;
}
