import type { FileImportState, ImportedRecord } from './fileImportState';
import type { FileStateChanges } from './fileStateParts';
import { RecordIdAllocator } from './recordIds';
import type { ParsedCard } from './vcardParseResult';

export type CardAction = 'add' | 'update' | 'unchanged';

export interface RemovalPlan {
  ids: string[];
  /**
   * Removals held back because a broken card had no UID: that card may be the new version of any
   * record the file had, and removing it would lose the only copy. Importing the fixed file removes them.
   */
  deferred: string[];
}

/**
 * Reconciles one import of a file with what the file gave last time: which cards to write (new or
 * changed), which to skip (same content hash), and which earlier records to remove (gone from the file,
 * and only records that came from this file). Pure: the provider does the writing.
 */
export class FileReconciler {
  readonly #previous: FileImportState;
  readonly #allocator: RecordIdAllocator;
  readonly #seen = new Set<string>();
  #brokenWithoutUid = false;
  #changes: FileStateChanges = new Map();
  /** The file's state as the writes so far leave it: what goes into metadata with each batch. */
  readonly state: FileImportState;

  constructor(file: string, previous: FileImportState) {
    this.#previous = previous;
    this.#allocator = new RecordIdAllocator(file);
    this.state = { records: { ...previous.records } };
  }

  /** The record id of a parsed card and whether it needs writing. */
  place(card: ParsedCard): { id: string; action: CardAction } {
    const id = this.#allocator.idFor(card.source);
    this.#seen.add(id);
    const before = this.#previous.records[id];
    if (before === undefined) return { id, action: 'add' };
    return { id, action: before.hash === card.source.contentHash ? 'unchanged' : 'update' };
  }

  /** A card that could not be parsed: its earlier record (found by UID) must survive this import. */
  broken(uid: string | undefined): void {
    if (uid === undefined) {
      this.#brokenWithoutUid = true;
      return;
    }
    const id = this.#allocator.idFor({ uid, contentHash: '' });
    this.#seen.add(id);
  }

  written(id: string, record: ImportedRecord): void {
    this.state.records[id] = record;
    this.#changes.set(id, record);
  }

  /** What `written` and `removed` changed since the last call: the next part of the stored state. */
  takeChanges(): FileStateChanges {
    const changes = this.#changes;
    this.#changes = new Map();
    return changes;
  }

  /** Call after every card was placed. */
  removals(): RemovalPlan {
    const gone = Object.keys(this.#previous.records).filter((id) => !this.#seen.has(id));
    return this.#brokenWithoutUid ? { ids: [], deferred: gone } : { ids: gone, deferred: [] };
  }

  removed(ids: readonly string[]): void {
    for (const id of ids) {
      delete this.state.records[id];
      this.#changes.set(id, null);
    }
  }

  /** Blobs the earlier records referred to that the current state no longer does (candidates to drop). */
  releasedBlobs(): Set<string> {
    const now = new Set(Object.values(this.state.records).flatMap((record) => record.blobs ?? []));
    const released = new Set<string>();
    for (const record of Object.values(this.#previous.records)) {
      for (const blob of record.blobs ?? []) if (!now.has(blob)) released.add(blob);
    }
    return released;
  }
}
