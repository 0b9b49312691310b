/*
 * What the provider remembers of each imported file, in owner-private metadata written in the same
 * transaction as the records it describes: which records came from the file, the content hash each was
 * written from (an equal hash means nothing to write), and the photo blobs each refers to. Stored in
 * parts (fileStateParts.ts).
 */

export interface ImportedRecord {
  hash: string;
  /** Blob ids (photo, thumbnail) the record refers to. */
  blobs?: string[];
}

export interface FileImportState {
  records: Record<string, ImportedRecord>;
}

export const FILES_META_KEY = 'vcard:files';

export function fileMetaKey(file: string): string {
  return `vcard:file:${file}`;
}

export function isImportedRecord(value: unknown): value is ImportedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.hash === 'string' &&
    (record.blobs === undefined ||
      (Array.isArray(record.blobs) && record.blobs.every((blob) => typeof blob === 'string')))
  );
}

/** The stored state of a file; an absent or unreadable one reads as "nothing imported from it". */
export function readFileState(value: unknown): FileImportState {
  const records: Record<string, ImportedRecord> = {};
  if (typeof value === 'object' && value !== null) {
    const stored = (value as { records?: unknown }).records;
    if (typeof stored === 'object' && stored !== null) {
      for (const [id, record] of Object.entries(stored)) if (isImportedRecord(record)) records[id] = record;
    }
  }
  return { records };
}

export function readFileList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((file): file is string => typeof file === 'string') : [];
}

/** Blob ids referred to by any record of these files. */
export function referencedBlobs(states: readonly FileImportState[]): Set<string> {
  const blobs = new Set<string>();
  for (const state of states) {
    for (const record of Object.values(state.records)) for (const blob of record.blobs ?? []) blobs.add(blob);
  }
  return blobs;
}

/**
 * Photo id → thumbnail id of every photo the records of these files refer to (a record's blobs are its
 * photo, then its thumbnail when that is other bytes). All are stored: a record is written after its blobs.
 */
export function storedPhotos(states: readonly FileImportState[]): Map<string, string> {
  const photos = new Map<string, string>();
  for (const state of states) {
    for (const record of Object.values(state.records)) {
      const [photo, thumbnail = photo] = record.blobs ?? [];
      if (photo !== undefined && thumbnail !== undefined) photos.set(photo, thumbnail);
    }
  }
  return photos;
}
