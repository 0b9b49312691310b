/**
 * One size of the bench in this Node process, over fake-indexeddb. Started by `bench/run.ts` in a
 * child process of its own (a fresh heap per size, `--expose-gc` for the heap probe); prints the rows
 * as one JSON line after `ROWS `.
 */
import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { settledHeap } from '../heapProbe';
import { measureCardDavSync } from '../metrics/cardDavSync';
import { pouchdbCopy } from '../peers/pouchdb';
import { rxdbCopy } from '../peers/rxdb';
import { FAMILIES, parseFamilies, runSuite } from '../suite';

PouchDB.plugin(memoryAdapter).plugin(replication);

async function heap(): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return undefined;
  return settledHeap(gc, () => process.memoryUsage().heapUsed);
}

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  throw new Error(`usage: nodeSuite.ts <contacts> [families], not ${process.argv[2]}`);
}
const families = process.argv[3] === undefined ? FAMILIES : parseFamilies(process.argv[3]);
const rows = await runSuite(
  n,
  {
    env: 'node',
    heap,
    peers: { pouchdb: (job) => pouchdbCopy(PouchDB, 'memory', job), rxdb: rxdbCopy },
    log: (line) => process.stderr.write(`${line}\n`),
    cardDav: measureCardDavSync,
    serializedSize: (value) => serialize(value).length,
  },
  families,
);
process.stdout.write(`ROWS ${JSON.stringify(rows)}\n`);
