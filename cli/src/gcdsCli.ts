import type { VcardSource } from '@gcds/provider-vcard';
import type { MergeReason } from '@gcds/shared';
import type { CardDavIo } from './cardDavAddressBook';
import { type CliCommand, CliUsageError, parseCliArguments, USAGE } from './cliArguments';
import { type FileAddressBook, type InputFile, openFileAddressBook } from './fileAddressBook';
import { mergedAddressBookVcf } from './mergedAddressBookVcf';
import { errorJson, type MergeJson, mergedContactJson } from './mergedPeopleJson';
import { mergeSummary } from './mergeSummary';
import { CONTACTS_APP, DIALER_APP } from './pipeline/inProcessPipeline';
import { type FileWriter, replaceFile } from './replaceFile';

/** What the command touches of the outside world, so tests run it in-process. */
export interface CliIo extends FileWriter, CardDavIo {
  stdout(text: string): Promise<void>;
  stderr(text: string): Promise<void>;
  /** The file's bytes, or a stream of them (read as the import goes); fails when it cannot be opened. */
  readFile(path: string): Promise<VcardSource>;
  /** Names the temporary file `-o` writes before renaming it over the output. */
  readonly processId: number;
}

/** A FILE argument that is an address-book URL (http:// or https://) is downloaded, not read from disk. */
const ADDRESS_BOOK_URL = /^https?:\/\//i;

/** Exit codes: 0 done (broken cards are reported, not failures), 1 a file could not be read or written, 2 usage. */
export async function runGcdsCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    await io.stderr(`gcds: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    await io.stdout(USAGE);
    return 0;
  }
  const files: InputFile[] = [];
  for (const path of command.files) {
    if (ADDRESS_BOOK_URL.test(path)) {
      // Evaluated only for a URL (esbuild defers a dynamic import): `gcds --help` and file runs skip it.
      const { downloadAddressBook, urlWithoutPassword } = await import('./cardDavAddressBook');
      try {
        files.push({ path: urlWithoutPassword(path), content: await downloadAddressBook(path, io) });
      } catch (error) {
        await io.stderr(`gcds: cannot read ${(error as Error).message}\n`);
        return 1;
      }
      continue;
    }
    try {
      files.push({ path, content: await io.readFile(path) });
    } catch (error) {
      await io.stderr(`gcds: cannot read ${path}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const book = await openFileAddressBook(files, { region: command.region });
  try {
    switch (command.command) {
      case 'merge':
        return await merge(book, command, io);
      case 'search':
        return await search(book, command.query, io);
      case 'lookup':
        return await lookup(book, command.number, io);
    }
  } finally {
    await book.stop();
  }
}

async function merge(
  book: FileAddressBook,
  command: Extract<CliCommand, { command: 'merge' }>,
  io: CliIo,
): Promise<number> {
  const people = await book.people();
  const json: MergeJson = {
    contacts: people.map(({ merged }) => mergedContactJson(merged, book.region, book.originOf)),
    errors: book.errors.map(errorJson),
  };
  if (command.output !== undefined) {
    const vcf = await mergedAddressBookVcf(book, people);
    try {
      await replaceFile(io, command.output, vcf, io.processId);
    } catch (error) {
      await io.stderr(`gcds: cannot write ${command.output}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  if (command.json) {
    await io.stdout(`${JSON.stringify(json)}\n`);
  } else {
    const reasons = new Map<string, readonly MergeReason[]>(
      people.map(({ person }) => [person.id, person.reasons]),
    );
    await io.stdout(
      mergeSummary({
        json,
        warnings: book.warnings.map(errorJson),
        reasons,
        cardCount: book.cardCount,
        fileCount: command.files.length,
        originOf: book.originOf,
      }),
    );
    if (command.output !== undefined)
      await io.stdout(
        `Wrote ${people.length === 1 ? '1 person' : `${people.length} people`} to ${command.output}\n`,
      );
  }
  return 0;
}

/** The contacts app's ranked search, over its own store synced from the GCDS like on the phone. */
async function search(book: FileAddressBook, query: string, io: CliIo): Promise<number> {
  const contacts = await book.pipeline.openApp(
    CONTACTS_APP,
    book.registerReader(CONTACTS_APP.name, CONTACTS_APP.level),
  );
  try {
    await contacts.sync.whenIdle();
    const hits = await contacts.search(query, 50);
    const results = hits.map((hit) => ({ id: hit.entry.personId, name: hit.entry.displayName }));
    await io.stdout(`${JSON.stringify({ results })}\n`);
    return 0;
  } finally {
    await contacts.stop();
  }
}

/** Caller ID as the Phone app resolves it: its own privileged store, synced from the GCDS. */
async function lookup(book: FileAddressBook, number: string, io: CliIo): Promise<number> {
  const dialer = await book.pipeline.openApp(
    DIALER_APP,
    book.registerReader(DIALER_APP.name, DIALER_APP.level),
  );
  try {
    await dialer.sync.whenIdle();
    const found = await dialer.lookupNumber(number);
    const people = new Map(
      (await book.peopleById(found.map((match) => match.personId))).map((person) => [
        person.person.id,
        person,
      ]),
    );
    const matches = found.map((match) => {
      const person = people.get(match.personId);
      return {
        id: match.personId,
        name: match.displayName,
        tel: person === undefined ? [] : mergedContactJson(person.merged, book.region, book.originOf).tel,
        matchedTel: match.matchedTel.e164 ?? match.matchedTel.value,
      };
    });
    await io.stdout(`${JSON.stringify({ matches })}\n`);
    return 0;
  } finally {
    await dialer.stop();
  }
}
