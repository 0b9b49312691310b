import { describe, expect, it } from 'vitest';
import { checkTargets } from '../targets';
import { isSettled, type PhoneSample, SettleWatch } from './settleWatch';

const readers = (state: string) => [
  { reader: 'gcds ← local', state },
  { reader: 'gcds ← vcard', state: 'in sync' },
  { reader: 'gcds ← facebook-sim', state: 'in sync' },
  { reader: 'contacts (certified)', state: 'in sync' },
  { reader: 'phone (privileged)', state: 'in sync' },
  { reader: 'messages (privileged)', state: 'in sync' },
  { reader: 'facebook-sim ← server', state: 'in sync' },
];

function sample(at: number, changes: Partial<PhoneSample> = {}): PhoneSample {
  return {
    at,
    demoSize: '30,000 people in the demo world, spread over three providers with duplicates to merge.',
    providers: ['installed', 'installed', 'installed'],
    gcdsState: 'running',
    gcdsText: 'Running (idle), revision 40210, 61 transactions',
    readers: readers('in sync'),
    gcdsRevision: 40_210,
    contactsStatus: '30,412 contacts',
    ...changes,
  };
}

describe('the device bench: when the phone has settled', () => {
  it('needs the size asked for, every provider installed, the GCDS idle, every reader in sync and the exact count', () => {
    expect(isSettled(sample(0), 30_000)).toBe(true);
    expect(isSettled(sample(0), 2_000)).toBe(false);
    expect(isSettled(sample(0, { providers: ['installing', 'installed', 'installed'] }), 30_000)).toBe(false);
    expect(isSettled(sample(0, { gcdsText: 'Running (syncing), revision 40210' }), 30_000)).toBe(false);
    expect(isSettled(sample(0, { readers: readers('behind') }), 30_000)).toBe(false);
    // The network's reader is there once facebook-sim has said how far its server is.
    expect(isSettled(sample(0, { readers: readers('in sync').slice(0, 6) }), 30_000)).toBe(false);
    expect(isSettled(sample(0, { contactsStatus: 'Importing 20,000 of 36,000…' }), 30_000)).toBe(false);
    expect(isSettled(sample(0, { contactsStatus: undefined }), 30_000)).toBe(false);
    // The empty phone the bench starts from: nobody in the GCDS, and the Contacts app not open.
    const empty = sample(0, {
      demoSize: '0 people in the demo world',
      gcdsRevision: 0,
      contactsStatus: undefined,
    });
    expect(isSettled(empty, 0)).toBe(true);
  });

  it('counts from the first sample of a settled picture that then held, and starts over when it changes', () => {
    const watch = new SettleWatch(30_000, 1_000);
    expect(watch.add(sample(0, { readers: readers('behind') }))).toBeUndefined();
    expect(watch.add(sample(100))).toBeUndefined();
    expect(watch.add(sample(700))).toBeUndefined();
    // A revision read late: the picture changed, so the hold starts again from here.
    expect(watch.add(sample(800, { gcdsRevision: 40_211 }))).toBeUndefined();
    expect(watch.add(sample(1_700, { gcdsRevision: 40_211 }))).toBeUndefined();
    expect(watch.add(sample(1_800, { gcdsRevision: 40_211 }))).toBe(800);
  });
});

describe('the device targets', () => {
  const row = (env: 'chromium' | 'device', metric: string, value: number, n = 30_000) => ({
    env,
    n,
    metric,
    value,
    unit: 'ms' as const,
  });

  it('weighs the settled time against the one-page Chromium population over the same provider records, else says not measured', () => {
    const settled = (rows: Parameters<typeof checkTargets>[0]) =>
      checkTargets(rows).find((report) => report.target.metric === 'device_settled_ms')!;
    const records = { ...row('device', 'device_records', 37_228), unit: 'count' as const };
    expect(settled([row('device', 'device_settled_ms', 20_000)]).measured).toBe(false);
    // The phone's n is people, the one-page run's records: the same n is not the same work.
    expect(
      settled([row('device', 'device_settled_ms', 15_000), row('chromium', 'initial_population_ms', 10_000)])
        .measured,
    ).toBe(false);
    expect(
      settled([
        row('device', 'device_settled_ms', 20_000),
        records,
        row('chromium', 'initial_population_ms', 9_000, 10_000),
      ]).measured,
    ).toBe(false);
    const met = settled([
      row('device', 'device_settled_ms', 15_000),
      records,
      row('chromium', 'initial_population_ms', 8_000),
      row('chromium', 'initial_population_ms', 10_000, 37_228),
    ]);
    expect(met.passes).toHaveLength(1);
    const missed = settled([
      row('device', 'device_settled_ms', 15_001),
      records,
      row('chromium', 'initial_population_ms', 20_000),
      row('chromium', 'initial_population_ms', 10_000, 37_228),
    ]);
    expect(missed.misses).toHaveLength(1);
    const first = checkTargets([row('device', 'device_first_rows_ms', 1_200)]).find(
      (report) => report.target.metric === 'device_first_rows_ms',
    )!;
    expect(first.misses).toHaveLength(1);
  });
});
