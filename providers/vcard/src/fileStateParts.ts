import {
  type FileImportState,
  fileMetaKey,
  type ImportedRecord,
  isImportedRecord,
  readFileState,
} from './fileImportState';

/*
 * A file's import state in owner-private metadata, in parts: each batch writes one part holding only
 * the records it changed (null for a removal) and appends it to the file's list of parts, in the same
 * transaction as the records. Writing the whole state with every batch made an import of n cards cost
 * n²/batch record copies (106 s for 100,000 cards). When an import ends the parts are rewritten as
 * whole parts of the current state, so the list stays short.
 */

/** What `vcard:file:<name>` holds: the parts in order (later parts win). */
interface FileHead {
  parts: number[];
  /** An earlier layout: the whole state in the head itself, read as the first part. */
  records?: Record<string, ImportedRecord>;
}

/** Records per part when the state is rewritten whole. */
const COMPACT_PART_SIZE = 5_000;

export function filePartKey(file: string, part: number): string {
  return `${fileMetaKey(file)}#${part}`;
}

function readHead(value: unknown): FileHead {
  if (typeof value !== 'object' || value === null) return { parts: [] };
  const { parts, records } = value as { parts?: unknown; records?: unknown };
  const list = Array.isArray(parts) ? parts.filter((part): part is number => Number.isInteger(part)) : [];
  return records === undefined
    ? { parts: list }
    : { parts: list, records: readFileState({ records }).records };
}

/** The changes of one part: a record id → its state, or null when it was removed. */
export type FileStateChanges = Map<string, ImportedRecord | null>;

/** A file's state and the parts it is stored in, read once per import and written part by part. */
export class FileStateParts {
  #parts: number[];
  #next: number;
  /** Parts were appended since the state was loaded or compacted, or it is in the earlier layout. */
  #fragmented: boolean;
  /** The earlier layout's records: moved into a part of their own by the first append. */
  #legacyRecords: Record<string, ImportedRecord> | undefined;

  private constructor(
    readonly file: string,
    head: FileHead,
  ) {
    this.#parts = head.parts;
    this.#next = Math.max(0, ...head.parts) + 1;
    this.#fragmented = head.records !== undefined;
    this.#legacyRecords = head.records;
  }

  static async load(
    file: string,
    getMeta: (key: string) => Promise<unknown>,
  ): Promise<{ parts: FileStateParts; state: FileImportState }> {
    const head = readHead(await getMeta(fileMetaKey(file)));
    const records: Record<string, ImportedRecord> = { ...head.records };
    for (const part of head.parts) {
      const stored = await getMeta(filePartKey(file, part));
      if (typeof stored !== 'object' || stored === null) continue;
      for (const [id, record] of Object.entries(stored)) {
        if (record === null) delete records[id];
        else if (isImportedRecord(record)) records[id] = record;
      }
    }
    return { parts: new FileStateParts(file, head), state: { records } };
  }

  /** The metadata for a batch: one new part with its changes, and the head listing it. */
  append(changes: FileStateChanges): Record<string, unknown> {
    if (changes.size === 0) return {};
    const meta: Record<string, unknown> = {};
    if (this.#legacyRecords !== undefined) {
      // The head is about to be rewritten: its records go first, in the same transaction.
      const legacy = this.#next++;
      meta[filePartKey(this.file, legacy)] = this.#legacyRecords;
      this.#parts = [legacy, ...this.#parts];
      this.#legacyRecords = undefined;
    }
    const part = this.#next++;
    this.#parts = [...this.#parts, part];
    this.#fragmented = true;
    meta[filePartKey(this.file, part)] = Object.fromEntries(changes);
    meta[fileMetaKey(this.file)] = { parts: this.#parts };
    return meta;
  }

  /** Whether the stored layout is worth rewriting: parts were appended, or it is the earlier layout. */
  get fragmented(): boolean {
    return this.#fragmented;
  }

  /**
   * The metadata that replaces every part with whole parts of `state` (none when it is empty, and then
   * no head either): written once at the end of an import.
   */
  compact(state: FileImportState): Record<string, unknown> {
    const meta: Record<string, unknown> = {};
    for (const part of this.#parts) meta[filePartKey(this.file, part)] = undefined;
    const ids = Object.keys(state.records);
    const parts: number[] = [];
    for (let start = 0; start < ids.length; start += COMPACT_PART_SIZE) {
      const part = this.#next++;
      parts.push(part);
      meta[filePartKey(this.file, part)] = Object.fromEntries(
        ids.slice(start, start + COMPACT_PART_SIZE).map((id) => [id, state.records[id]]),
      );
    }
    meta[fileMetaKey(this.file)] = parts.length === 0 ? undefined : { parts };
    this.#parts = parts;
    this.#fragmented = false;
    this.#legacyRecords = undefined;
    return meta;
  }
}
