import type { ProviderNames } from './providerName';

/*
 * The files of a new provider package, as text. Generated code must pass the repository's strict
 * tsconfig and Biome as written: the end-to-end test runs tsc, Biome and the generated test on it.
 * `\${` below is a template literal of the generated code, not of this file.
 */

/** Path (relative to the provider's folder) → file content, for a provider named `names`. */
export function providerTemplate(names: ProviderNames): Map<string, string> {
  return new Map([
    ['package.json', packageJson(names)],
    ['src/contactSource.ts', contactSourceTs()],
    ['src/index.ts', providerTs(names)],
    [`src/${names.camel}Provider.test.ts`, providerTestTs(names)],
  ]);
}

function packageJson(names: ProviderNames): string {
  const pkg = {
    name: names.packageName,
    version: '0.1.0',
    private: true,
    type: 'module',
    exports: { '.': './src/index.ts' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function contactSourceTs(): string {
  return `import type { Contact } from '@gcds/shared';

/** One change at the remote source. */
export type SourceChange = { kind: 'upsert'; contact: Contact } | { kind: 'delete'; id: string };

export interface SourcePage {
  changes: SourceChange[];
  /** Where the next request continues from. Save it with the changes it covers, never before. */
  cursor: string;
  /** More changes wait after \`cursor\`: ask again. */
  more: boolean;
  /** The source no longer knew the cursor: \`changes\` list everything it has; drop the rest. */
  reset?: boolean;
}

/**
 * What the provider needs from a remote service: the changes since a cursor, a page at a time
 * (a CardDAV sync token, a REST \`?since=\`, a change feed). Replace InMemoryContactSource with yours.
 */
export interface ContactSource {
  changesSince(cursor: string | undefined, limit: number): Promise<SourcePage>;
}

/**
 * A stand-in for a remote service: a change log in memory. Its cursors name a history and a
 * position in it; \`compact()\` starts a new history, so older cursors get a reset.
 */
export class InMemoryContactSource implements ContactSource {
  #history = 1;
  #log: SourceChange[] = [];

  constructor(contacts: readonly Contact[] = []) {
    for (const contact of contacts) this.upsert(contact);
  }

  upsert(contact: Contact): void {
    this.#log.push({ kind: 'upsert', contact: structuredClone(contact) });
  }

  delete(id: string): void {
    this.#log.push({ kind: 'delete', id });
  }

  /** Forgets the history, keeping only the current contacts (what servers do to bound their logs). */
  compact(): void {
    this.#log = this.#current().map((contact) => ({ kind: 'upsert', contact }));
    this.#history += 1;
  }

  async changesSince(cursor: string | undefined, limit: number): Promise<SourcePage> {
    const position = this.#position(cursor);
    if (position === undefined) {
      const changes = this.#current().map((contact): SourceChange => ({ kind: 'upsert', contact }));
      return { changes, cursor: this.#cursorAt(this.#log.length), more: false, reset: true };
    }
    const changes = this.#log.slice(position, position + limit).map((change) => structuredClone(change));
    const next = position + changes.length;
    return { changes, cursor: this.#cursorAt(next), more: next < this.#log.length };
  }

  #cursorAt(position: number): string {
    return \`\${this.#history}:\${position}\`;
  }

  /** The position a cursor names; undefined when it belongs to another history or is not one. */
  #position(cursor: string | undefined): number | undefined {
    if (cursor === undefined) return 0;
    const [history, position] = cursor.split(':').map(Number);
    if (history !== this.#history || position === undefined || !Number.isInteger(position)) return undefined;
    return position >= 0 && position <= this.#log.length ? position : undefined;
  }

  #current(): Contact[] {
    const contacts = new Map<string, Contact>();
    for (const change of this.#log) {
      if (change.kind === 'upsert') contacts.set(change.contact.id, change.contact);
      else contacts.delete(change.id);
    }
    return [...contacts.values()].map((contact) => structuredClone(contact));
  }
}
`;
}

function providerTs(names: ProviderNames): string {
  const { pascal, constant } = names;
  return `import { type Contact, defineProvider, type ProviderContext, type WriteOperation } from '@gcds/shared';
import type { ContactSource, SourcePage } from './contactSource';

export * from './contactSource';

export const ${constant}_PROVIDER_ID = '${names.id}';

/** Owner-private metadata key (never synced to readers) holding the source cursor. */
const CURSOR_META_KEY = 'sourceCursor';
const PAGE_SIZE = 200;

export interface SourceSyncReport {
  pages: number;
  upserts: number;
  deletes: number;
  /** The source did not know the saved cursor and sent everything again. */
  reset: boolean;
}

/** What the provider offers its own UI and tests. */
export interface ${pascal}Api {
  /** Pulls every change since the saved cursor. Calls run one after another. */
  syncNow(): Promise<SourceSyncReport>;
}

/** ${names.displayName}: mirrors a remote contact source into this provider's store. */
export function create${pascal}Provider(source: ContactSource) {
  return defineProvider<${pascal}Api>({
    id: ${constant}_PROVIDER_ID,
    manifest: {
      displayName: '${names.displayName}',
      accessLevel: 'privileged',
      writable: false,
    },
    async start(ctx) {
      let queue: Promise<unknown> = Promise.resolve();
      const syncNow = () => {
        const run = queue.then(() => syncFromSource(ctx, source));
        queue = run.catch(() => undefined);
        return run;
      };
      // install() resolves after this first sync, with the store populated.
      await syncNow();
      return { syncNow };
    },
  });
}

async function syncFromSource(ctx: ProviderContext, source: ContactSource): Promise<SourceSyncReport> {
  const report: SourceSyncReport = { pages: 0, upserts: 0, deletes: 0, reset: false };
  let cursor = (await ctx.store.getMeta(CURSOR_META_KEY)) as string | undefined;
  let more = true;
  while (more && !ctx.signal.aborted) {
    const page = await source.changesSince(cursor, PAGE_SIZE);
    // The changes and the cursor that covers them commit in ONE transaction: a crash or an uninstall
    // between pages never skips a change nor applies one twice.
    await ctx.store.bulk(toOperations(page, ctx.now()), { meta: { [CURSOR_META_KEY]: page.cursor } });
    report.pages += 1;
    report.reset ||= page.reset === true;
    for (const change of page.changes) {
      if (change.kind === 'upsert') report.upserts += 1;
      else report.deletes += 1;
    }
    cursor = page.cursor;
    more = page.more;
  }
  return report;
}

function toOperations(page: SourcePage, now: number): WriteOperation<Contact>[] {
  const operations: WriteOperation<Contact>[] = page.reset === true ? [{ operation: 'clear' }] : [];
  for (const change of page.changes) {
    if (change.kind === 'delete') {
      operations.push({ operation: 'remove', id: change.id });
      continue;
    }
    const { contact } = change;
    if (typeof contact.id !== 'string' || contact.id === '') {
      // Throwing before bulk() writes nothing and keeps the old cursor: the page is asked for again.
      throw new Error(\`the source sent a contact without an id: \${JSON.stringify(contact).slice(0, 80)}\`);
    }
    // The record id is the source's own id: stable across re-syncs, so the GCDS's merge decisions
    // (keyed by provider id + record id) survive.
    operations.push({
      operation: 'put',
      id: contact.id,
      data: { ...contact, updatedAt: contact.updatedAt ?? now },
    });
  }
  return operations;
}
`;
}

function providerTestTs(names: ProviderNames): string {
  return `import { type Contact, DataStorePlatform, PROVIDER_STORE_NAME, ProviderRegistry } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { InMemoryContactSource } from './contactSource';
import { create${names.pascal}Provider } from './index';

const NAMESPACE = '${names.id}-provider-test';
let counter = 0;

/** Installs the provider into a registry on a fresh platform and opens its store as another app would. */
async function setup(source: InMemoryContactSource) {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: \`\${NAMESPACE}-\${counter}\` });
  const registry = new ProviderRegistry(platform, { now: () => 1_000 });
  const installed = await registry.install(create${names.pascal}Provider(source));
  const app = platform.registerApp({ appId: 'test-reader', accessLevel: 'privileged' });
  const reader = await platform.openStore<Contact>(app, PROVIDER_STORE_NAME, installed.id);
  return { platform, registry, api: installed.api, reader };
}

describe('${names.id} provider', () => {
  it('syncs the source into its own store when installed', async () => {
    const source = new InMemoryContactSource([
      { id: 'src-1', given: 'Ada', family: 'Lovelace' },
      { id: 'src-2', given: 'Grace', tel: [{ value: '+1 555 0100' }] },
    ]);
    const { reader } = await setup(source);
    expect(reader.owner).toBe('${names.id}');
    expect(await reader.keys()).toEqual(['src-1', 'src-2']);
    expect(await reader.get('src-1')).toEqual({
      id: 'src-1',
      given: 'Ada',
      family: 'Lovelace',
      updatedAt: 1_000,
    });
  });

  it('syncs later changes incrementally from the cursor saved with the data', async () => {
    const source = new InMemoryContactSource([
      { id: 'src-1', given: 'Ada' },
      { id: 'src-2', given: 'Grace' },
    ]);
    const { api, reader } = await setup(source);
    source.upsert({ id: 'src-1', given: 'Ada', family: 'Lovelace' });
    source.delete('src-2');
    source.upsert({ id: 'src-3', given: 'Alan' });
    expect(await api.syncNow()).toEqual({ pages: 1, upserts: 2, deletes: 1, reset: false });
    expect(await reader.keys()).toEqual(['src-1', 'src-3']);
    expect(await reader.get('src-1')).toMatchObject({ family: 'Lovelace' });
    expect(await api.syncNow()).toEqual({ pages: 1, upserts: 0, deletes: 0, reset: false });
  });

  it('starts over when the source has forgotten the saved cursor', async () => {
    const source = new InMemoryContactSource([{ id: 'src-1', given: 'Ada' }]);
    const { api, reader } = await setup(source);
    source.delete('src-1');
    source.upsert({ id: 'src-9', given: 'Edsger' });
    source.compact();
    expect(await api.syncNow()).toMatchObject({ reset: true, upserts: 1 });
    expect(await reader.keys()).toEqual(['src-9']);
  });

  it('refuses a contact without an id, writing nothing of that page', async () => {
    const source = new InMemoryContactSource([{ id: 'src-1', given: 'Ada' }]);
    const { api, reader } = await setup(source);
    source.upsert({ given: 'Nobody' } as Contact);
    await expect(api.syncNow()).rejects.toThrow(/without an id/);
    expect(await reader.keys()).toEqual(['src-1']);
  });
});
`;
}
