/**
 * Where a row was measured: Node over fake-indexeddb, Chromium over its real IndexedDB (the pipeline in
 * one page), or the simulated phone in Chromium (its workers, frames and panel, driven as a user would).
 */
export type BenchEnv = 'node' | 'chromium' | 'device';

export type BenchUnit = 'ms' | 'ratio' | 'count' | 'bytes';

/** One measurement, as `bench/results.json` lists them. The shape and the metric names are a contract. */
export interface BenchRow {
  env: BenchEnv;
  n: number;
  metric: string;
  value: number;
  unit: BenchUnit;
}

/** Collects the rows of one environment and size. */
export class RowSink {
  readonly rows: BenchRow[] = [];
  constructor(
    readonly env: BenchEnv,
    readonly n: number,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  add(metric: string, value: number, unit: BenchUnit): void {
    const rounded = unit === 'ratio' ? Math.round(value * 1000) / 1000 : Math.round(value * 100) / 100;
    this.rows.push({ env: this.env, n: this.n, metric, value: rounded, unit });
    this.log(`  ${this.env} n=${this.n} ${metric} = ${rounded} ${unit}`);
  }
}
