import type { Contact } from '@gcds/shared';

/** The job every peer does on the same data: copy n records into a second store, then 1% updates. */
export interface PeerJob {
  records: readonly Contact[];
  /** The records edited after the first copy (1% of them, at least one). */
  updated: readonly Contact[];
}

export function peerJob(records: readonly Contact[]): PeerJob {
  const count = Math.max(1, Math.round(records.length / 100));
  const step = Math.max(1, Math.floor(records.length / count));
  const updated: Contact[] = [];
  for (let i = 0; i < count; i += 1) {
    const record = records[(i * step) % records.length]!;
    updated.push({ ...record, note: `updated ${i}`, updatedAt: (record.updatedAt ?? 0) + 1 });
  }
  return { records, updated };
}
