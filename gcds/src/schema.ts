import type { OwnerTransaction, PersonRecord, StoreSchema } from '@gcds/shared';
import type { DBSchema } from 'idb';
import type { StoredSource } from './storedSource';
import type { Decision, ProviderCursor } from './types';

/**
 * The GCDS's own object stores, in the same database as the person records it publishes: what the
 * compiler checks every store and index name, and every value read, against.
 */
export interface GcdsSchema extends DBSchema {
  sources: {
    key: string;
    value: StoredSource;
    indexes: { byPerson: string };
  };
  decisions: { key: string; value: Decision; indexes: { byMember: string } };
  cursors: { key: string; value: ProviderCursor };
}

/**
 * Version 2: the phone, email and name lookups (eight index entries a source) went. The GCDS, their
 * only writer, answers them from the sources it keeps in memory (`SourceMirror`). Version 3: the
 * provider index went too: a source's key starts with its provider, so a key range finds them.
 */
export const GCDS_SCHEMA: StoreSchema<GcdsSchema> = {
  version: 3,
  stores: [
    {
      name: 'sources',
      keyPath: 'key',
      indexes: [{ name: 'byPerson', keyPath: 'personId' }],
    },
    {
      name: 'decisions',
      keyPath: 'key',
      indexes: [{ name: 'byMember', keyPath: 'members', multiEntry: true }],
    },
    { name: 'cursors', keyPath: 'provider' },
  ],
};

/** Every GCDS store: the scope of the transactions that sync, merge and unmerge. */
export const GCDS_STORES = ['sources', 'decisions', 'cursors'] as const;
export type GcdsStoreName = (typeof GCDS_STORES)[number];

/** A GCDS transaction: the person records plus the GCDS's stores. */
export type GcdsTransaction = OwnerTransaction<PersonRecord, GcdsSchema, GcdsStoreName>;
