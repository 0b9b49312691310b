import type { BenchRow } from './rows';

/**
 * `change_growth`: the median change latency at n over the one at 1,000, in the same environment and
 * run. Added for every n above 1,000 that has a 1,000 baseline; absent otherwise (e.g. `--quick`).
 */
export function withGrowthRows(rows: readonly BenchRow[]): BenchRow[] {
  const out = [...rows];
  const medians = rows.filter((row) => row.metric === 'change_visible_p50_ms');
  for (const row of medians) {
    const base = medians.find((other) => other.env === row.env && other.n === 1000);
    if (base === undefined || row.n <= 1000 || base.value <= 0) continue;
    out.push({
      env: row.env,
      n: row.n,
      metric: 'change_growth',
      value: Math.round((row.value / base.value) * 1000) / 1000,
      unit: 'ratio',
    });
  }
  return out;
}
