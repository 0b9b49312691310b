import {
  createVcardProvider,
  type VcardParseError,
  type VcardParseWarning,
  type VcardSource,
} from '@gcds/provider-vcard';
import {
  type AppIdentity,
  composeMergedContact,
  type MergedContact,
  type PersonRecord,
  ProviderRecordReader,
  type SourceRef,
  sourceKey,
} from '@gcds/shared';
import { createInProcessPipeline, type InProcessPipeline } from './pipeline/inProcessPipeline';

/** A vCard file given on the command line. */
export interface InputFile {
  /** The path as the user gave it: it names the file in sources and errors. */
  path: string;
  /** Its bytes, or a stream of them: the import reads it a chunk at a time. */
  content: VcardSource;
}

/** Where a provider record came from: the file as given, the card's UID and its place in the file. */
export interface CardOrigin {
  file: string;
  /** Position of the file on the command line: sorts people by their first card. */
  fileIndex: number;
  uid: string | null;
  index: number;
}

/** A person as the run shows it: the merged view and the GCDS record behind it. */
export interface MergedPerson {
  person: PersonRecord;
  merged: MergedContact;
}

export interface FileAddressBook {
  /** The run's pipeline: the GCDS over the files' providers; apps open on it. */
  readonly pipeline: InProcessPipeline;
  readonly region: string;
  /** Broken cards and stray text of every file, in command-line order, then by line. */
  readonly errors: VcardParseError[];
  /** Cards imported with something left out or guessed, and files read by a guess, in the same order. */
  readonly warnings: VcardParseWarning[];
  readonly cardCount: number;
  originOf(source: SourceRef): CardOrigin | undefined;
  /** Every person, ordered by where their first card appears in the input. */
  people(): Promise<MergedPerson[]>;
  /** Some people by GCDS person id, in the order asked (unknown ids are left out). */
  peopleById(ids: readonly string[]): Promise<MergedPerson[]>;
  /** Registers a reader app (a consumer) the way the shell would. */
  registerReader(appId: string, accessLevel: 'web' | 'privileged' | 'certified'): AppIdentity;
  stop(): Promise<void>;
}

export interface FileAddressBookOptions {
  region: string;
  /** A fresh IndexedDB namespace per run (the CLI runs over an in-memory IndexedDB). */
  namespace?: string;
}

const PAGE = 1_000;

/**
 * The whole pipeline over a set of vCard files, in-process: one vCard provider per file, the GCDS
 * merging them, and a reader that composes each person as a certified app sees it.
 */
export async function openFileAddressBook(
  files: readonly InputFile[],
  options: FileAddressBookOptions,
): Promise<FileAddressBook> {
  const pipeline = createInProcessPipeline({
    namespace: options.namespace ?? `gcds-cli-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    region: options.region,
  });
  const { platform, registry } = pipeline;
  const gcds = await pipeline.startGcds();
  const origins = new Map<string, CardOrigin>();
  const errors: VcardParseError[] = [];
  const warnings: VcardParseWarning[] = [];
  let cardCount = 0;

  try {
    for (const [fileIndex, file] of files.entries()) {
      const providerId = `vcard-${fileIndex + 1}`;
      const { api } = await registry.install(createVcardProvider({ id: providerId, displayName: file.path }));
      // Large batches: a command-line run has no UI thread to keep responsive.
      const report = await api.importFile(file.path, file.content, { batchSize: 2_000 });
      cardCount += report.total - report.skippedGroups;
      errors.push(...report.errors);
      warnings.push(...report.warnings);
      for (const card of report.cards) {
        origins.set(sourceKey({ provider: providerId, contactId: card.id }), {
          file: file.path,
          fileIndex,
          uid: card.uid,
          index: card.index,
        });
      }
    }
    await gcds.syncNow();
    await gcds.whenIdle();
  } catch (error) {
    await gcds.stop();
    await registry.shutdown();
    throw error;
  }

  const book: FileAddressBook = {
    pipeline,
    region: options.region,
    errors,
    warnings,
    cardCount,
    originOf: (source) => origins.get(sourceKey(source)),
    async people() {
      const people: MergedPerson[] = [];
      let after: string | undefined;
      for (;;) {
        const ids = await gcds.store.keys(after, PAGE);
        if (ids.length === 0) break;
        after = ids.at(-1);
        people.push(...(await compose(ids)));
      }
      return people.sort((a, b) => compareOrigins(firstOrigin(a), firstOrigin(b)));
    },
    peopleById: compose,
    registerReader: pipeline.registerApp,
    async stop() {
      await gcds.stop();
      await registry.shutdown();
    },
  };

  let composer: ProviderRecordReader | undefined;
  /** The people as a certified app reads them: the CLI shows the whole address book. */
  async function compose(ids: readonly string[]): Promise<MergedPerson[]> {
    if (composer === undefined) {
      composer = new ProviderRecordReader(platform, book.registerReader('gcds-cli', 'certified'));
    }
    const records = (await gcds.store.getMany(ids)).filter(
      (person): person is PersonRecord => person !== undefined,
    );
    const sources = await composer.read(records);
    const people: MergedPerson[] = [];
    for (const person of records) {
      const merged = composeMergedContact(person, sources.get(person.id) ?? [], {
        readerLevel: 'certified',
        region: options.region,
      });
      if (merged !== undefined) people.push({ person, merged });
    }
    return people;
  }

  function firstOrigin(person: MergedPerson): CardOrigin | undefined {
    return person.merged.sources
      .map((source) => origins.get(sourceKey(source)))
      .filter((origin): origin is CardOrigin => origin !== undefined)
      .sort(compareOrigins)[0];
  }

  return book;
}

export function compareOrigins(a: CardOrigin | undefined, b: CardOrigin | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a.fileIndex - b.fileIndex || a.index - b.index;
}
