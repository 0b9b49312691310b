import type { ContactListEntry, ContactsConsumer, ListItem, SearchHit } from '@gcds/consumer-contacts';
import { displayNameOf } from '@gcds/consumer-contacts';
import { mergedPeopleVcf } from '@gcds/provider-vcard';
import {
  type AppIdentity,
  type ContactDraft,
  exportableContact,
  type MergedContact,
  mergedNameSource,
  type PersonRecord,
  type SourceRef,
  type StoredBlob,
} from '@gcds/shared';
import * as Comlink from 'comlink';
import { asyncScheduler, merge, type Observable, Subject, throttleTime } from 'rxjs';
import type {
  ContactRow,
  ContactsAppApi,
  DuplicatePair,
  HiddenContact,
  ListOrder,
  ListSection,
  LoadingProgress,
  MergeSuggestion,
  SaveResult,
  SaveTarget,
  SearchResult,
} from '../protocol/contactsApi';
import { SEARCH_RESULTS_MAX } from '../protocol/contactsApi';
import type { ServiceName } from '../protocol/deviceConfig';
import type {
  GcdsClientApi,
  LocalClientApi,
  ProviderSaveResult,
  VcardClientApi,
} from '../protocol/workerApis';
import { displayNumber } from './callerIdView';
import { contactDetailView, providerName } from './contactDetailView';
import { rowOf, thumbnailOf } from './contactRow';
import { EditableProviders } from './editableProviders';
import { setFavorite } from './favoriteStar';
import { ListWindow } from './listWindow';
import { mergeReasonLines } from './mergeReasonLines';

/** Providers whose data may be shown but never leave the phone in an export. */
export const WITHHELD_FROM_EXPORT: ReadonlySet<string> = new Set(['facebook-sim']);

/** What the engine uses of the contacts consumer (the app's own IndexedDB copy of the GCDS). */
export type EngineConsumer = Pick<
  ContactsConsumer,
  | 'sync'
  | 'changes$'
  | 'groups'
  | 'firstPage'
  | 'pageFrom'
  | 'pageAfter'
  | 'getDetail'
  | 'getDetails'
  | 'search'
  | 'getThumbnail'
>;

/** What the engine's worker gives it: who the app is, its consumer, and the services the shell connected. */
export interface ContactsEngineContext {
  identity: AppIdentity;
  region: string;
  consumer: EngineConsumer;
  service<T>(name: ServiceName): Comlink.Remote<T>;
  /** The services the shell has connected right now (CardDAV address books come and go). */
  connected(): ServiceName[];
  /** The GCDS's pointer record of a person (its merge reasons), read at the app's level. */
  gcdsRecord(personId: string): Promise<PersonRecord | undefined>;
  /** A blob from a provider's photo store, read at the app's level. */
  readBlob(provider: string, blobId: string): Promise<StoredBlob | undefined>;
  /** The app's settings, kept by the engine (the frame has no storage). */
  settings: { nameOrder(): Promise<ListOrder>; setNameOrder(order: ListOrder): Promise<void> };
}

/**
 * A person's values as a draft of a new local contact: what may leave its sources (not facebook-sim's),
 * without the photo reference (its blob is in another provider's store) or another store's extras.
 */
export function copyDraftOf(merged: MergedContact): ContactDraft {
  const contact = exportableContact(merged, WITHHELD_FROM_EXPORT);
  if (contact === undefined) return {};
  const { id: _id, photo: _photo, extra: _extra, updatedAt: _updatedAt, ...draft } = contact;
  return draft;
}

/**
 * The Contacts app's engine: the list window, search, details and merge screens over the contacts
 * consumer; writes go to the provider that holds the contact (the phone's own, or a writable CardDAV
 * address book) and user decisions to the GCDS.
 */
export class ContactsEngine {
  #window: Promise<{ sections: ListSection[]; window: ListWindow<ContactListEntry> }> | undefined;
  readonly #entries = new Map<string, ContactListEntry>();
  /** The last paged search's results, all of them (a scroll reads pages of it). */
  #searched: { query: string; results: Promise<SearchHit[]> } | undefined;
  readonly #providers: EditableProviders;
  /** The list's order as the user chose it, read once from the settings. */
  #order: Promise<ListOrder>;
  #loading: LoadingProgress | null = null;
  readonly #loadingChanged = new Subject<void>();

