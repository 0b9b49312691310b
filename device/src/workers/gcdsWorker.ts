import { GCDS_APP_ID, Gcds } from '@gcds/gcds';
import { DataStorePlatform } from '@gcds/shared';
import * as Comlink from 'comlink';
import { asyncScheduler, throttleTime } from 'rxjs';
import type { GcdsClientApi, GcdsPoint, GcdsWorkerApi } from '../protocol/workerApis';

/**
 * The headless GCDS in its own worker: its own platform instance (change events and store announcements
 * reach it over the shared BroadcastChannel), the `gcds` identity at the certified level, and nothing
 * else. Killing it is `worker.terminate()`: open transactions abort, and the next worker resumes from
 * the cursors in IndexedDB.
 */
let gcds: Gcds | undefined;

function running(): Gcds {
  if (gcds === undefined) throw new Error('the GCDS is still starting');
  return gcds;
}

const client: GcdsClientApi = {
  merge: (ids, nameFrom) => running().merge(ids, nameFrom),
  mergeMany: (groups) => running().mergeMany(groups),
  unmerge: (id) => running().unmerge(id),
  suggestDuplicates: (id, limit) => running().suggestDuplicates(id, limit),
  dismissSuggestion: (id, other) => running().dismissSuggestion(id, other),
  personOf: (source) => running().personOf(source),
  hide: (id) => running().hide(id),
  unhide: (id) => running().unhide(id),
  hiddenPeople: () => running().hiddenPeople(),
  whenIdle: () => running().whenIdle(),
};

const api: GcdsWorkerApi = {
  async start(config, onStatus) {
    const platform = new DataStorePlatform({
      namespace: config.namespace,
      broadcastChannelName: config.channel,
    });
    const identity = platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
    gcds = await Gcds.start({ platform, identity, region: config.region });
    // Every transaction changes the status: the shell needs a few updates a second, not thousands, but
    // every transaction's revision and records, for the progress an app shows.
    let points: GcdsPoint[] = [];
    gcds.status$.subscribe(({ revision, sources }) => {
      if (points.at(-1)?.revision !== revision || points.at(-1)?.sources !== sources)
        points.push({ revision, sources });
    });
    gcds.status$
      .pipe(throttleTime(100, asyncScheduler, { leading: true, trailing: true }))
      .subscribe((status) => {
        const sent = points;
        points = [];
        void onStatus(status, sent);
      });
  },
  connect(port) {
    Comlink.expose(client, port);
  },
};

Comlink.expose(api);
