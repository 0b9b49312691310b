import { AccessError } from '../access/accessLevel';
import type { Contact } from '../contact/contact';
import type { AppIdentity } from '../dataStore/dataStorePlatform';
import type { DataStoreReader } from '../dataStore/types';
import type { PointedSource } from '../mergedView/composeMergedContact';
import type { PersonRecord } from '../person/person';
import { PROVIDER_STORE_NAME } from '../provider/providerRegistry';
import type { ConsumerPlatform } from './consumerPlatform';

const READ_CHUNK = 500;

/**
 * Reads the provider records a batch of people points at, with the consumer's own identity, so the
 * platform decides what it may read. A provider it may not open (AccessError), a provider uninstalled
 * meanwhile and a record that has vanished all read as `undefined`. One instance serves one sync run:
 * providers come and go between runs.
 */
export class ProviderRecordReader {
  readonly #readers = new Map<string, Promise<DataStoreReader<Contact> | undefined>>();

  constructor(
    private readonly platform: ConsumerPlatform,
    private readonly identity: AppIdentity,
  ) {}

  async read(people: readonly PersonRecord[]): Promise<Map<string, PointedSource[]>> {
    const wanted = new Map<string, Set<string>>();
    for (const person of people) {
      for (const pointer of person.pointers) {
        let ids = wanted.get(pointer.provider);
        if (ids === undefined) {
          ids = new Set();
          wanted.set(pointer.provider, ids);
        }
        ids.add(pointer.contactId);
      }
    }
    const records = new Map<string, Map<string, Contact | undefined>>();
    await Promise.all(
      [...wanted].map(async ([provider, ids]) => {
        records.set(provider, await this.#readProvider(provider, [...ids]));
      }),
    );
    const result = new Map<string, PointedSource[]>();
    for (const person of people) {
      result.set(
        person.id,
        person.pointers.map((pointer) => ({
          pointer,
          contact: records.get(pointer.provider)?.get(pointer.contactId),
        })),
      );
    }
    return result;
  }

  async #readProvider(provider: string, ids: string[]): Promise<Map<string, Contact | undefined>> {
    const found = new Map<string, Contact | undefined>();
    const reader = await this.#reader(provider);
    if (reader === undefined) return found;
    // In key order, so a chunk covers a narrow key range that `getMany` can read whole. The chunks are
    // asked together: one wait in the backend's queue for all of them, not one each.
    const sorted = [...ids].sort();
    const chunks: string[][] = [];
    for (let start = 0; start < sorted.length; start += READ_CHUNK)
      chunks.push(sorted.slice(start, start + READ_CHUNK));
    try {
      const read = await Promise.all(chunks.map((chunk) => reader.getMany(chunk)));
      chunks.forEach((chunk, c) => {
        chunk.forEach((id, i) => {
          found.set(id, read[c]![i]);
        });
      });
    } catch (error) {
      if (await this.#installed(provider)) throw error;
      // Uninstalled while we read: the GCDS will drop its pointers; until then it simply has no data.
      found.clear();
    }
    return found;
  }

  #reader(provider: string): Promise<DataStoreReader<Contact> | undefined> {
    let reader = this.#readers.get(provider);
    if (reader === undefined) {
      reader = this.platform
        .openStore<Contact>(this.identity, PROVIDER_STORE_NAME, provider)
        .catch(async (error: unknown) => {
          if (error instanceof AccessError) return undefined;
          if (!(await this.#installed(provider))) return undefined;
          throw error;
        });
      this.#readers.set(provider, reader);
    }
    return reader;
  }

  async #installed(provider: string): Promise<boolean> {
    const stores = await this.platform.listStores(PROVIDER_STORE_NAME);
    return stores.some((store) => store.owner === provider);
  }
}
