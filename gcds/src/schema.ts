import type { StoreSchema } from '@gcds/shared';

/** The GCDS's own object stores, in the same database as the person records it publishes. */
export const GCDS_SCHEMA: StoreSchema = {
  version: 1,
  stores: [
    {
      name: 'sources',
      keyPath: 'key',
      indexes: [
        { name: 'byPerson', keyPath: 'personId' },
        { name: 'byProvider', keyPath: 'provider' },
        { name: 'byPhone', keyPath: 'phoneKeys', multiEntry: true },
        { name: 'byEmail', keyPath: 'emails', multiEntry: true },
        { name: 'byName', keyPath: 'nameKeys', multiEntry: true },
      ],
    },
    {
      name: 'decisions',
      keyPath: 'key',
      indexes: [{ name: 'byMember', keyPath: 'members', multiEntry: true }],
    },
    { name: 'cursors', keyPath: 'provider' },
  ],
};

export const GCDS_STORES = ['sources', 'decisions', 'cursors'] as const;
