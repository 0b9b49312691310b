import type { Contact } from '@gcds/shared';
import { createRxDatabase, getChangedDocumentsSince, type RxCollection, type RxJsonSchema } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { PeerJob } from './peerJob';

/** The fields the bench's records have (see dataset.ts). */
type RxContact = Pick<
  Contact,
  | 'id'
  | 'given'
  | 'family'
  | 'formattedName'
  | 'tel'
  | 'email'
  | 'org'
  | 'jobTitle'
  | 'bday'
  | 'uid'
  | 'note'
  | 'updatedAt'
>;

const SCHEMA: RxJsonSchema<RxContact> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    given: { type: 'string' },
    family: { type: 'string' },
    formattedName: { type: 'string' },
    tel: { type: 'array' },
    email: { type: 'array' },
    org: { type: 'string' },
    jobTitle: { type: 'string' },
    bday: { type: 'object' },
    uid: { type: 'string' },
    note: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id'],
};

let counter = 0;

/** One-shot RxDB replication that pulls every change of `source` after the target's checkpoint. */
async function pullAll(source: RxCollection<RxContact>, target: RxCollection<RxContact>): Promise<void> {
  const replication = replicateRxCollection<RxContact, unknown>({
    collection: target,
    replicationIdentifier: 'bench-peer-copy',
    live: false,
    pull: {
      batchSize: 500,
      async handler(checkpoint, batchSize) {
        const page = await getChangedDocumentsSince(source.storageInstance, batchSize, checkpoint);
        return {
          documents: page.documents.map(({ _meta, _rev, _attachments, _deleted, ...doc }) => ({
            ...(doc as RxContact),
            _deleted,
          })),
          checkpoint: page.checkpoint,
        };
      },
    },
  });
  await replication.awaitInitialReplication();
  await replication.cancel();
}

/**
 * RxDB on the peer job, both databases on its memory storage: `replicateRxCollection` pulls the source
 * into an empty target (the source is filled before the clock starts), then 1% of the records are
 * updated at the source and pulled again from the saved checkpoint.
 */
export async function rxdbCopy(job: PeerJob): Promise<number> {
  counter += 1;
  const name = `benchrx${counter}${Date.now()}`;
  const sourceDb = await createRxDatabase({ name: `${name}source`, storage: getRxStorageMemory() });
  const targetDb = await createRxDatabase({ name: `${name}target`, storage: getRxStorageMemory() });
  try {
    const { contacts: source } = await sourceDb.addCollections({ contacts: { schema: SCHEMA } });
    const { contacts: target } = await targetDb.addCollections({ contacts: { schema: SCHEMA } });
    await source!.bulkInsert([...job.records]);
    const start = performance.now();
    await pullAll(source!, target!);
    await source!.bulkUpsert([...job.updated]);
    await pullAll(source!, target!);
    const elapsed = performance.now() - start;
    const copied = await target!.findOne(job.updated[0]!.id).exec();
    if (copied?.note !== job.updated[0]!.note) throw new Error('rxdb did not replicate the update');
    const count = await target!.count().exec();
    if (count !== job.records.length) throw new Error(`rxdb copied ${count} of ${job.records.length}`);
    return elapsed;
  } finally {
    await sourceDb.remove();
    await targetDb.remove();
  }
}
