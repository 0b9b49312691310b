import type { Contact, StoredBlob } from '@gcds/shared';
import type { ImportedRecord } from './fileImportState';
import type { VcardExportVersion } from './vcardExport';
import type { VcardParseError, VcardParseWarning } from './vcardParseResult';
import type { VcardSource } from './vcardSource';

/* The vCard provider's API and what it takes and answers (the provider itself is vcardProvider.ts). */

export interface VcardImportProgress {
  file: string;
  /** Cards handled so far (imported, unchanged, skipped or reported). */
  done: number;
  /** Cards found so far: the file is read as it is imported, so this is the file's count at the last call. */
  total: number;
  /** Bytes of the file read so far. */
  bytesRead: number;
  /** The file's size, when known before reading it (bytes, text's UTF-8 aside, and Blobs; not streams). */
  bytesTotal?: number;
}

export interface VcardImportOptions {
  /** Told after each batch is committed; the last call has `done === total`. */
  onProgress?: (progress: VcardImportProgress) => void;
  /**
   * Cards per batch (one transaction each), 1 to MAX_BATCH_SIZE, every batch the same. Without it the
   * batches grow (DEFAULT_CARD_BATCHING): small first, so the first people show at once, then larger.
   */
  batchSize?: number;
}

export interface VcardImportReport {
  file: string;
  /** BEGIN:VCARD blocks in the file. */
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Records gone from the file but kept, because a broken card without a UID might be one of them. */
  removalsDeferred: number;
  skippedGroups: number;
  /** Which record each imported card is, in file order (unchanged cards included; broken ones not). */
  cards: VcardCardRecord[];
  /** Broken cards and stray text, each with its file and line; nothing else of the file is affected. */
  errors: VcardParseError[];
  /**
   * Cards imported with something left out or guessed (a bad photo dropped, a legacy charset guessed,
   * NUL bytes removed), and what the file as a whole needed (a byte-order mark that lied), by line.
   */
  warnings: VcardParseWarning[];
}

/** A card of the file and the record it became: how a tool names a record's origin. */
export interface VcardCardRecord {
  id: string;
  uid: string | null;
  /** 0-based position among the file's BEGIN:VCARD blocks, broken ones included. */
  index: number;
  /** 1-based line of its BEGIN:VCARD. */
  line: number;
}

export interface VcardExportAllOptions {
  version?: VcardExportVersion;
}

/** The API of a vCard provider: import files, remove them, export everything it holds. */
export interface VcardProviderApi {
  /**
   * Imports a .vcf file: bytes, text, a Blob (a browser File) or a stream of byte chunks, read and
   * written a batch at a time, so memory follows the batch, not the file. Re-importing the same content writes nothing; an edited file
   * updates the cards that changed and removes the cards that are gone (only those that came from it).
   */
  importFile(name: string, data: VcardSource, options?: VcardImportOptions): Promise<VcardImportReport>;
  /** Removes every record that came from the file; returns how many. */
  removeFile(name: string): Promise<number>;
  /**
   * Removes one imported record (the user deleted it): the record and its place in its file's state,
   * so importing the file again adds it anew. Answers what it removed, for `restoreRecord` (Undo), or
   * undefined when no file has it.
   */
  removeRecord(id: string): Promise<RemovedCard | undefined>;
  /** Puts a removed record back exactly as it was: same id, same data, its photo, its file's state. */
  restoreRecord(removed: RemovedCard): Promise<void>;
  /** Names of the files with records in the store. */
  listFiles(): Promise<string[]>;
  /** Every contact of the store as one .vcf text, photos inline. */
  exportAll(options?: VcardExportAllOptions): Promise<string>;
  /** A stored photo or thumbnail by its blob id (`photo.id` or `photo.thumbnailId`). */
  getPhotoBlob(blobId: string): Promise<StoredBlob | undefined>;
}

/** One imported record as it was before the user deleted it: enough to put it back as it was. */
export interface RemovedCard {
  file: string;
  contact: Contact;
  /** Its entry in the file's state (content hash, blobs). */
  record: ImportedRecord;
  /** Its photo and thumbnail, which the removal may have dropped from the store. */
  blobs: Array<[string, StoredBlob]>;
}
