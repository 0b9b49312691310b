import type { BenchRow } from './rows';

/** The metrics in the order the table lists them: ratios first (machine-independent), then the rest. */
export const METRIC_ORDER = [
  'initial_vs_floor',
  'change_growth',
  'merge_growth',
  'merge_precision',
  'merge_recall',
  'ours_vs_pouchdb',
  'carddav_first_sync_vs_download',
  'initial_population_ms',
  'first_visible_ms',
  'floor_ms',
  'device_first_rows_ms',
  'device_settled_ms',
  'device_records',
  'change_visible_p50_ms',
  'change_visible_p95_ms',
  'first_screen_ms',
  'all_groups_ms',
  'detail_ms',
  'search_p50_ms',
  'search_p95_ms',
  'caller_id_p50_ms',
  'caller_id_p95_ms',
  'merge_only_ms',
  'burst_wakeups',
  'burst_settle_ms',
  'peer_pouchdb_ms',
  'peer_rxdb_ms',
  'ours_copy_ms',
  'list_bytes_per_contact',
  'vcard_import_ms',
  'vcard_import_peak_bytes',
  'carddav_first_sync_ms',
  'carddav_plain_download_ms',
  'carddav_incremental_sync_ms',
  'census_writes_per_record',
  'census_reads_per_record',
  'census_index_entries_per_record',
  'census_bytes_per_record',
] as const;

/** The columns' order: Node, then the one-page Chromium run, then the simulated phone. */
const ENV_ORDER: readonly BenchRow['env'][] = ['node', 'chromium', 'device'];

function compactN(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function formatValue(row: BenchRow): string {
  // Merge quality is read in tenths of a percent: 0.998 is the target, 0.99 would miss it.
  if (row.metric === 'merge_precision' || row.metric === 'merge_recall') return row.value.toFixed(4);
  if (row.unit === 'ratio') return row.value.toFixed(2);
  if (row.unit === 'count') return String(Math.round(row.value));
  if (row.unit === 'bytes') return String(Math.round(row.value));
  return row.value >= 10 ? `${Math.round(row.value)}` : row.value.toFixed(2);
}

/** A Markdown table: one line per metric, one column per environment and size. */
export function formatTable(rows: readonly BenchRow[]): string {
  const columns = [
    ...new Map(rows.map((row) => [`${row.env} ${row.n}`, { env: row.env, n: row.n }])).values(),
  ].sort((a, b) => (a.env === b.env ? a.n - b.n : ENV_ORDER.indexOf(a.env) - ENV_ORDER.indexOf(b.env)));
  const metrics = [
    ...METRIC_ORDER.filter((metric) => rows.some((row) => row.metric === metric)),
    ...new Set(
      rows.map((row) => row.metric).filter((metric) => !(METRIC_ORDER as readonly string[]).includes(metric)),
    ),
  ];
  const header = ['metric', 'unit', ...columns.map((c) => `${c.env} ${compactN(c.n)}`)];
  const lines = metrics.map((metric) => {
    const unit = rows.find((row) => row.metric === metric)?.unit ?? '';
    const cells = columns.map((c) => {
      const row = rows.find((r) => r.metric === metric && r.env === c.env && r.n === c.n);
      return row === undefined ? '' : formatValue(row);
    });
    return [metric, unit, ...cells];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}
