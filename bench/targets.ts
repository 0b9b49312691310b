import type { BenchRow } from './rows';

export interface Target {
  /** As the issue states it. */
  label: string;
  metric: string;
  /** Which rows the target speaks of. */
  applies(row: BenchRow): boolean;
  met(value: number): boolean;
}

const everywhere = () => true;
const at30k = (row: BenchRow) => row.n === 30_000;

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
  /** No row measured it in this run. */
  measured: boolean;
  misses: BenchRow[];
  passes: BenchRow[];
}

export function checkTargets(rows: readonly BenchRow[]): TargetReport[] {
  return TARGETS.map((target) => {
    const relevant = rows.filter((row) => row.metric === target.metric && target.applies(row));
    return {
      target,
      measured: relevant.length > 0,
      misses: relevant.filter((row) => !target.met(row.value)),
      passes: relevant.filter((row) => target.met(row.value)),
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
