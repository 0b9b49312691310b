import { describe, expect, it } from 'vitest';
import { type GcdsPoint, importProgress, keepGcdsPoint } from './importProgress';

const importing = (done: number, total: number) => ({ importing: { done, total }, stored: done });

describe('import progress as an app can show it', () => {
  it('counts every provider record to come, and what the GCDS held at the revision the app reached', () => {
    const gcds: GcdsPoint[] = [
      { revision: 250, sources: 250 },
      { revision: 750, sources: 740 },
      { revision: 1_800, sources: 1_700 },
    ];
    expect(
      importProgress({
        providers: [importing(2_000, 12_000), { stored: 3_000 }, importing(400, 15_000)],
        gcds,
        gcdsIdle: false,
        appRevision: 800,
      }),
    ).toEqual({ done: 740, total: 30_000 });
  });

  it('shows nothing done before the app has its first batch, even when the GCDS is ahead', () => {
    const progress = importProgress({
      providers: [importing(500, 2_000)],
      gcds: [{ revision: 250, sources: 250 }],
      gcdsIdle: false,
      appRevision: 0,
    });
    expect(progress).toEqual({ done: 0, total: 2_000 });
  });

  it('stays while the app is behind an idle GCDS that has everything, and ends when the app catches up', () => {
    const inputs = {
      providers: [{ stored: 1_000 }, { stored: 1_000 }],
      gcds: [
        { revision: 900, sources: 1_200 },
        { revision: 1_900, sources: 2_000 },
      ],
      gcdsIdle: true,
    };
    expect(importProgress({ ...inputs, appRevision: 900 })).toEqual({ done: 1_200, total: 2_000 });
    expect(importProgress({ ...inputs, appRevision: 1_900 })).toBeUndefined();
  });

  it('stays while a provider still imports, even when everything so far has reached the app', () => {
    expect(
      importProgress({
        providers: [importing(1_000, 3_000)],
        gcds: [{ revision: 1_000, sources: 1_000 }],
        gcdsIdle: true,
        appRevision: 1_000,
      }),
    ).toEqual({ done: 1_000, total: 3_000 });
  });

  it('is nothing on a phone with no provider records', () => {
    expect(importProgress({ providers: [], gcds: [], gcdsIdle: true, appRevision: 0 })).toBeUndefined();
  });

  it('keeps one point per revision and drops points every app has passed, keeping the floor', () => {
    const points: GcdsPoint[] = [];
    keepGcdsPoint(points, { revision: 10, sources: 10 }, 0);
    keepGcdsPoint(points, { revision: 10, sources: 12 }, 0);
    keepGcdsPoint(points, { revision: 20, sources: 20 }, 0);
    keepGcdsPoint(points, { revision: 30, sources: 30 }, 25);
    expect(points).toEqual([
      { revision: 20, sources: 20 },
      { revision: 30, sources: 30 },
    ]);
  });
});
