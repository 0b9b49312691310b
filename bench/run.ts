/**
 * `npm run bench`: the pipeline at 1k to 100k contacts against the physical floor and against peers.
 *
 *   npm run bench                      Node (1k, 10k, 30k, 100k) and Chromium (1k, 10k, 30k)
 *   npm run bench -- --quick           Node at 10k only (under two minutes)
 *   npm run bench -- --env node --n 1000,10000
 *   npm run bench -- --env chromium,device --n 30000 --only initial
 *                                      the simulated phone's load (workers, frames) beside the one-page run,
 *                                      which also runs at the phone's provider records (30,000 people are
 *                                      37,228 records: the demo book's duplicates and hard cases)
 *   npm run bench -- --out /tmp/rows.json
 *   npm run bench -- --only initial,changes     some metric families (see bench/suite.ts)
 *   npm run bench -- --profile /tmp/prof        V8 CPU profiles (Node children, the Chromium page and the
 *                                               device's shell page) go there
 *
 * Prints a table and the targets, and writes the rows to bench/results.json (or --out).
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChromium } from './browser/runChromium';
import { demoProviderRecords } from './device/demoProviderRecords';
import { runDevice } from './device/runDevice';
import { withGrowthRows } from './growth';
import type { BenchEnv, BenchRow } from './rows';
import { FAMILIES, type Family, parseFamilies } from './suite';
import { formatTable } from './table';
import { checkTargets, formatTargets } from './targets';

const here = dirname(fileURLToPath(import.meta.url));
const ENVS: readonly BenchEnv[] = ['node', 'chromium', 'device'];

interface Plan {
  node: number[];
  chromium: number[];
  /** The simulated phone: only when asked for (`--env device`), at 30,000 unless told. */
  device: number[];
  out: string;
  families: readonly Family[];
  profileDir: string | undefined;
}

export function parseArguments(argv: readonly string[]): Plan {
  let envs: BenchEnv[] = ['node', 'chromium'];
  let sizes: number[] | undefined;
  let out = join(here, 'results.json');
  let quick = false;
  let families: readonly Family[] = FAMILIES;
  let profileDir: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--quick') quick = true;
    else if (arg === '--env') {
      envs = value()
        .split(',')
        .map((env) => {
          const known = ENVS.find((e) => e === env);
          if (known === undefined) throw new Error(`--env is node, chromium or device, not "${env}"`);
          return known;
        });
    } else if (arg === '--n') {
      sizes = value()
        .split(',')
        .map((text) => Number(text.replace(/_/g, '')));
      if (sizes.some((n) => !Number.isInteger(n) || n < 10))
        throw new Error('--n takes whole numbers >= 10, e.g. 1000,10000');
    } else if (arg === '--out') out = value();
    else if (arg === '--only') families = parseFamilies(value());
    else if (arg === '--profile') profileDir = value();
    else throw new Error(`unknown argument "${arg}" (see the header of bench/run.ts)`);
  }
  if (quick) return { node: sizes ?? [10_000], chromium: [], device: [], out, families, profileDir };
  const device = envs.includes('device') ? (sizes ?? [30_000]) : [];
  // The phone's n is people; the one-page run's is provider records. Beside the phone it runs at the
  // phone's records too, so the settle target weighs the same work.
  const chromium = envs.includes('chromium')
    ? [...new Set([...(sizes ?? [1_000, 10_000, 30_000]), ...device.map(demoProviderRecords)])].sort(
        (a, b) => a - b,
      )
    : [];
  return {
    node: envs.includes('node') ? (sizes ?? [1_000, 10_000, 30_000, 100_000]) : [],
    chromium,
    device,
    out,
    families,
    profileDir,
  };
}

/** One size in a Node process of its own: a fresh heap, room for 100k, and `gc()` for the heap probe. */
function runNodeSize(n: number, plan: Plan): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const profile = plan.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${plan.profileDir}`];
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=12288',
        ...profile,
        '--import',
        'tsx',
        join(here, 'node', 'nodeSuite.ts'),
        String(n),
        plan.families.join(','),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('ROWS '));
      if (code !== 0 || line === undefined) {
        reject(new Error(`the Node bench at n=${n} failed (exit ${code})`));
        return;
      }
      resolve(JSON.parse(line.slice(5)) as BenchRow[]);
    });
  });
}

async function main(): Promise<void> {
  const plan = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const rows: BenchRow[] = [];
  for (const n of plan.node) rows.push(...(await runNodeSize(n, plan)));
  if (plan.chromium.length > 0) {
    rows.push(
      ...(await runChromium(
        plan.chromium,
        (line) => process.stderr.write(`${line}\n`),
        plan.families,
        plan.profileDir,
      )),
    );
  }
  if (plan.device.length > 0) {
    rows.push(
      ...(await runDevice(plan.device, (line) => process.stderr.write(`${line}\n`), plan.profileDir)),
    );
  }
  const all = withGrowthRows(rows);
  await writeFile(plan.out, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(all)}\n\nTargets:\n${formatTargets(checkTargets(all))}\n`);
  process.stdout.write(
    `\n${all.length} rows written to ${plan.out} in ${Math.round((performance.now() - started) / 1000)} s\n`,
  );
}

await main();
