/**
 * The bench page: the same suite as in Node, over Chromium's real IndexedDB, with PouchDB on its
 * IndexedDB adapter. `bench/browser/runChromium.ts` loads it and calls `benchRun(n)` per size.
 */
import idbAdapter from 'pouchdb-adapter-idb';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { settledHeap } from '../heapProbe';
import { pouchdbCopy } from '../peers/pouchdb';
import { rxdbCopy } from '../peers/rxdb';
import type { BenchRow } from '../rows';
import { type Family, runSuite } from '../suite';

PouchDB.plugin(idbAdapter).plugin(replication);

interface ChromeMemory {
  usedJSHeapSize: number;
}

/** The JS heap after a forced collection (Chromium with --js-flags=--expose-gc and precise memory info). */
async function heap(): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const memory = (performance as Performance & { memory?: ChromeMemory }).memory;
  if (gc === undefined || memory === undefined) return undefined;
  return settledHeap(gc, () => memory.usedJSHeapSize);
}

declare global {
  interface Window {
    benchRun(n: number, families?: readonly Family[]): Promise<BenchRow[]>;
  }
}

window.benchRun = (n: number, families?: readonly Family[]) =>
  runSuite(
    n,
    {
      env: 'chromium',
      heap,
      peers: { pouchdb: (job) => pouchdbCopy(PouchDB, 'idb', job), rxdb: rxdbCopy },
      log: (line) => console.log(line),
    },
    families,
  );

document.getElementById('state')!.textContent = 'ready';
