import {
  type ContactListEntry,
  type ContactsConsumer,
  createContactsConsumer,
  displayNameOf,
  type ListItem,
} from '@gcds/consumer-contacts';
import { exportVcards } from '@gcds/provider-vcard';
import {
  type Contact,
  exportableContact,
  type PersonRecord,
  PROVIDER_STORE_NAME,
  type SourceRef,
} from '@gcds/shared';
import * as Comlink from 'comlink';
import { asyncScheduler, throttleTime } from 'rxjs';
import {
  CONTACTS_APP_METHODS,
  type ContactRow,
  type ContactsAppApi,
  type ListSection,
  type MergeSuggestion,
  type SaveResult,
  type SaveTarget,
} from '../protocol/contactsApi';
import {
  type CardDavProviderId,
  isBuiltinProvider,
  isCardDavProvider,
  PROVIDER_NAMES,
} from '../protocol/deviceConfig';
import type {
  EditableProviderApi,
  EditableProviderInfo,
  GcdsClientApi,
  ProviderSaveResult,
  VcardClientApi,
} from '../protocol/workerApis';
import { displayNumber } from './callerIdView';
import { type EngineContext, hostEngine } from './engineHost';
import { engineStatus$ } from './engineStatus';
import { ListWindow } from './listWindow';

/** Providers whose data may be shown but never leave the phone in an export. */
const WITHHELD_FROM_EXPORT = new Set(['facebook-sim']);

function rowOf(entry: ContactListEntry, region: string): ContactRow {
  const phone = entry.phones[0]?.value;
  return {
    personId: entry.personId,
    displayName: entry.displayName,
    // A number as the phone shows numbers (national at home), however its source wrote it.
    subtitle:
      entry.org ?? (phone === undefined ? undefined : displayNumber(phone, region)) ?? entry.emails[0] ?? '',
    hasPhoto: entry.thumbnail !== undefined,
    favorite: entry.favorite,
  };
}

class ContactsEngine {
  #window: Promise<{ sections: ListSection[]; window: ListWindow<ContactListEntry> }> | undefined;
  readonly #entries = new Map<string, ContactListEntry>();

  constructor(
    private readonly context: EngineContext,
    private readonly consumer: ContactsConsumer,
  ) {
    // Any commit may move rows: the next read builds a fresh window from fresh group counts.
    consumer.changes$.subscribe(() => {
      this.#window = undefined;
    });
  }

