import {
  type Contact,
  DEFAULT_IMPORT_BATCHING,
  defaultThumbnail,
  defineProvider,
  type ImportBatching,
  importBatches,
  importBatchSizes,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderManifest,
  SerialQueue,
  type ThumbnailMaker,
  type WriteOperation,
} from '@gcds/shared';
import type { CardBlock } from './cardBlocks';
import { storeCardPhotos } from './cardPhotos';
import { cardReaderFor, streamCardBlocks } from './cardReader';
import {
  FILES_META_KEY,
  type FileImportState,
  readFileList,
  referencedBlobs,
  storedPhotos,
} from './fileImportState';
import { type CardAction, FileReconciler } from './fileReconciler';
import { FileStateParts } from './fileStateParts';
import { exportVcardsWithPhotos } from './mergedPeopleVcf';
import { nextMacrotask } from './nextMacrotask';
import { parseCardBlock } from './parseVcardFile';
import type { ParsedCard } from './vcardParseResult';
import type {
  RemovedCard,
  VcardImportOptions,
  VcardImportReport,
  VcardProviderApi,
} from './vcardProviderApi';
import { isVcardSource, sourceSize, type VcardSource } from './vcardSource';

export type {
  RemovedCard,
  VcardCardRecord,
  VcardExportAllOptions,
  VcardImportOptions,
  VcardImportProgress,
  VcardImportReport,
  VcardProviderApi,
} from './vcardProviderApi';

export const VCARD_PROVIDER_ID = 'vcard';

export const VCARD_PROVIDER_MANIFEST: ProviderManifest = Object.freeze({
  displayName: 'Imported vCards',
  accessLevel: 'privileged',
  writable: false,
  description: 'Contacts imported from .vcf files',
});

/**
 * Cards parsed and written per transaction (the import yields to the event loop after each) when the
 * caller fixes no `batchSize`: four batches of 250 first, so the first people show at once, then
 * doubling up to 2,000, as the local provider writes a first import.
 */
export const DEFAULT_CARD_BATCHING: ImportBatching = DEFAULT_IMPORT_BATCHING;
export const MAX_BATCH_SIZE = 5_000;
const EXPORT_PAGE_SIZE = 500;

export interface VcardProviderOptions {
  /** Several vCard sources may be installed side by side, each under its own id. */
  id?: string;
  displayName?: string;
  /** Makes photo thumbnails; by default a canvas where the runtime has one, else the photo itself. */
  makeThumbnail?: ThumbnailMaker;
}

/** A provider of contacts imported from vCard files; read-only to the user. */
export function createVcardProvider(
  options: VcardProviderOptions = {},
): ProviderDefinition<VcardProviderApi> {
  const manifest: ProviderManifest =
    options.displayName === undefined
      ? VCARD_PROVIDER_MANIFEST
      : Object.freeze({ ...VCARD_PROVIDER_MANIFEST, displayName: options.displayName });
  return defineProvider({
    id: options.id ?? VCARD_PROVIDER_ID,
    manifest,
    start: (ctx) => vcardApi(ctx, options.makeThumbnail ?? defaultThumbnail),
  });
}

