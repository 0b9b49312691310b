import type { PersonRecord } from '@gcds/shared';
import { openDB } from 'idb';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { sourceMatchKeys } from '../src/matchKeys';
import { type StoredSource, sourceFromStored } from '../src/storedSource';
import { contact, type Pipeline, startPipeline } from '../src/testing';
import type { ProviderCursor, SourceRecord } from '../src/types';

const bill = contact('l-bill', { given: 'Bill', family: 'Smith', tel: [{ value: '+1 415 555 0100' }] });
const william = contact('v-william', {
  given: 'William',
  family: 'Smith',
  tel: [{ value: '(415) 555-0100' }],
  email: [{ value: 'will@example.org' }],
});

/** The GCDS's own database in this pipeline (the only one holding a `sources` store). */
async function gcdsDatabase(p: Pipeline) {
  for (const { name } of await indexedDB.databases()) {
    if (name === undefined || !name.startsWith(p.namespace)) continue;
    const db = await openDB(name);
    if (db.objectStoreNames.contains('sources')) return db;
    db.close();
  }
  throw new Error('no GCDS database in this pipeline');
}

/** Rewrites what the GCDS stored as a previous version would have left it: other keys, unversioned cursors. */
async function ageStoredKeys(p: Pipeline): Promise<void> {
  const db = await gcdsDatabase(p);
  const tx = db.transaction(['sources', 'cursors'], 'readwrite');
  for (const source of (await tx.objectStore('sources').getAll()) as StoredSource[]) {
    await tx.objectStore('sources').put({ ...source, nameKeys: [`old ${source.key}`], phones: [] });
  }
  for (const cursor of (await tx.objectStore('cursors').getAll()) as ProviderCursor[]) {
    const { keys: _keys, ...unversioned } = cursor;
    await tx.objectStore('cursors').put(unversioned);
  }
  await tx.done;
  db.close();
}

async function storedSources(p: Pipeline): Promise<SourceRecord[]> {
  const db = await gcdsDatabase(p);
  const sources = (await db.getAll('sources')) as StoredSource[];
  db.close();
  return sources.map(sourceFromStored);
}

describe('match keys stored by another version', () => {
  it('are recomputed from the providers on restart; people and their ids stay', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put(bill.id, bill);
    await vcard.put(william.id, william);
    const [before] = (await p.people()) as [PersonRecord];
    expect(await p.groups()).toEqual(['local:l-bill + vcard:v-william']);

    await p.gcds.stop();
    await ageStoredKeys(p);
    await p.restartGcds();
    await p.gcds.whenIdle();

    const sources = await storedSources(p);
    expect(sources.map((s) => [s.contactId, s.nameKeys, s.phoneKeys]).sort()).toEqual(
      [bill, william]
        .map((c) => {
          const keys = sourceMatchKeys(c, 'US');
          return [c.id, keys.nameKeys, keys.phoneKeys];
        })
        .sort(),
    );
    expect(await p.groups()).toEqual(['local:l-bill + vcard:v-william']);
    expect((await p.people()).map((person) => person.id)).toEqual([before.id]);
  });

  it('are recomputed when the default region changes, and then not again', async () => {
    const p = await startPipeline({ region: 'US' });
    const local = await p.install('local', 'privileged');
    const flat = contact('l-flat', { given: 'Tom', family: 'Jones', tel: [{ value: '020 7946 0958' }] });
    await local.put(flat.id, flat);
    await p.people();
    const inUs = (await storedSources(p))[0]?.phoneKeys;
    expect(inUs).not.toContain('e:+442079460958');

    await p.restartGcds({ region: 'GB' });
    await p.gcds.whenIdle();
    expect((await storedSources(p))[0]?.phoneKeys).toContain('e:+442079460958');
    // Keys now made for GB: a restart in GB reads nothing again and writes nothing.
    await p.restartGcds({ region: 'GB' });
    await p.gcds.whenIdle();
    expect((await firstValueFrom(p.gcds.status$)).transactions).toBe(0);
  });
});