  #layout() {
    if (this.#window === undefined) {
      this.#window = this.consumer.groups().then((groups) => {
        const sections = groups.map((g) => ({ id: g.id, label: g.label, kind: g.kind, count: g.count }));
        const page = (items: ListItem[]) =>
          items.map((item) => ({ position: item.position, value: item.entry }));
        const window = new ListWindow<ContactListEntry>(
          groups.map((g) => ({ start: g.start, count: g.count })),
          {
            from: async (position, limit) => page((await this.consumer.pageFrom(position, limit)).items),
            after: async (position, limit) => page((await this.consumer.pageAfter(position, limit)).items),
          },
        );
        return { sections, window };
      });
      this.#window.catch(() => {
        this.#window = undefined;
      });
    }
    return this.#window;
  }

  #remember(entry: ContactListEntry): ContactRow {
    this.#entries.set(entry.personId, entry);
    return rowOf(entry, this.context.config.region);
  }

  get gcds() {
    return this.context.service<GcdsClientApi>('gcds');
  }

  /** Waits until the app's own database has the person a new or edited record became. */
  async #personOf(source: SourceRef): Promise<string | undefined> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const personId = await this.gcds.personOf(source);
      if (personId !== undefined && (await this.consumer.getDetail(personId)) !== undefined) return personId;
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 + attempt * 20, 300)));
    }
    return undefined;
  }

  /**
   * A provider the user may edit through this app: the phone's own or a CardDAV address book the shell
   * connected (a hostile frame can name any id; only what the shell connected is reachable, and the
   * provider refuses writes to a read-only book all the same).
   */
  #editable(provider: string): EditableProviderApi {
    if (provider !== 'local' && !isCardDavProvider(provider))
      throw new Error(`${provider} contacts cannot be edited here`);
    return this.context.service<EditableProviderApi>(provider) as unknown as EditableProviderApi;
  }

  /** The connected CardDAV address books and what they say of themselves. */
  async #accounts(): Promise<Array<{ id: CardDavProviderId; info: EditableProviderInfo }>> {
    const ids = this.context.connected().filter(isCardDavProvider);
    const described = await Promise.all(
      ids.map(async (id) => {
        try {
          return { id, info: await this.#editable(id).describe() };
        } catch {
          // An account removed while we asked: it is simply not offered.
          return undefined;
        }
      }),
    );
    return described.filter((entry) => entry !== undefined);
  }

  async #saved(provider: string, result: ProviderSaveResult): Promise<SaveResult> {
    if (!result.ok) return result;
    const source = { provider, contactId: result.id };
    const personId = await this.#personOf(source);
    return { ok: true, source, ...(personId === undefined ? {} : { personId }) };
  }

  async #gcdsRecord(personId: string): Promise<PersonRecord | undefined> {
    const store = await this.context.platform.openStore<PersonRecord>(this.context.identity, 'gcds', 'gcds');
    return store.get(personId);
  }

  readonly appApi: ContactsAppApi = {
    whoAmI: () => ({ appId: this.context.identity.appId, accessLevel: this.context.identity.accessLevel }),
    revision: () => this.consumer.sync.status().revision,
    sections: async () => (await this.#layout()).sections,
    rows: async (sectionIndex, offset, limit) => {
      const { window } = await this.#layout();
      return (await window.rows(sectionIndex, offset, limit)).map((entry) => this.#remember(entry));
    },
    thumbnail: async (personId) => {
      const entry = this.#entries.get(personId);
      let blob = entry === undefined ? undefined : await this.consumer.getThumbnail(entry);
      if (entry === undefined) {
        // Not a row read yet (a detail opened from elsewhere): the photo of its merged view.
        const photo = (await this.consumer.getDetail(personId))?.photo;
        if (photo !== undefined) {
          const store = await this.context.platform.openStore<Contact>(
            this.context.identity,
            PROVIDER_STORE_NAME,
            photo.source.provider,
          );
          blob = await store.getBlob(photo.value.thumbnailId ?? photo.value.id);
        }
      }
      return blob === undefined ? undefined : { bytes: blob.bytes, mediaType: blob.mediaType };
    },
    search: async (query, limit = 50) => {
      const hits = await this.consumer.search(query, limit);
      return hits.map((hit) => ({ row: this.#remember(hit.entry), field: hit.field, matched: hit.matched }));
    },
    detail: async (personId) => {
      const merged = await this.consumer.getDetail(personId);
      if (merged === undefined) return undefined;
      const record = await this.#gcdsRecord(personId);
      const region = this.context.config.region;
      const phonesShown = Object.fromEntries(
        merged.tel.map((t) => [t.value.value, displayNumber(t.value.value, region)]),
      );
      const accounts = new Map((await this.#accounts()).map((a) => [a.id as string, a.info]));
      const sourceNames: Record<string, string> = {};
      for (const source of merged.sources) {
        const provider = source.provider;
        sourceNames[provider] = isBuiltinProvider(provider)
          ? PROVIDER_NAMES[provider]
          : (accounts.get(provider)?.name ?? provider);
      }
      // The phone's own record first (as before accounts), else a card of a writable address book.
      const editable =
        merged.sources.find((source) => source.provider === 'local') ??
        merged.sources.find((source) => accounts.get(source.provider)?.writable === true);
      const readOnlyBook = merged.sources
        .map((source) => accounts.get(source.provider))
        .find((info) => info !== undefined && !info.writable);
      const readOnlyReason =
        editable === undefined && readOnlyBook !== undefined
          ? `${readOnlyBook.name}: ${readOnlyBook.readOnlyReason ?? 'a read-only address book'}`
          : undefined;
      return {
        merged,
        reasons: record?.reasons ?? [],
        phonesShown,
        sourceNames,
        ...(editable === undefined ? {} : { editable }),
        ...(readOnlyReason === undefined ? {} : { readOnlyReason }),
      };
    },
    saveTargets: async (): Promise<SaveTarget[]> => {
      const accounts = (await this.#accounts())
        .filter((a) => a.info.writable)
        .map((a) => ({ provider: a.id, name: a.info.name }));
      const phone = this.context.connected().includes('local') ? [{ provider: 'local', name: 'Phone' }] : [];
      return [...accounts, ...phone];
    },
    editableContact: (provider, id) => this.#editable(provider).get(id),
    create: async (draft, provider): Promise<SaveResult> => {
      const target = provider ?? (await this.appApi.saveTargets())[0]?.provider ?? 'local';
      return this.#saved(target, await this.#editable(target).add(draft));
    },
    update: async (provider, id, draft): Promise<SaveResult> =>
      this.#saved(provider, await this.#editable(provider).update(id, draft)),
    remove: (provider, id) => this.#editable(provider).remove(id),
    suggestions: async (personId) => {
      const found = await this.gcds.suggestDuplicates(personId, 5);
      const named: MergeSuggestion[] = [];
      for (const suggestion of found) {
        const detail = await this.consumer.getDetail(suggestion.personId);
        if (detail === undefined) continue;
        named.push({
          personId: suggestion.personId,
          displayName: displayNameOf(detail),
          score: suggestion.score,
          reasons: suggestion.reasons,
        });
      }
      return named;
    },
    dismissSuggestion: (personId, otherId) => this.gcds.dismissSuggestion(personId, otherId),
    merge: (personIds) => this.gcds.merge(personIds),
    unmerge: (personId) => this.gcds.unmerge(personId),
    importVcf: (name, file, onProgress) =>
      this.context.service<VcardClientApi>('vcard').importFile(
        name,
        file,
        Comlink.proxy((progress) => {
          void onProgress(progress);
        }),
      ),
    exportVcf: async () => {
      const contacts = [];
      let leftOut = 0;
      const seen = new Set<string>();
      let page = await this.consumer.firstPage(200);
      while (true) {
        for (const item of page.items) {
          if (seen.has(item.entry.personId)) continue;
          seen.add(item.entry.personId);
          const merged = await this.consumer.getDetail(item.entry.personId);
          const contact = merged === undefined ? undefined : exportableContact(merged, WITHHELD_FROM_EXPORT);
          if (contact === undefined) leftOut += 1;
          else contacts.push(contact);
        }
        if (page.next === undefined) break;
        page = await this.consumer.pageAfter(page.next, 200);
      }
      return { text: exportVcards(contacts, { version: '4.0' }), count: contacts.length, leftOut };
    },
    subscribe: (onChange) => {
      this.consumer.changes$
        .pipe(throttleTime(150, asyncScheduler, { leading: true, trailing: true }))
        .subscribe(() => {
          void onChange();
        });
    },
  };
}

hostEngine(async (context) => {
  const consumer = await createContactsConsumer({
    platform: context.platform,
    identity: context.identity,
    locale: context.config.locale,
    region: context.config.region,
    dbName: `${context.config.namespace}:app:${context.manifest.appId}`,
  });
  const engine = new ContactsEngine(context, consumer);
  return {
    appApi: engine.appApi,
    methods: CONTACTS_APP_METHODS,
    status$: engineStatus$(consumer.sync.status$),
  };
});
