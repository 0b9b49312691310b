// Measures how soon the built `gcds` command answers: `gcds --help` and `gcds merge` on a one-card file,
// 10 runs each, time to the first byte of output and to the exit (medians). Run: node cli/measureStartup.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('./bin/gcds.mjs', import.meta.url));
const RUNS = 10;

function timeOnce(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let first = null;
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = () => {
      first ??= process.hrtime.bigint();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      const end = process.hrtime.bigint();
      if (code !== 0) reject(new Error(`gcds ${args.join(' ')} exited with ${code}`));
      else
        resolve({ firstOutputMs: Number((first ?? end) - start) / 1e6, exitMs: Number(end - start) / 1e6 });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const dir = await mkdtemp(join(tmpdir(), 'gcds-startup-'));
const card = join(dir, 'one-card.vcf');
await writeFile(
  card,
  'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u1\r\nFN:Ada Lovelace\r\nTEL:+44 20 7946 0000\r\nEND:VCARD\r\n',
);

for (const args of [['--help'], ['merge', card]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeOnce(args));
  const first = median(runs.map((run) => run.firstOutputMs));
  const exit = median(runs.map((run) => run.exitMs));
  console.log(
    `gcds ${args[0]}${args[1] ? ' one-card.vcf' : ''}: first output ${first.toFixed(0)} ms, exit ${exit.toFixed(0)} ms (median of ${RUNS})`,
  );
}
