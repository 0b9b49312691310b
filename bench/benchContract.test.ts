import { serialize } from 'node:v8';
import { RADICALE_PATH, serverBinary } from '@gcds/provider-carddav/testing';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { describe, expect, it } from 'vitest';
import { withGrowthRows } from './growth';
import { measureCardDavSync } from './metrics/cardDavSync';
import { pouchdbCopy } from './peers/pouchdb';
import type { BenchRow } from './rows';
import { FAMILIES, runSuite } from './suite';
import { formatTable, METRIC_ORDER } from './table';
import { checkTargets } from './targets';

PouchDB.plugin(memoryAdapter).plugin(replication);

/** The metric names and units `bench/results.json` promises (the list). */
const CONTRACT: Record<string, BenchRow['unit']> = {
  initial_population_ms: 'ms',
  first_visible_ms: 'ms',
  floor_ms: 'ms',
  initial_vs_floor: 'ratio',
  change_visible_p50_ms: 'ms',
  change_visible_p95_ms: 'ms',
  first_screen_ms: 'ms',
  all_groups_ms: 'ms',
  detail_ms: 'ms',
  search_p50_ms: 'ms',
  search_p95_ms: 'ms',
  caller_id_p50_ms: 'ms',
  caller_id_p95_ms: 'ms',
  merge_only_ms: 'ms',
  merge_growth: 'ratio',
  merge_precision: 'ratio',
  merge_recall: 'ratio',
  burst_wakeups: 'count',
  burst_settle_ms: 'ms',
  peer_pouchdb_ms: 'ms',
  ours_copy_ms: 'ms',
  ours_vs_pouchdb: 'ratio',
  list_bytes_per_contact: 'bytes',
  vcard_import_ms: 'ms',
  vcard_import_peak_bytes: 'bytes',
  census_writes_per_record: 'count',
  census_reads_per_record: 'count',
  census_index_entries_per_record: 'count',
  census_bytes_per_record: 'bytes',
};

/** The CardDAV family's metrics: measured when Radicale is installed (required with CI=true). */
const CARDDAV_CONTRACT: Record<string, BenchRow['unit']> = {
  carddav_first_sync_ms: 'ms',
  carddav_plain_download_ms: 'ms',
  carddav_first_sync_vs_download: 'ratio',
  carddav_incremental_sync_ms: 'ms',
};
const radicale = serverBinary('Radicale', RADICALE_PATH, 'radicale');
if (radicale) Object.assign(CONTRACT, CARDDAV_CONTRACT);

describe('bench: the results contract', () => {
  it('measures every metric of the contract, with its unit, on a small book through the real pipeline', async () => {
    const rows = await runSuite(
      300,
      {
        env: 'node',
        heap: async () => undefined,
        peers: { pouchdb: (job) => pouchdbCopy(PouchDB, 'memory', job) },
        log: () => undefined,
        cardDav: measureCardDavSync,
        serializedSize: (value) => serialize(value).length,
      },
      FAMILIES,
    );
    for (const [metric, unit] of Object.entries(CONTRACT)) {
      const row = rows.find((r) => r.metric === metric);
      expect(row, metric).toMatchObject({ env: 'node', n: 300, metric, unit });
      expect(Number.isFinite(row!.value) && row!.value >= 0, metric).toBe(true);
    }
    const value = (metric: string) => rows.find((r) => r.metric === metric)!.value;
    expect(value('initial_vs_floor')).toBeCloseTo(value('initial_population_ms') / value('floor_ms'), 1);
    // Every app shows someone on the way, not only at the end.
    expect(value('first_visible_ms')).toBeGreaterThan(0);
    expect(value('first_visible_ms')).toBeLessThanOrEqual(value('initial_population_ms'));
    expect(value('ours_vs_pouchdb')).toBeCloseTo(value('ours_copy_ms') / value('peer_pouchdb_ms'), 1);
    if (radicale) {
      expect(value('carddav_first_sync_vs_download')).toBeCloseTo(
        value('carddav_first_sync_ms') / value('carddav_plain_download_ms'),
        1,
      );
    }
    // A burst of changes wakes each consumer a handful of times, not once per change.
    expect(value('burst_wakeups')).toBeLessThan(100);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['env', 'metric', 'n', 'unit', 'value']);
    // Every metric has its place in the table.
    for (const metric of Object.keys(CONTRACT)) expect(METRIC_ORDER).toContain(metric);
  }, 240_000);

  it('adds change_growth against the 1,000 baseline of the same environment', () => {
    const p50 = (env: BenchRow['env'], n: number, value: number): BenchRow => ({
      env,
      n,
      metric: 'change_visible_p50_ms',
      value,
      unit: 'ms',
    });
    const rows = withGrowthRows([p50('node', 1000, 4), p50('node', 30_000, 6), p50('chromium', 30_000, 9)]);
    expect(rows.filter((row) => row.metric === 'change_growth')).toEqual([
      { env: 'node', n: 30_000, metric: 'change_growth', value: 1.5, unit: 'ratio' },
    ]);
  });

  it('reports targets met and missed, ratios first in the table', () => {
    const rows: BenchRow[] = [
      { env: 'chromium', n: 30_000, metric: 'search_p95_ms', value: 12, unit: 'ms' },
      { env: 'node', n: 30_000, metric: 'search_p95_ms', value: 3, unit: 'ms' },
      { env: 'node', n: 10_000, metric: 'initial_vs_floor', value: 2.5, unit: 'ratio' },
    ];
    const reports = checkTargets(rows);
    const search = reports.find((report) => report.target.metric === 'search_p95_ms')!;
    expect(search.misses.map((row) => row.env)).toEqual(['chromium']);
    expect(search.passes.map((row) => row.env)).toEqual(['node']);
    expect(reports.find((report) => report.target.metric === 'burst_wakeups')!.measured).toBe(false);
    const table = formatTable(rows).split('\n');
    expect(table[2]).toMatch(/^\| initial_vs_floor/);
  });
});