/** The import's batches: growing by default, all of `batchSize` when the caller gives one. */
function batchingOf(options: VcardImportOptions): ImportBatching {
  const size = options.batchSize;
  if (size === undefined) return DEFAULT_CARD_BATCHING;
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}, not ${String(size)}`);
  }
  return { first: size, max: size };
}

function checkFileName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError('the file name must be a non-empty string: record ids are derived from it');
  }
}

function vcardApi(ctx: ProviderContext, makeThumbnail: ThumbnailMaker): VcardProviderApi {
  const { store } = ctx;
  // One import or removal at a time: each reads the file's state and writes it back batch by batch.
  const queue = new SerialQueue();
  const serialized = <R>(work: () => Promise<R>): Promise<R> => queue.run(work);

  function assertRunning(): void {
    if (ctx.signal.aborted) throw new Error(`the ${ctx.providerId} provider has stopped`);
  }

  async function files(): Promise<string[]> {
    return readFileList(await store.getMeta(FILES_META_KEY));
  }

  async function loadFile(file: string) {
    return FileStateParts.load(file, (key) => store.getMeta(key));
  }

  /** The file list, when the file appears in it or goes from it with this write. */
  async function fileListMeta(file: string, state: FileImportState): Promise<Record<string, unknown>> {
    const empty = Object.keys(state.records).length === 0;
    const known = await files();
    if (empty && known.includes(file)) return { [FILES_META_KEY]: known.filter((name) => name !== file) };
    if (!empty && !known.includes(file)) return { [FILES_META_KEY]: [...known, file] };
    return {};
  }

  /** Metadata for a batch: the part of the file's state it changed, and the file list. */
  async function metaFor(
    file: string,
    reconciler: FileReconciler,
    parts: FileStateParts,
  ): Promise<Record<string, unknown>> {
    return { ...parts.append(reconciler.takeChanges()), ...(await fileListMeta(file, reconciler.state)) };
  }

  /** Rewrites the file's state as whole parts once an import or removal has appended some. */
  async function compactFile(file: string, reconciler: FileReconciler, parts: FileStateParts): Promise<void> {
    if (!parts.fragmented) return;
    const meta = { ...parts.compact(reconciler.state), ...(await fileListMeta(file, reconciler.state)) };
    await store.bulk([], { meta });
  }

  async function fileStates(): Promise<FileImportState[]> {
    const states: FileImportState[] = [];
    for (const file of await files()) states.push((await loadFile(file)).state);
    return states;
  }

  /** Drops photo blobs no record of any file refers to any more. */
  async function releaseBlobs(candidates: Set<string>): Promise<void> {
    if (candidates.size === 0) return;
    const inUse = referencedBlobs(await fileStates());
    for (const blob of candidates) if (!inUse.has(blob)) await store.removeBlob(blob);
  }

  async function removeInBatches(
    file: string,
    reconciler: FileReconciler,
    parts: FileStateParts,
    ids: readonly string[],
    batching: ImportBatching,
  ): Promise<void> {
    for (const [start, end] of importBatches(ids.length, batching)) {
      assertRunning();
      const batch = ids.slice(start, end);
      reconciler.removed(batch);
      const operations = batch.map((id): WriteOperation<Contact> => ({ operation: 'remove', id }));
      await store.bulk(operations, { meta: await metaFor(file, reconciler, parts) });
      await nextMacrotask();
    }
  }

  async function importFile(
    name: string,
    source: VcardSource,
    options: VcardImportOptions,
  ): Promise<VcardImportReport> {
    const batching = batchingOf(options);
    const bytesTotal = sourceSize(source);
    const reader = cardReaderFor(name, source);
    const { parts, state } = await loadFile(name);
    const reconciler = new FileReconciler(name, state);
    const report: VcardImportReport = {
      file: name,
      total: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
      removalsDeferred: 0,
      skippedGroups: 0,
      cards: [],
      errors: [],
      warnings: [],
    };
    // Photos the files' records already refer to are neither thumbnailed nor written again.
    const photos = storedPhotos(await fileStates());
    let done = 0;
    let legacyCards = 0;

    async function writeBatch(blocks: readonly CardBlock[]): Promise<void> {
      assertRunning();
      const toWrite: Array<{ id: string; action: CardAction; card: ParsedCard }> = [];
      for (const block of blocks) {
        const outcome = parseCardBlock(name, block);
        if (outcome.kind === 'group') {
          report.skippedGroups++;
          continue;
        }
        if (outcome.kind === 'error') {
          report.errors.push(outcome.error);
          reconciler.broken(outcome.uid);
          continue;
        }
        const { card } = outcome;
        report.warnings.push(...outcome.warnings);
        if (outcome.legacy) legacyCards++;
        const { id, action } = reconciler.place(card);
        report.cards.push({ id, uid: card.source.uid, index: card.source.index, line: card.source.line });
        if (action === 'unchanged') report.unchanged++;
        else toWrite.push({ id, action, card });
      }
      // The batch's photos first, in one blob transaction, then the contacts that point at them.
      const cards = toWrite.map(({ card }) => card);
      const { refs, warnings } = await storeCardPhotos(store, name, cards, makeThumbnail, photos);
      report.warnings.push(...warnings);
      const operations = toWrite.map(({ id, action, card }, i): WriteOperation<Contact> => {
        const photo = refs[i];
        const contact: Contact = {
          ...card.contact,
          id,
          ...(photo === undefined ? {} : { photo }),
          // A card without REV changed (for us) now.
          updatedAt: card.contact.updatedAt ?? ctx.now(),
        };
        const blobs =
          photo === undefined ? undefined : [...new Set([photo.id, photo.thumbnailId ?? photo.id])];
        reconciler.written(id, { hash: card.source.contentHash, ...(blobs === undefined ? {} : { blobs }) });
        report[action === 'add' ? 'added' : 'updated']++;
        return { operation: 'put', id, data: contact };
      });
      if (operations.length > 0)
        await store.bulk(operations, { meta: await metaFor(name, reconciler, parts) });
      done += blocks.length;
      options.onProgress?.({
        file: name,
        done,
        total: report.total,
        bytesRead: reader.findings.bytesRead,
        ...(bytesTotal === undefined ? {} : { bytesTotal }),
      });
      await nextMacrotask();
    }

    // Cards are parsed and written a batch at a time as the file is read: memory follows the batch.
    const batchSizes = importBatchSizes(batching);
    let batchSize = batchSizes.next().value as number;
    let pending: CardBlock[] = [];
    for await (const blocks of streamCardBlocks(reader, source)) {
      report.total += blocks.length;
      pending.push(...blocks);
      while (pending.length >= batchSize) {
        await writeBatch(pending.slice(0, batchSize));
        pending = pending.slice(batchSize);
        batchSize = batchSizes.next().value as number;
      }
    }
    if (pending.length > 0 || done === 0) await writeBatch(pending);
    report.errors.push(...reader.findings.errors);
    report.warnings.push(...reader.findings.warnings);
    const markWarning = reader.utf8MarkWarning(legacyCards);
    if (markWarning !== undefined) report.warnings.push(markWarning);
    const removals = reconciler.removals();
    await removeInBatches(name, reconciler, parts, removals.ids, batching);
    await compactFile(name, reconciler, parts);
    report.removed = removals.ids.length;
    report.removalsDeferred = removals.deferred.length;
    await releaseBlobs(reconciler.releasedBlobs());
    report.errors.sort((a, b) => a.line - b.line);
    report.warnings.sort((a, b) => a.line - b.line);
    return report;
  }

  return {
    async importFile(name, data, options = {}) {
      checkFileName(name);
      if (!isVcardSource(data)) {
        throw new TypeError(
          'the file content must be a Uint8Array, a string, a Blob or a stream of Uint8Array chunks',
        );
      }
      batchingOf(options);
      // A copy: the import reads the bytes across many event-loop turns, and the caller may reuse them.
      const input = data instanceof Uint8Array ? data.slice() : data;
      return serialized(() => importFile(name, input, options));
    },

    async removeFile(name) {
      checkFileName(name);
      return serialized(async () => {
        const { parts, state } = await loadFile(name);
        const reconciler = new FileReconciler(name, state);
        const ids = Object.keys(state.records);
        await removeInBatches(name, reconciler, parts, ids, DEFAULT_CARD_BATCHING);
        await compactFile(name, reconciler, parts);
        await releaseBlobs(reconciler.releasedBlobs());
        return ids.length;
      });
    },

    async removeRecord(id) {
      return serialized(async (): Promise<RemovedCard | undefined> => {
        for (const file of await files()) {
          const { parts, state } = await loadFile(file);
          const record = state.records[id];
          if (record === undefined) continue;
          const contact = await store.get(id);
          const blobs: RemovedCard['blobs'] = [];
          for (const blobId of record.blobs ?? []) {
            const blob = await store.getBlob(blobId);
            if (blob !== undefined) blobs.push([blobId, blob]);
          }
          const reconciler = new FileReconciler(file, state);
          await removeInBatches(file, reconciler, parts, [id], DEFAULT_CARD_BATCHING);
          await compactFile(file, reconciler, parts);
          await releaseBlobs(reconciler.releasedBlobs());
          return contact === undefined ? undefined : { file, contact, record, blobs };
        }
        return undefined;
      });
    },

    async restoreRecord(removed) {
      checkFileName(removed.file);
      return serialized(async () => {
        assertRunning();
        const { parts, state } = await loadFile(removed.file);
        const reconciler = new FileReconciler(removed.file, state);
        for (const [blobId, blob] of removed.blobs) {
          if ((await store.getBlob(blobId)) === undefined) await store.putBlob(blobId, blob);
        }
        const { id } = removed.contact;
        reconciler.written(id, removed.record);
        const meta = await metaFor(removed.file, reconciler, parts);
        await store.bulk([{ operation: 'put', id, data: removed.contact }], { meta });
        await compactFile(removed.file, reconciler, parts);
      });
    },

    listFiles: files,

    async exportAll(options = {}) {
      const contacts: Contact[] = [];
      let after: string | undefined;
      for (;;) {
        const ids = await store.keys(after, EXPORT_PAGE_SIZE);
        if (ids.length === 0) break;
        for (const contact of await store.getMany(ids)) if (contact !== undefined) contacts.push(contact);
        after = ids[ids.length - 1];
        await nextMacrotask();
      }
      return exportVcardsWithPhotos(
        contacts,
        (contact) => store.getBlob(contact.photo!.id),
        options.version ?? '4.0',
      );
    },

    getPhotoBlob: (blobId) => store.getBlob(blobId),
  };
}
