import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Each convergence suite records what it tried (sequences, crash points, fuzz cases, matrix cells) and
 * what it found. Suites run in separate workers, so each writes its own part; every write also merges
 * the parts into test-results/convergence-counts.json and prints the summary, so the last suite to
 * finish prints the whole run. Each part says when it was written: a suite run alone leaves the others'
 * older parts in place, dated.
 */

export type SuiteCounts = Record<string, number>;

interface Part {
  at: string;
  counts: SuiteCounts;
}

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const PARTS = join(RESULTS, 'convergence');
const SUMMARY = join(RESULTS, 'convergence-counts.json');

export function soakMode(): boolean {
  return process.env.SOAK === '1';
}

function readPart(file: string): Part | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Part;
  } catch {
    return undefined;
  }
}

/** Starts a suite's counts for this run; call once before the suite records. */
export function resetCounts(suite: string): void {
  mkdirSync(PARTS, { recursive: true });
  const part: Part = { at: new Date().toISOString(), counts: {} };
  writeFileSync(join(PARTS, `${suite}.json`), `${JSON.stringify(part, null, 2)}\n`);
}

/** Adds to a suite's counts, merges every suite's counts, writes and prints the summary. */
export function recordCounts(suite: string, counts: SuiteCounts): void {
  mkdirSync(PARTS, { recursive: true });
  const file = join(PARTS, `${suite}.json`);
  const part: Part = readPart(file) ?? { at: new Date().toISOString(), counts: {} };
  for (const [key, value] of Object.entries(counts)) part.counts[key] = (part.counts[key] ?? 0) + value;
  writeFileSync(file, `${JSON.stringify(part, null, 2)}\n`);

  const suites: Record<string, Part> = {};
  for (const name of readdirSync(PARTS)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const found = readPart(join(PARTS, name));
    if (found !== undefined) suites[name.replace(/\.json$/, '')] = found;
  }
  const summary = { mode: soakMode() ? 'soak' : 'default', suites };
  writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);
  const lines = Object.entries(suites).map(
    ([name, { at, counts: c }]) =>
      `  ${name} (${at}): ${Object.entries(c)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
  );
  console.log(`convergence counts (${summary.mode}):\n${lines.join('\n')}`);
}
