import {
  type ChangeEvent,
  type Contact,
  contentId,
  DataStorePlatform,
  type DataStoreReader,
  PROVIDER_STORE_NAME,
  ProviderRegistry,
  type SyncTask,
} from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { bytesOfBase64, CORPUS_JPEG_BASE64, corpusBytes } from '../test/corpusFiles';
import { withWrappedStore } from '../test/wrappedStore';
import { parseVcardFile } from './parseVcardFile';
import {
  createVcardProvider,
  VCARD_PROVIDER_ID,
  VCARD_PROVIDER_MANIFEST,
  type VcardImportProgress,
  type VcardProviderApi,
  type VcardProviderOptions,
} from './vcardProvider';

const JPEG = bytesOfBase64(CORPUS_JPEG_BASE64);
const NOW = 1_700_000_000_000;

let counter = 0;

async function setup(options: VcardProviderOptions = {}) {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `vcard-provider-test-${counter}` });
  const registry = new ProviderRegistry(platform, { now: () => NOW });
  const definition = createVcardProvider(options);
  const blobWrites: string[] = [];
  // The same provider, with its store's blob writes counted: photos must be written once.
  const counted = withWrappedStore(definition, (store) => ({
    putBlob: (id, blob) => {
      blobWrites.push(id);
      return store.putBlob(id, blob);
    },
    putBlobs: (blobs) => {
      blobWrites.push(...blobs.map(({ id }) => id));
      return store.putBlobs(blobs);
    },
  }));
  const installed = await registry.install(counted);
  const app = platform.registerApp({ appId: `reader-${counter}`, accessLevel: 'privileged' });
  const reader = await platform.openStore<Contact>(app, PROVIDER_STORE_NAME, installed.id);
  const events: ChangeEvent[] = [];
  reader.changes$.subscribe((event) => events.push(event));
  return { platform, registry, api: installed.api as VcardProviderApi, reader, events, blobWrites };
}

async function all(reader: DataStoreReader<Contact>): Promise<Contact[]> {
  const ids = await reader.keys();
  return (await reader.getMany(ids)).filter((contact): contact is Contact => contact !== undefined);
}

async function tasksSince(reader: DataStoreReader<Contact>, revision: number): Promise<SyncTask<Contact>[]> {
  const tasks: SyncTask<Contact>[] = [];
  for await (const task of reader.sync(revision)) tasks.push(task);
  return tasks;
}

