import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { policyStoreReads } from './storeMonitor';

describe("when the shell reads a row-policy store (the GCDS's), from its owner's moves", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the revision at most every 120 ms while the owner works, and the length only once it rests', () => {
    const moves = new Subject<boolean>();
    const reads: boolean[] = [];
    policyStoreReads(moves, 1_000).subscribe((withLength) => reads.push(withLength));
    // A busy owner: 50 commits in 500 ms, never idle.
    for (let i = 0; i < 50; i += 1) {
      moves.next(false);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(2_000);
    expect(reads.every((withLength) => !withLength)).toBe(true);
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(reads.length).toBeLessThanOrEqual(6);
    // It goes idle: one revision read now, the length a quiet second later.
    reads.length = 0;
    moves.next(true);
    vi.advanceTimersByTime(999);
    expect(reads).toEqual([false]);
    vi.advanceTimersByTime(1);
    expect(reads).toEqual([false, true]);
  });

  it('does not count while an idle moment is cut short by the next commit', () => {
    const moves = new Subject<boolean>();
    const reads: boolean[] = [];
    policyStoreReads(moves, 1_000).subscribe((withLength) => reads.push(withLength));
    moves.next(true);
    vi.advanceTimersByTime(500);
    moves.next(false);
    vi.advanceTimersByTime(3_000);
    expect(reads).not.toContain(true);
  });
});
