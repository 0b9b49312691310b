import { describe, expect, it } from 'vitest';
import { type StatusError, statusErrorOf } from './statusError';
import { StatusSubject } from './statusSubject';

interface TestStatus {
  state: 'idle' | 'busy';
  count: number;
  lastError?: StatusError | undefined;
}

describe('StatusSubject', () => {
  it('patches field by field and streams every value', () => {
    const status = new StatusSubject<TestStatus>({ state: 'idle', count: 0 });
    const seen: TestStatus[] = [];
    status.status$.subscribe((value) => seen.push(value));
    status.update({ state: 'busy' });
    status.update({ count: 1, lastError: statusErrorOf(new Error('late'), 5) });
    expect(status.value).toEqual({ state: 'busy', count: 1, lastError: { message: 'late', at: 5 } });
    expect(seen.map((value) => value.state)).toEqual(['idle', 'busy', 'busy']);
  });

  it('ignores patches once completed', () => {
    const status = new StatusSubject<TestStatus>({ state: 'idle', count: 0 });
    let completed = false;
    status.status$.subscribe({ complete: () => (completed = true) });
    status.complete();
    status.update({ count: 2 });
    expect(completed).toBe(true);
    expect(status.value.count).toBe(0);
  });
});

describe('statusErrorOf', () => {
  it('keeps the message of an Error and the text of anything else, as plain cloneable data', () => {
    expect(statusErrorOf(new TypeError('bad'), 7)).toEqual({ message: 'bad', at: 7 });
    expect(statusErrorOf('just text', 8)).toEqual({ message: 'just text', at: 8 });
    const error = statusErrorOf(new Error('over a port'), 9);
    expect(structuredClone(error)).toEqual(error);
  });
});