function vcf(...cards: string[][]): string {
  return cards
    .map((lines) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n'))
    .join('\r\n');
}

function byName(contacts: Contact[], name: string): Contact {
  const found = contacts.find((contact) => contact.formattedName === name);
  if (found === undefined) throw new Error(`no contact named ${name}`);
  return found;
}

/**
 * Records progress events and checks, at each one, that a timer set at the previous one has fired: the
 * import gave the event loop a turn between the two batches.
 */
function watchProgress() {
  const progress: VcardImportProgress[] = [];
  const turns: number[] = [];
  return {
    progress,
    onProgress(event: VcardImportProgress) {
      const previous = progress[progress.length - 1];
      if (previous !== undefined) expect(turns).toContain(previous.done);
      progress.push(event);
      setTimeout(() => turns.push(event.done), 0);
    },
  };
}

describe('the vcard provider', () => {
  it('installs read-only at the privileged level, under its own id when given one', async () => {
    const { registry } = await setup();
    expect(registry.get(VCARD_PROVIDER_ID)?.manifest).toEqual({ ...VCARD_PROVIDER_MANIFEST });
    expect(VCARD_PROVIDER_MANIFEST).toMatchObject({ accessLevel: 'privileged', writable: false });
    const work = await registry.install(createVcardProvider({ id: 'vcard-work', displayName: 'Work cards' }));
    expect(work.manifest.displayName).toBe('Work cards');
    expect(registry.list().map((provider) => provider.id)).toEqual([VCARD_PROVIDER_ID, 'vcard-work']);
  });

  it('imports a file: persons only, photos as blob references, updatedAt from REV or now', async () => {
    const { api, reader } = await setup();
    const report = await api.importFile('apple-3.0.vcf', corpusBytes('apple-3.0.vcf'));
    expect(report).toEqual({
      file: 'apple-3.0.vcf',
      total: 3,
      added: 2,
      updated: 0,
      unchanged: 0,
      removed: 0,
      removalsDeferred: 0,
      skippedGroups: 1,
      cards: [
        { id: expect.stringMatching(/^u-/), uid: '6B29FC40-CA47-1067-B31D-00DD010662DA', index: 0, line: 1 },
        { id: expect.stringMatching(/^c-/), uid: null, index: 2, line: 43 },
      ],
      errors: [],
      warnings: [],
    });
    const contacts = await all(reader);
    expect(contacts.map((c) => c.formattedName).sort()).toEqual([
      'Dr. John Q. Appleseed Jr.',
      'Globex Corporation',
    ]);
    const john = byName(contacts, 'Dr. John Q. Appleseed Jr.');
    expect(report.cards.map((card) => card.id)).toEqual([john.id, byName(contacts, 'Globex Corporation').id]);
    const photoId = await contentId(JPEG);
    // Under Node there is no image decoder: the thumbnail is the photo itself.
    expect(john.photo).toEqual({ id: photoId, thumbnailId: photoId, mediaType: 'image/jpeg' });
    expect(await reader.getBlob(photoId)).toEqual({ bytes: JPEG, mediaType: 'image/jpeg' });
    expect(john.updatedAt).toBe(NOW);
    expect(john.id).toMatch(/^u-/);
    expect(byName(contacts, 'Globex Corporation').id).toMatch(/^c-/);
    const { id: _id, photo: _photo, updatedAt: _updatedAt, ...fields } = john;
    expect(fields).toStrictEqual(
      parseVcardFile('apple-3.0.vcf', corpusBytes('apple-3.0.vcf')).cards[0]!.contact,
    );
  });

  it('imports a card whose photo is oversized or broken without the photo, with a warning by file and line', async () => {
    const { api, reader, blobWrites } = await setup();
    const huge = Buffer.from(new Uint8Array(9 * 1024 * 1024)).toString('base64');
    const text = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:big\r\nFN:Big Photo\r\nTEL:+1 415 555 0100',
      `PHOTO;ENCODING=b;TYPE=PNG:${huge}\r\nEND:VCARD`,
      'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:bad\r\nFN:Bad Photo\r\nPHOTO:data:image/png;base64,%%%\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ok\r\nFN:No Photo\r\nEND:VCARD\r\n',
    ].join('\r\n');
    const report = await api.importFile('photos.vcf', text);
    expect({ added: report.added, errors: report.errors }).toEqual({ added: 3, errors: [] });
    expect(report.warnings).toEqual([
      {
        file: 'photos.vcf',
        line: 6,
        message:
          'line 6: the PHOTO is larger than 8 MiB, so it was left out (the card "Big Photo" starting at line 1 was imported)',
      },
      {
        file: 'photos.vcf',
        line: 12,
        message:
          'line 12: the PHOTO data: URI does not decode, so it was left out (the card "Bad Photo" starting at line 8 was imported)',
      },
    ]);
    const contacts = await all(reader);
    expect(contacts.map((c) => [c.formattedName, c.photo, c.tel?.[0]?.value]).sort()).toEqual([
      ['Bad Photo', undefined, undefined],
      ['Big Photo', undefined, '+1 415 555 0100'],
      ['No Photo', undefined, undefined],
    ]);
    expect(blobWrites).toEqual([]);
  });

  it('stores a photo shared by cards of several files once, and never inlines it in records or events', async () => {
    const { api, reader, events, blobWrites } = await setup();
    for (const file of ['apple-3.0.vcf', 'outlook-2.1.vcf', 'android-2.1.vcf'] as const) {
      await api.importFile(file, corpusBytes(file));
    }
    const photoId = await contentId(JPEG);
    const withPhotos = (await all(reader)).filter((contact) => contact.photo !== undefined);
    expect(withPhotos.map((contact) => contact.photo?.id)).toEqual([photoId, photoId, photoId]);
    expect(blobWrites).toEqual([photoId]);
    const serialized = JSON.stringify([await all(reader), events]);
    expect(serialized).not.toContain(CORPUS_JPEG_BASE64.slice(0, 40));
    expect(serialized).not.toContain('data:');
    for (const event of events)
      expect(Object.keys(event).sort()).toEqual(['ids', 'operation', 'owner', 'revision', 'store']);
  });

  it('re-importing the same file changes nothing: no revision, no event, even with other line ends', async () => {
    const { api, reader, events } = await setup();
    await api.importFile('google.vcf', corpusBytes('google-3.0.vcf'));
    const revision = await reader.getRevision();
    const eventCount = events.length;
    const again = await api.importFile('google.vcf', corpusBytes('google-3.0.vcf'));
    const crlf = Buffer.from(corpusBytes('google-3.0.vcf')).toString('utf8').replace(/\n/g, '\r\n');
    const crlfAgain = await api.importFile('google.vcf', crlf);
    for (const report of [again, crlfAgain]) {
      expect(report).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
      expect(report.errors).toHaveLength(1);
    }
    expect(await reader.getRevision()).toBe(revision);
    expect(events).toHaveLength(eventCount);
  });

  it('re-importing an edited file updates and removes exactly what changed, and only from that file', async () => {
    const { api, reader } = await setup();
    const original = vcf(
      ['FN:Alice', 'UID:a', 'TEL:1'],
      ['FN:Bob', 'UID:b'],
      ['FN:Carol', 'NOTE:no uid'],
      ['FN:Dave'],
    );
    await api.importFile('people.vcf', original);
    await api.importFile('other.vcf', vcf(['FN:Bob', 'UID:b']));
    const before = await all(reader);
    const revision = await reader.getRevision();
    const edited = vcf(
      ['FN:Alice', 'UID:a', 'TEL:2'],
      ['FN:Carol', 'NOTE:edited, and no uid'],
      ['FN:Dave'],
      ['FN:Erin', 'UID:e'],
    );
    const report = await api.importFile('people.vcf', edited);
    expect(report).toMatchObject({ added: 2, updated: 1, unchanged: 1, removed: 2, removalsDeferred: 0 });

    const id = (name: string, contacts = before) =>
      contacts.filter((c) => c.formattedName === name).map((c) => c.id);
    const after = await all(reader);
    const tasks = await tasksSince(reader, revision);
    const summary = tasks
      .filter((t) => t.operation !== 'done')
      .map((t) => ('id' in t ? [t.operation, t.id] : [t.operation]));
    expect(summary.sort()).toEqual(
      [
        ['update', id('Alice')[0]],
        ['add', id('Carol', after)[0]],
        ['add', id('Erin', after)[0]],
        // Bob of people.vcf goes; Bob of other.vcf stays.
        ['remove', before.find((c) => c.formattedName === 'Bob' && !id('Bob', after).includes(c.id))!.id],
        ['remove', id('Carol')[0]],
      ].sort(),
    );
    expect(after.map((c) => c.formattedName).sort()).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Erin']);
    expect(byName(after, 'Alice').tel).toEqual([{ value: '2' }]);
    expect(byName(after, 'Alice').id).toBe(id('Alice')[0]);
    expect(byName(after, 'Dave').id).toBe(id('Dave')[0]);
  });

  it('keeps the record of a card that broke in the new file when its UID is still readable', async () => {
    const { api, reader } = await setup();
    await api.importFile('f.vcf', vcf(['FN:Alice', 'UID:a'], ['FN:Bob', 'UID:b']));
    const report = await api.importFile(
      'f.vcf',
      vcf(['FN:Alice', 'UID:a', 'broken line'], ['FN:Bob', 'UID:b']),
    );
    expect(report).toMatchObject({ unchanged: 1, removed: 0, errors: [{ file: 'f.vcf', line: 5 }] });
    expect((await all(reader)).map((c) => c.formattedName).sort()).toEqual(['Alice', 'Bob']);
  });

  it('removes nothing when a broken card has no UID, and says how many removals it held back', async () => {
    const { api, reader } = await setup();
    await api.importFile('f.vcf', vcf(['FN:Alice'], ['FN:Bob'], ['FN:Carol']));
    const report = await api.importFile('f.vcf', vcf(['FN:Alice', 'broken line'], ['FN:Bob']));
    expect(report).toMatchObject({ unchanged: 1, removed: 0, removalsDeferred: 2 });
    expect(await reader.getLength()).toBe(3);
    const fixed = await api.importFile('f.vcf', vcf(['FN:Alice', 'NOTE:fixed'], ['FN:Bob']));
    expect(fixed).toMatchObject({ added: 1, unchanged: 1, removed: 2, removalsDeferred: 0 });
    expect((await all(reader)).map((c) => c.formattedName).sort()).toEqual(['Alice', 'Bob']);
  });

  it('drops a photo blob once no record refers to it, and keeps one another file still uses', async () => {
    const { api, reader } = await setup();
    const photoLine = `PHOTO;ENCODING=b;TYPE=JPEG:${CORPUS_JPEG_BASE64}`;
    const photoId = await contentId(JPEG);
    await api.importFile('a.vcf', vcf(['FN:A', 'UID:a', photoLine]));
    await api.importFile('b.vcf', vcf(['FN:B', 'UID:b', photoLine]));
    await api.importFile('a.vcf', vcf(['FN:A', 'UID:a']));
    expect(await reader.getBlob(photoId)).toBeDefined();
    expect(await api.listFiles()).toEqual(['a.vcf', 'b.vcf']);
    expect(await api.removeFile('b.vcf')).toBe(1);
    expect(await reader.getBlob(photoId)).toBeUndefined();
    expect(await api.listFiles()).toEqual(['a.vcf']);
    expect((await all(reader)).map((c) => c.formattedName)).toEqual(['A']);
  });

  it('exports everything it holds, photos inline, and the export imports back equal', async () => {
    const { api, reader } = await setup();
    for (const file of [
      'apple-3.0.vcf',
      'outlook-2.1.vcf',
      'android-2.1.vcf',
      'vcard-4.0.vcf',
      'google-3.0.vcf',
    ] as const) {
      await api.importFile(file, corpusBytes(file));
    }
    const stored = await all(reader);
    for (const version of ['4.0', '3.0'] as const) {
      const parsed = parseVcardFile('export.vcf', await api.exportAll({ version }));
      expect(parsed.errors).toEqual([]);
      expect(parsed.cards).toHaveLength(stored.length);
      for (const [i, card] of parsed.cards.entries()) {
        const { id: _id, photo, ...fields } = stored[i]!;
        expect(card.contact).toStrictEqual(fields);
        expect(card.photo).toEqual(photo && (await reader.getBlob(photo.id)));
      }
    }
  });

  it('imports 10,000 cards in batches, with progress, yielding to the event loop between batches', async () => {
    const { api, reader, events } = await setup();
    const cards = Array.from({ length: 10_000 }, (_, i) => [
      `FN:Person ${i}`,
      `N:${i};Person;;;`,
      `UID:person-${i}`,
      `TEL;TYPE=CELL:+1 555 ${String(i).padStart(7, '0')}`,
      `EMAIL:person${i}@example.com`,
    ]);
    const first = watchProgress();
    const report = await api.importFile('big.vcf', vcf(...cards), {
      batchSize: 500,
      onProgress: first.onProgress,
    });
    expect(report).toMatchObject({ total: 10_000, added: 10_000, errors: [] });
    // The file is read as it is imported: the count of cards found so far is final by the last call.
    expect(first.progress.map(({ done }) => done)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i + 1) * 500),
    );
    for (const step of first.progress) expect(step.total).toBeGreaterThanOrEqual(step.done);
    expect(first.progress.at(-1)).toEqual({
      file: 'big.vcf',
      done: 10_000,
      total: 10_000,
      bytesRead: new TextEncoder().encode(vcf(...cards)).length,
    });
    expect(await reader.getLength()).toBe(10_000);
    // One transaction, hence one change event, per batch.
    expect(events.map((event) => event.ids.length)).toEqual(Array.from({ length: 20 }, () => 500));

    // Nothing to write this time, so no IndexedDB work gives the event loop a turn: only the import's own yield.
    const second = watchProgress();
    const again = await api.importFile('big.vcf', vcf(...cards), {
      batchSize: 500,
      onProgress: second.onProgress,
    });
    expect(again).toMatchObject({ unchanged: 10_000, added: 0, updated: 0, removed: 0 });
    expect(second.progress).toHaveLength(20);
    expect(events).toHaveLength(20);
  });

  it('imports a Blob or a stream of chunks as it reads them, the same as the bytes', async () => {
    const cards = Array.from({ length: 3_000 }, (_, i) => [
      `FN:Zoë Ødegaard ${i}`,
      `UID:z-${i}`,
      'TEL:+47 412 34 567',
    ]);
    const bytes = new TextEncoder().encode(vcf(...cards));
    const expected = await (await setup()).api.importFile('z.vcf', bytes);

    const fromBlob = await setup();
    const blobProgress = watchProgress();
    const viaBlob = await fromBlob.api.importFile('z.vcf', new Blob([bytes]), {
      onProgress: blobProgress.onProgress,
    });
    expect(viaBlob).toEqual(expected);
    expect(blobProgress.progress.at(-1)).toMatchObject({ bytesRead: bytes.length, bytesTotal: bytes.length });

    // Chunks of 7 bytes split CRLFs and two-byte characters; the import pulls them as it goes: the
    // first batch is committed long before the end of the stream is read.
    const fromStream = await setup();
    let pulled = 0;
    let pulledAtFirstBatch = 0;
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += 7) {
        pulled += 1;
        yield bytes.slice(at, at + 7);
      }
    }
    const viaStream = await fromStream.api.importFile('z.vcf', chunks(), {
      onProgress: () => {
        pulledAtFirstBatch ||= pulled;
      },
    });
    expect(viaStream).toEqual(expected);
    expect(pulledAtFirstBatch).toBeGreaterThan(0);
    expect(pulledAtFirstBatch).toBeLessThan(pulled / 5);
    expect((await all(fromStream.reader)).map((c) => c.formattedName)).toEqual(
      (await all(fromBlob.reader)).map((c) => c.formattedName),
    );
  });

  it('stops between batches when the provider stops, and a later import finishes the job', async () => {
    counter += 1;
    const platform = new DataStorePlatform({ namespace: `vcard-provider-test-${counter}` });
    const registry = new ProviderRegistry(platform, { now: () => NOW });
    const api = (await registry.install(createVcardProvider())).api;
    const file = vcf(...Array.from({ length: 1000 }, (_, i) => [`FN:P${i}`, `UID:p${i}`]));
    let stopping: Promise<void> | undefined;
    const stopped = api.importFile('big.vcf', file, {
      batchSize: 100,
      onProgress: ({ done }) => {
        if (done === 300) stopping = registry.shutdown();
      },
    });
    await expect(stopped).rejects.toThrow('the vcard provider has stopped');
    await stopping;

    // Started again (a restart of the device): the three committed batches are there and are not redone.
    const again = new ProviderRegistry(platform, { now: () => NOW });
    const restarted = (await again.install(createVcardProvider())).api;
    const report = await restarted.importFile('big.vcf', file, { batchSize: 100 });
    expect(report).toMatchObject({ unchanged: 300, added: 700, removed: 0 });
    const app = platform.registerApp({ appId: 'resume-reader', accessLevel: 'privileged' });
    const reader = await platform.openStore<Contact>(app, PROVIDER_STORE_NAME, VCARD_PROVIDER_ID);
    expect(await reader.getLength()).toBe(1000);
  });

  it('refuses bad arguments before touching the store', async () => {
    const { api, reader } = await setup();
    await expect(api.importFile('', 'BEGIN:VCARD\nFN:A\nEND:VCARD')).rejects.toThrow(TypeError);
    await expect(api.importFile('f.vcf', 42 as unknown as string)).rejects.toThrow(
      'the file content must be a Uint8Array, a string, a Blob or a stream of Uint8Array chunks',
    );
    await expect(api.importFile('f.vcf', 'BEGIN:VCARD\nFN:A\nEND:VCARD', { batchSize: 0 })).rejects.toThrow(
      RangeError,
    );
    expect(await reader.getRevision()).toBe(0);
    expect(await api.listFiles()).toEqual([]);
  });

  it('runs concurrent imports one after the other, losing no file', async () => {
    const { api, reader } = await setup();
    await Promise.all([
      api.importFile('a.vcf', vcf(['FN:A'])),
      api.importFile('b.vcf', vcf(['FN:B'])),
      api.importFile('c.vcf', vcf(['FN:C'])),
    ]);
    expect((await api.listFiles()).sort()).toEqual(['a.vcf', 'b.vcf', 'c.vcf']);
    expect(await reader.getLength()).toBe(3);
  });
});
