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
    /** Provider → contact id → the revision its pointer was made at. */
    const wanted = new Map<string, Map<string, number>>();
    for (const person of people) {
      for (const pointer of person.pointers) {
        let seen = wanted.get(pointer.provider);
        if (seen === undefined) {
          seen = new Map();
          wanted.set(pointer.provider, seen);
        }
        seen.set(pointer.contactId, Math.max(seen.get(pointer.contactId) ?? 0, pointer.revision));
      }
    }
    const records = new Map<string, Map<string, Contact | undefined>>();
    await Promise.all(
      [...wanted].map(async ([provider, seen]) => {
        records.set(provider, await this.#readProvider(provider, seen));
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

  async #readProvider(
    provider: string,
    seen: ReadonlyMap<string, number>,
  ): Promise<Map<string, Contact | undefined>> {
    const found = new Map<string, Contact | undefined>();
    const reader = await this.#reader(provider);
    if (reader === undefined) return found;
    // In the order the pointers were made, so a chunk covers a narrow range of revisions that `getMany`
    // can read whole (a first population's people point at records written together). The chunks are
    // asked together: one wait in the backend's queue for all of them, not one each.
    const ordered = [...seen].sort((a, b) => a[1] - b[1]);
    const chunks: Array<Array<[string, number]>> = [];
    for (let start = 0; start < ordered.length; start += READ_CHUNK)
      chunks.push(ordered.slice(start, start + READ_CHUNK));
    try {
      const read = await Promise.all(
        chunks.map((chunk) =>
          reader.getMany(
            chunk.map(([id]) => id),
            chunk.map(([, revision]) => revision),
          ),
        ),
      );
      chunks.forEach((chunk, c) => {
        chunk.forEach(([id], i) => {
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
