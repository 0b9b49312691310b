import type { Contact } from '@gcds/shared';
import type { PeerJob } from './peerJob';

type Doc = Omit<Contact, 'id'> & { _id: string; _rev?: string };

let counter = 0;

function docOf(contact: Contact): Doc {
  const { id, ...rest } = contact;
  return { _id: id, ...rest };
}

/**
 * PouchDB on the peer job: a source database holding the records (filled before the clock starts),
 * `replicate()` into an empty target, then 1% of the records updated at the source in one `bulkDocs`
 * and replicated again from the checkpoint. `Pouch` comes configured with its adapter and the
 * replication plugin: memory in Node, IndexedDB in Chromium.
 */
export async function pouchdbCopy(Pouch: PouchDB.Static, adapter: string, job: PeerJob): Promise<number> {
  counter += 1;
  const source = new Pouch<Doc>(`bench-pouch-source-${counter}-${Date.now()}`, { adapter });
  const target = new Pouch<Doc>(`bench-pouch-target-${counter}-${Date.now()}`, { adapter });
  try {
    for (let start = 0; start < job.records.length; start += 5000) {
      await source.bulkDocs(job.records.slice(start, start + 5000).map(docOf));
    }
    const revs = await source.allDocs({ keys: job.updated.map((contact) => contact.id) });
    const edits = job.updated.map((contact, i) => {
      const row = revs.rows[i];
      if (row === undefined || !('value' in row)) throw new Error(`pouchdb lost ${contact.id}`);
      return { ...docOf(contact), _rev: row.value.rev };
    });
    const start = performance.now();
    await source.replicate.to(target, { batch_size: 500 });
    await source.bulkDocs(edits);
    await source.replicate.to(target, { batch_size: 500 });
    const elapsed = performance.now() - start;
    const copied = await target.get(job.updated[0]!.id);
    if (copied.note !== job.updated[0]!.note) throw new Error('pouchdb did not replicate the update');
    const info = await target.info();
    if (info.doc_count !== job.records.length)
      throw new Error(`pouchdb copied ${info.doc_count} of ${job.records.length}`);
    return elapsed;
  } finally {
    await source.destroy();
    await target.destroy();
  }
}
