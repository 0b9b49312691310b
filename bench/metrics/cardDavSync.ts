import { accessSync, constants } from 'node:fs';
import {
  type CardDavApi,
  CardDavClient,
  createCardDavProvider,
  DavTransport,
  type RemoteCard,
} from '@gcds/provider-carddav';
import { RADICALE_PATH, type RunningDavServer, startRadicale, vcard } from '@gcds/provider-carddav/testing';
import { DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import type { RowSink } from '../rows';

/** The bench's CardDAV sizes: larger books make Radicale itself the whole measurement (minutes per PUT). */
export const CARDDAV_MAX_N = 10_000;
/** Cards per multiget, for the provider and the plain download alike (the provider's default). */
const BATCH = 100;
/** Radicale takes tens of seconds over one request on a cold 10k collection: no timeout may cut it. */
const TIMEOUT_MS = 15 * 60_000;

function card(i: number, edit = 0): string {
  const id = String(i).padStart(6, '0');
  return vcard(`bench-${id}`, `Person ${id}${edit === 0 ? '' : ` (edit ${edit})`}`, [
    `TEL;TYPE=CELL:+1 415 ${String(5_000_000 + i).slice(-7)}`,
    `EMAIL:person${id}@example.com`,
  ]);
}

/**
 * Radicale 3 takes a whole address book in one PUT of all its cards to a collection that does not exist
 * yet (it creates the collection, one item per card); per-card PUTs slow to about one a second at 10k.
 */
async function seed(server: RunningDavServer, n: number): Promise<string> {
  const bookUrl = `${server.homeUrl}bench/`;
  const cards = Array.from({ length: n }, (_, i) => card(i)).join('');
  const auth = `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;
  const response = await fetch(bookUrl, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'text/vcard; charset=utf-8' },
    body: cards,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status !== 201) throw new Error(`seeding ${bookUrl}: HTTP ${response.status}`);
  return bookUrl;
}

function client(server: RunningDavServer, bookUrl: string): CardDavClient {
  return new CardDavClient(
    new DavTransport({
      account: { url: bookUrl, username: server.username, password: server.password },
      timeoutMs: TIMEOUT_MS,
    }),
  );
}

function radicaleInstalled(): boolean {
  try {
    accessSync(RADICALE_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A CardDAV account against a real Radicale (127.0.0.1, a free port, a temp folder), seeded with n cards:
 * a fresh provider's first sync until done, an incremental sync after 1 % of the cards changed on the
 * server, and the plain download of the same cards with the same client (PROPFIND Depth 1 + multiget in
 * the same batches, no store), the floor the first sync is held against. Node only; skipped (and said
 * so) without Radicale or above CARDDAV_MAX_N.
 */
export async function measureCardDavSync(
  n: number,
  sink: RowSink,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  if (n > CARDDAV_MAX_N) {
    log(`  carddav: skipped at n=${n} (measured up to ${CARDDAV_MAX_N}: beyond, it times Radicale alone)`);
    return;
  }
  if (!radicaleInstalled()) {
    log(`  carddav: SKIPPED, ${RADICALE_PATH} not found (sudo apt-get install -y radicale)`);
    return;
  }
  const server = await startRadicale();
  const platform = new DataStorePlatform({ namespace: `bench-carddav-${n}-${Date.now()}` });
  const registry = new ProviderRegistry(platform);
  try {
    let start = performance.now();
    const bookUrl = await seed(server, n);
    log(`  carddav: seeded ${n} cards in one PUT in ${Math.round(performance.now() - start)} ms`);
    const plain = client(server, bookUrl);
    // Radicale builds its item cache on the first listing after the upload: untimed, so neither the
    // first sync nor the download below pays for it.
    start = performance.now();
    await plain.listCards(bookUrl);
    log(`  carddav: first listing (Radicale's cache) in ${Math.round(performance.now() - start)} ms`);

    const installed = await registry.install<CardDavApi>(
      createCardDavProvider({
        url: bookUrl,
        username: server.username,
        password: server.password,
        addressBook: { url: bookUrl, readOnly: false, supportsSyncCollection: true },
        batchSize: BATCH,
        timeoutMs: TIMEOUT_MS,
        retryBaseMs: 0,
      }),
    );
    start = performance.now();
    const first = await installed.api.sync();
    const firstSync = performance.now() - start;
    if (first.downloaded !== n || first.errors.length > 0)
      throw new Error(`carddav first sync: ${first.downloaded} of ${n} cards, ${first.errors.length} errors`);

    start = performance.now();
    const refs = await plain.listCards(bookUrl);
    const cards: RemoteCard[] = [];
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = refs.slice(i, i + BATCH).map((ref) => ref.url);
      cards.push(...(await plain.multiget(bookUrl, batch)));
    }
    const download = performance.now() - start;
    if (cards.length !== n) throw new Error(`carddav plain download: ${cards.length} of ${n} cards`);

    // 1 % of the cards edited by another client (the web UI), one conditional PUT each, spread over
    // the book. Radicale names the items of a whole-collection upload itself: the UID says which card.
    const changed = Math.max(1, Math.round(n / 100));
    start = performance.now();
    for (let k = 0; k < changed; k += 1) {
      const remote = cards[Math.floor((k * cards.length) / changed)]!;
      const index = Number(/UID:bench-(\d+)/.exec(remote.text)?.[1]);
      await plain.put(remote.url, card(index, 1), { ifMatch: remote.etag });
    }
    log(`  carddav: ${changed} cards changed on the server in ${Math.round(performance.now() - start)} ms`);
    start = performance.now();
    const incremental = await installed.api.sync();
    const incrementalSync = performance.now() - start;
    if (incremental.kind !== 'incremental' || incremental.downloaded !== changed)
      throw new Error(
        `carddav incremental sync: ${incremental.kind}, ${incremental.downloaded} of ${changed} cards`,
      );

    sink.add('carddav_first_sync_ms', firstSync, 'ms');
    sink.add('carddav_plain_download_ms', download, 'ms');
    sink.add('carddav_first_sync_vs_download', firstSync / download, 'ratio');
    sink.add('carddav_incremental_sync_ms', incrementalSync, 'ms');
  } finally {
    await registry.shutdown();
    await server.stop();
  }
}