  constructor(private readonly context: ContactsEngineContext) {
    this.#providers = new EditableProviders(context);
    this.#order = context.settings.nameOrder();
    // Any commit may move rows: the next read builds a fresh window from fresh group counts.
    context.consumer.changes$.subscribe(() => {
      this.#window = undefined;
      this.#searched = undefined;
    });
  }

  /** The shell's count of an import on its way (null: none); the app hears of each change. */
  setLoading(progress: LoadingProgress | null): void {
    if (progress?.done === this.#loading?.done && progress?.total === this.#loading?.total) return;
    this.#loading = progress === null ? null : { done: progress.done, total: progress.total };
    this.#loadingChanged.next();
  }

  /** Every result of a search (one past the most, to know there are more), kept while the query is. */
  #allResults(query: string): Promise<SearchHit[]> {
    if (this.#searched?.query !== query) {
      const results = this.#consumer.search(query, SEARCH_RESULTS_MAX + 1);
      results.catch(() => {
        if (this.#searched?.results === results) this.#searched = undefined;
      });
      this.#searched = { query, results };
    }
    return this.#searched.results;
  }

  get #consumer(): EngineConsumer {
    return this.context.consumer;
  }

  get #gcds() {
    return this.context.service<GcdsClientApi>('gcds');
  }

  get #local() {
    return this.context.service<LocalClientApi>('local');
  }

  get #vcard() {
    return this.context.service<VcardClientApi>('vcard');
  }

  #layout() {
    if (this.#window === undefined) {
      this.#window = this.#order.then(async (order) => {
        const groups = await this.#consumer.groups(order);
        const sections = groups.map((g) => ({ id: g.id, label: g.label, kind: g.kind, count: g.count }));
        const page = (items: ListItem[]) =>
          items.map((item) => ({ position: item.position, value: item.entry }));
        const window = new ListWindow<ContactListEntry>(
          groups.map((g) => ({ start: g.start, count: g.count })),
          {
            from: async (position, limit) => page((await this.#consumer.pageFrom(position, limit)).items),
            after: async (position, limit) => page((await this.#consumer.pageAfter(position, limit)).items),
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
    return rowOf(entry, this.context.region);
  }

  /** Waits until the app's own database has the person a new or edited record became. */
  async #personOf(source: SourceRef): Promise<string | undefined> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const personId = await this.#gcds.personOf(source);
      if (personId !== undefined && (await this.#consumer.getDetail(personId)) !== undefined) return personId;
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 + attempt * 20, 300)));
    }
    return undefined;
  }

  async #saved(provider: string, result: ProviderSaveResult): Promise<SaveResult> {
    if (!result.ok) return result;
    const source = { provider, contactId: result.id };
    const personId = await this.#personOf(source);
    return { ok: true, source, ...(personId === undefined ? {} : { personId }) };
  }

  /** Every person of the list once (a person in Favourites and in a letter group is one person). */
  async #everyone(): Promise<MergedContact[]> {
    const people: MergedContact[] = [];
    const seen = new Set<string>();
    let page = await this.#consumer.firstPage(200);
    while (true) {
      const ids = [...new Set(page.items.map((item) => item.entry.personId))].filter((id) => !seen.has(id));
      for (const id of ids) seen.add(id);
      // A page's details composed at once: one read of the GCDS and of each provider.
      for (const merged of await this.#consumer.getDetails(ids))
        if (merged !== undefined) people.push(merged);
      if (page.next === undefined) return people;
      page = await this.#consumer.pageAfter(page.next, 200);
    }
  }

  readonly appApi: ContactsAppApi = {
    whoAmI: () => ({ appId: this.context.identity.appId, accessLevel: this.context.identity.accessLevel }),
    revision: () => this.#consumer.sync.status().revision,
    loading: () => this.#loading,
    sections: async () => (await this.#layout()).sections,
    rows: async (sectionIndex, offset, limit) => {
      const { window } = await this.#layout();
      return (await window.rows(sectionIndex, offset, limit)).map((entry) => this.#remember(entry));
    },
    thumbnail: async (personId) => {
      // A row read already knows its thumbnail; a detail opened from elsewhere takes its merged photo's.
      const thumbnail =
        this.#entries.get(personId)?.thumbnail ?? thumbnailOf(await this.#consumer.getDetail(personId));
      const blob = thumbnail === undefined ? undefined : await this.#consumer.getThumbnail({ thumbnail });
      return blob === undefined ? undefined : { bytes: blob.bytes, mediaType: blob.mediaType };
    },
    search: async (query, limit = 50) => {
      const hits = await this.#consumer.search(query, limit);
      return hits.map((hit) => ({ row: this.#remember(hit.entry), field: hit.field, matched: hit.matched }));
    },
    searchPage: async (query, offset, limit) => {
      const all = await this.#allResults(query);
      const more = all.length > SEARCH_RESULTS_MAX;
      const results: SearchResult[] = all
        .slice(offset, Math.min(offset + limit, SEARCH_RESULTS_MAX))
        .map((hit) => ({ row: this.#remember(hit.entry), field: hit.field, matched: hit.matched }));
      return { total: more ? SEARCH_RESULTS_MAX : all.length, more, results };
    },
    detail: async (personId) => {
      const merged = await this.#consumer.getDetail(personId);
      if (merged === undefined) return undefined;
      const record = await this.context.gcdsRecord(personId);
      const accounts = new Map((await this.#providers.accounts()).map((a) => [a.id as string, a.info]));
      return contactDetailView(merged, record, this.context.region, accounts);
    },
    saveTargets: (): Promise<SaveTarget[]> => this.#providers.saveTargets(),
    editableContact: (provider, id) => this.#providers.editable(provider).get(id),
    create: async (draft, provider): Promise<SaveResult> => {
      const target = provider ?? (await this.appApi.saveTargets())[0]?.provider ?? 'local';
      return this.#saved(target, await this.#providers.editable(target).add(draft));
    },
    update: async (provider, id, draft): Promise<SaveResult> =>
      this.#saved(provider, await this.#providers.editable(provider).update(id, draft)),
    // An imported card is the vCard provider's to delete, as a phone contact is the local provider's.
    remove: (provider, id) =>
      provider === 'vcard' ? this.#vcard.remove(id) : this.#providers.editable(provider).remove(id),
    // The phone's own contacts and imported cards: each provider puts back the record it removed. A
    // CardDAV card deleted is gone from the server (a new card would be a new href, not the record the
    // GCDS's merges name), so the app offers no Undo for those.
    restore: async (provider, id): Promise<SaveResult> =>
      this.#saved(provider, await (provider === 'vcard' ? this.#vcard : this.#local).restore(id)),
    hide: async (personId) => {
      // Only a person this app shows: the id is the app's, checked against its own database.
      if ((await this.#consumer.getDetail(personId)) === undefined)
        throw new Error('this contact is no longer here');
      await this.#gcds.hide(personId);
    },
    unhide: async (personId) => {
      if (!(await this.#gcds.hiddenPeople()).some((person) => person.personId === personId))
        throw new Error('this contact is not hidden');
      await this.#gcds.unhide(personId);
    },
    hiddenContacts: async (): Promise<HiddenContact[]> => {
      const accounts = new Map((await this.#providers.accounts()).map((a) => [a.id as string, a.info]));
      return (await this.#gcds.hiddenPeople()).map((person) => ({
        personId: person.personId,
        displayName: person.displayName,
        sourceNames: [...new Set(person.sources.map((source) => providerName(source.provider, accounts)))],
      }));
    },
    copyDraft: async (personId) => {
      const merged = await this.#consumer.getDetail(personId);
      return merged === undefined ? undefined : copyDraftOf(merged);
    },
    createLinked: async (personId, draft): Promise<SaveResult> => {
      // Only a person this app can see: the id is the app's, checked against its own database.
      if ((await this.#consumer.getDetail(personId)) === undefined) {
        return { ok: false, errors: [{ field: '', message: 'this contact is no longer here' }] };
      }
      const result = await this.#local.add(draft);
      if (!result.ok) return result;
      const source = { provider: 'local', contactId: result.id };
      const copyId = await this.#personOf(source);
      // Same name and number: the GCDS may have joined them already, on its own evidence.
      const linked =
        copyId === undefined || copyId === personId ? copyId : await this.#gcds.merge([personId, copyId]);
      return { ok: true, source, ...(linked === undefined ? {} : { personId: linked }) };
    },
    setFavorite: async (personId, favorite) => {
      const merged = await this.#consumer.getDetail(personId);
      if (merged === undefined)
        return { ok: false, errors: [{ field: '', message: 'this contact is no longer here' }] };
      return setFavorite(
        {
          editableOf: async (person) => (await this.appApi.detail(person.personId))?.editable,
          isWritable: async (source) =>
            source.provider === 'local' ||
            (await this.#providers.accounts()).some((a) => a.id === source.provider && a.info.writable),
          provider: (provider) => this.#providers.editable(provider),
          copyDraft: copyDraftOf,
          createLinked: (id, draft) => this.appApi.createLinked(id, draft),
        },
        merged,
        favorite,
      );
    },
    setPhoto: async (localId, bytes, mediaType) =>
      this.#saved('local', await this.#local.setPhoto(localId, bytes, mediaType)),
    removePhoto: async (localId) => this.#saved('local', await this.#local.removePhoto(localId)),
    listOrder: () => this.#order,
    setListOrder: async (order) => {
      await this.context.settings.setNameOrder(order);
      this.#order = Promise.resolve(order);
      this.#window = undefined;
    },
    suggestions: async (personId) => {
      const found = await this.#gcds.suggestDuplicates(personId, 5);
      const named: MergeSuggestion[] = [];
      for (const suggestion of found) {
        const detail = await this.#consumer.getDetail(suggestion.personId);
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
    dismissSuggestion: (personId, otherId) => this.#gcds.dismissSuggestion(personId, otherId),
    duplicates: async (onProgress) => {
      const people = await this.#everyone();
      const names = new Map(people.map((p) => [p.personId, displayNameOf(p)]));
      const pairs = new Map<string, DuplicatePair>();
      const show = (number: string) => displayNumber(number, this.context.region);
      for (const [index, person] of people.entries()) {
        for (const found of await this.#gcds.suggestDuplicates(person.personId, 5)) {
          const other = names.get(found.personId);
          if (other === undefined) continue;
          // One pair however it was found (from either side), with its best score.
          const [a, b] = [person.personId, found.personId].sort() as [string, string];
          const key = `${a} ${b}`;
          if ((pairs.get(key)?.score ?? -1) >= found.score) continue;
          pairs.set(key, {
            a: { personId: a, name: names.get(a)! },
            b: { personId: b, name: names.get(b)! },
            score: found.score,
            reasons: mergeReasonLines(found.reasons, show),
          });
        }
        if (index % 20 === 19 || index === people.length - 1) {
          void onProgress({ done: index + 1, total: people.length });
        }
      }
      return [...pairs.values()].sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name));
    },
    merge: async (personIds, keepNameOf) => {
      if (keepNameOf === undefined) return this.#gcds.merge(personIds);
      if (!personIds.includes(keepNameOf)) throw new Error('the name kept must be of a person merged');
      const detail = await this.#consumer.getDetail(keepNameOf);
      const nameFrom = detail === undefined ? undefined : mergedNameSource(detail);
      return this.#gcds.merge(personIds, nameFrom);
    },
    mergeMany: (groups) => this.#gcds.mergeMany(groups),
    unmerge: (personId) => this.#gcds.unmerge(personId),
    importVcf: (name, file, onProgress) =>
      this.#vcard.importFile(
        name,
        file,
        Comlink.proxy((progress) => {
          void onProgress(progress);
        }),
      ),
    exportVcf: async () =>
      mergedPeopleVcf(await this.#everyone(), WITHHELD_FROM_EXPORT, (provider, blobId) =>
        this.context.readBlob(provider, blobId),
      ),
    subscribe: (onChange) => {
      // Throttled apart: a progress line's refresh must not hold the first people back by a window.
      const throttled = <T>(source: Observable<T>) =>
        source.pipe(throttleTime(150, asyncScheduler, { leading: true, trailing: true }));
      merge(throttled(this.#consumer.changes$), throttled(this.#loadingChanged)).subscribe(() => {
        void onChange();
      });
    },
  };
}
