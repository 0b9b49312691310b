import type { BenchRow } from './rows';

export interface Target {
  /** As the issue states it. */
  label: string;
  metric: string;
  /** Which rows the target speaks of. */
  applies(row: BenchRow): boolean;
  /** Met or not; undefined when the run lacks what it is measured against (another row). */
  met(value: number, row: BenchRow, rows: readonly BenchRow[]): boolean | undefined;
}

const everywhere = () => true;
const at30k = (row: BenchRow) => row.n === 30_000;
const onTheDevice = (row: BenchRow) => row.env === 'device';

/**
 * The one-page Chromium run's population time over as many provider records as the device row's load
 * wrote (`device_records`: its n is people, the one-page run's n records), in the same run.
 */
function chromiumPopulation(row: BenchRow, rows: readonly BenchRow[]): number | undefined {
  const records = rows.find((r) => r.env === 'device' && r.n === row.n && r.metric === 'device_records');
  if (records === undefined) return undefined;
  return rows.find(
    (r) => r.env === 'chromium' && r.n === records.value && r.metric === 'initial_population_ms',
  )?.value;
}

/** The targets: reported by the bench, never asserted in tests. */
export const TARGETS: readonly Target[] = [
  { label: 'initial_vs_floor ≤ 2.5', metric: 'initial_vs_floor', applies: everywhere, met: (v) => v <= 2.5 },
  {
    label: 'first_visible_ms ≤ 1,000 (every app shows someone after an import starts)',
    metric: 'first_visible_ms',
    applies: everywhere,
    met: (v) => v <= 1_000,
  },
  {
    label: 'a change visible everywhere < 50 ms (Chromium, 30,000; p50)',
    metric: 'change_visible_p50_ms',
    applies: (row) => row.env === 'chromium' && at30k(row),
    met: (v) => v < 50,
  },
  {
    label: 'a change visible everywhere < 50 ms (Chromium, 30,000; p95)',
    metric: 'change_visible_p95_ms',
    applies: (row) => row.env === 'chromium' && at30k(row),
    met: (v) => v < 50,
  },
  {
    label: 'device_first_rows_ms ≤ 1,000 (the phone shows its first person after "Load")',
    metric: 'device_first_rows_ms',
    applies: onTheDevice,
    met: (v) => v <= 1_000,
  },
  {
    label:
      'device_settled_ms ≤ 1.5 × chromium initial_population_ms over the same provider records (device_records), in the same run',
    metric: 'device_settled_ms',
    applies: onTheDevice,
    met: (v, row, rows) => {
      const population = chromiumPopulation(row, rows);
      return population === undefined ? undefined : v <= 1.5 * population;
    },
  },
  { label: 'change_growth ≤ 1.5', metric: 'change_growth', applies: everywhere, met: (v) => v <= 1.5 },
  { label: 'first_screen_ms < 50', metric: 'first_screen_ms', applies: everywhere, met: (v) => v < 50 },
  { label: 'search_p95_ms < 10 at 30,000', metric: 'search_p95_ms', applies: at30k, met: (v) => v < 10 },
  { label: 'caller_id_p95_ms < 2 at 30,000', metric: 'caller_id_p95_ms', applies: at30k, met: (v) => v < 2 },
  { label: 'ours_vs_pouchdb < 1', metric: 'ours_vs_pouchdb', applies: everywhere, met: (v) => v < 1 },
  { label: 'burst_wakeups ≤ 10', metric: 'burst_wakeups', applies: everywhere, met: (v) => v <= 10 },
  {
    label: 'merge_precision ≥ 0.998',
    metric: 'merge_precision',
    applies: everywhere,
    met: (v) => v >= 0.998,
  },
  { label: 'merge_recall ≥ 0.95', metric: 'merge_recall', applies: everywhere, met: (v) => v >= 0.95 },
];

export interface TargetReport {
  target: Target;
  /** No row measured it in this run (or none had what it is measured against). */
  measured: boolean;
  misses: BenchRow[];
  passes: BenchRow[];
}

export function checkTargets(rows: readonly BenchRow[]): TargetReport[] {
  return TARGETS.map((target) => {
    const judged = rows
      .filter((row) => row.metric === target.metric && target.applies(row))
      .map((row) => ({ row, met: target.met(row.value, row, rows) }))
      .filter((verdict) => verdict.met !== undefined);
    return {
      target,
      measured: judged.length > 0,
      misses: judged.filter((verdict) => !verdict.met).map((verdict) => verdict.row),
      passes: judged.filter((verdict) => verdict.met).map((verdict) => verdict.row),
    };
  });
}

export function formatTargets(reports: readonly TargetReport[]): string {
  return reports
    .map(({ target, measured, misses, passes }) => {
      if (!measured) return `- [ ] ${target.label}: not measured in this run`;
      if (misses.length === 0) return `- [x] ${target.label}: met (${passes.length} of ${passes.length})`;
      const where = misses.map((row) => `${row.env} ${row.n}: ${row.value}`).join(', ');
      return `- [ ] ${target.label}: missed at ${where}`;
    })
    .join('\n');
}
