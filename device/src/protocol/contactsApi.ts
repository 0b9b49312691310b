import type { ContactDraft, MergedContact, MergeReason, SourceRef } from '@gcds/shared';
import {
  type AppMethodTable,
  type ArgCheck,
  isBytes,
  isBytesOrBlob,
  isCount,
  isPlainRecord,
  isText,
  isTextList,
  isTextListList,
  methodTable,
  oneOf,
  optional,
} from './appRpc';

/** A section of the list: ICE, favourites or a letter group, with how many rows it has. */
export interface ListSection {
  id: string;
  label: string;
  kind: string;
  count: number;
}

/** One row of the contacts list. */
export interface ContactRow {
  personId: string;
  displayName: string;
  /** A line under the name: organisation or first number. */
  subtitle: string;
  hasPhoto: boolean;
  /** The thumbnail's blob id: a new photo is a new id, so a cached picture of the old one is not reused. */
  photoId?: string;
  favorite: boolean;
}

export interface SearchResult {
  row: ContactRow;
  field: 'name' | 'phone' | 'email' | 'organisation';
  /** The value that matched, for highlighting. */
  matched: string;
}

/** A page of a search's results, and how many there are in all. */
export interface SearchPage {
  /** Every match, counted exactly (up to `SEARCH_RESULTS_MAX`, when `more` says there are more). */
  total: number;
  /** More than `total` match: the search stopped counting there, and says so. */
  more: boolean;
  results: SearchResult[];
}

/** The most results one search holds; past it the list says "more than" (never a silent cap). */
export const SEARCH_RESULTS_MAX = 10_000;

export interface PersonDetail {
  merged: MergedContact;
  /** Why these sources are one person (GCDS merge reasons), when there is more than one. */
  reasons: MergeReason[];
  /** The record Edit and Delete work on: the phone's own, else a card of a writable CardDAV address book. */
  editable?: SourceRef;
  /** Why this contact cannot be edited here, when it comes from a read-only address book. */
  readOnlyReason?: string;
  /** The record Delete removes: the editable one, else an imported card (the vCard provider's own). */
  deletable?: SourceRef;
  /**
   * Something stays after Delete, and all of it is read-only (an import, Facebook, a read-only book):
   * hiding the whole person is what makes them go, so the question offers it.
   */
  othersReadOnly: boolean;
  /** Each source provider's name as the user knows it (an account's address book by its name). */
  sourceNames: Record<string, string>;
  /** Each phone number as written → as the phone shows numbers (national at home, else international). */
  phonesShown: Record<string, string>;
}

export interface MergeSuggestion {
  personId: string;
  displayName: string;
  score: number;
  reasons: string[];
}

/** Two people the GCDS thinks may be one, for the Merge & fix screen. */
export interface DuplicatePair {
  a: { personId: string; name: string };
  b: { personId: string; name: string };
  score: number;
  /** Why, one line per reason, for people ("Same phone number (06 12 34 56 78)"). */
  reasons: string[];
}

/** A person the user hid, as the Hidden contacts list shows them. */
export interface HiddenContact {
  personId: string;
  displayName: string;
  /** Where they come from, by the names the user knows ("Phone contacts", "vCard file"). */
  sourceNames: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

export type SaveResult =
  | { ok: true; personId?: string; source: SourceRef }
  | { ok: false; errors: FieldError[] };

/** A star set or cleared; `personId` is the person it is on now (a first star may link a copy in). */
export type StarResult = { ok: true; personId: string } | { ok: false; errors: FieldError[] };

/** How the list is sorted: by first name (given name first) or by last name (family name first). */
export type ListOrder = 'givenFirst' | 'familyFirst';

const isListOrder: ArgCheck = oneOf('givenFirst', 'familyFirst');
const isFlag: ArgCheck = (value) => typeof value === 'boolean';

/** The longest side of a contact photo the form stores, in pixels (a list row and a detail head). */
export const PICKED_PHOTO_SIZE = 128;

/** Where the form can save a new contact: a writable CardDAV address book, or the phone's own contacts. */
export interface SaveTarget {
  provider: string;
  name: string;
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** A first population or an import on its way, in provider records: the app shows `done` of `total`. */
export interface LoadingProgress {
  done: number;
  total: number;
}

export interface ImportReport {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  errors: Array<{ line: number; message: string }>;
  /** Cards imported with something left out or guessed (a bad photo, a legacy charset), by line. */
  warnings: Array<{ line: number; message: string }>;
}

/** What the Contacts app's frame may ask its engine: the only door it has to any data. */
export interface ContactsAppApi {
  whoAmI(): { appId: string; accessLevel: string };
  sections(): Promise<ListSection[]>;
  rows(sectionIndex: number, offset: number, limit: number): Promise<ContactRow[]>;
  thumbnail(personId: string): Promise<{ bytes: Uint8Array; mediaType: string } | undefined>;
  search(query: string, limit?: number): Promise<SearchResult[]>;
  /** Results `offset`… of a search, with the exact count: the list scrolls through all of them. */
  searchPage(query: string, offset: number, limit: number): Promise<SearchPage>;
  detail(personId: string): Promise<PersonDetail | undefined>;
  /** Where a new contact may go, the default first (the account when there is one, else the phone). */
  saveTargets(): Promise<SaveTarget[]>;
  /** A contact as its own provider holds it, for the form (an editable provider only). */
  editableContact(provider: string, id: string): Promise<ContactDraft | undefined>;
  /** Saves a new contact to `provider` (one of `saveTargets`; the default one when left out). */
  create(draft: ContactDraft, provider?: string): Promise<SaveResult>;
  /** Saves an edit to the provider that holds the contact (which refuses it if it is read-only). */
  update(provider: string, id: string, draft: ContactDraft): Promise<SaveResult>;
  /** Deletes an editable record, or an imported card (the vCard provider deletes its own record). */
  remove(provider: string, id: string): Promise<void>;
  /**
   * Undo of a delete of the phone's own contact or of an imported card: the record back as it was, under
   * its own id (its merges with it); the person it is in again. A CardDAV card deleted is gone from its
   * server: no Undo for those.
   */
  restore(provider: string, id: string): Promise<SaveResult>;
  /** Hides a person this app shows from every app (a GCDS decision; no provider is written). */
  hide(personId: string): Promise<void>;
  /** Shows a hidden person again, everywhere. */
  unhide(personId: string): Promise<void>;
  /** Every person the user hid, by name. */
  hiddenContacts(): Promise<HiddenContact[]>;
  /**
   * What the form starts from to edit a person with no local record (an import): the values the app
   * may copy into the phone's own contacts (never facebook-sim's, which may not leave it).
   */
  copyDraft(personId: string): Promise<ContactDraft | undefined>;
  /**
   * Saves a person's first edit: a new local contact, linked to the person (a user merge the GCDS
   * remembers by source), as Android does with read-only accounts. The imported record is untouched.
   */
  createLinked(personId: string, draft: ContactDraft): Promise<SaveResult>;
  /** Stars or unstars a person (see `favoriteStar`): a star in the detail, the Favourites section. */
  setFavorite(personId: string, favorite: boolean): Promise<StarResult>;
  /**
   * Puts a photo on a phone contact (already shrunk by the form, at most `PICKED_PHOTO_SIZE` a side);
   * the local provider stores it once, with its thumbnail.
   */
  setPhoto(localId: string, bytes: Uint8Array, mediaType: string): Promise<SaveResult>;
  removePhoto(localId: string): Promise<SaveResult>;
  /** The list's order, as the user last chose it (kept by the engine across reloads). */
  listOrder(): Promise<ListOrder>;
  setListOrder(order: ListOrder): Promise<void>;
  suggestions(personId: string): Promise<MergeSuggestion[]>;
  dismissSuggestion(personId: string, otherId: string): Promise<void>;
  /** Every suggested pair of the book, best first; progress counts the people checked. */
  duplicates(onProgress: (progress: ImportProgress) => void): Promise<DuplicatePair[]>;
  /** Merges the people; `keepNameOf`, one of them, is the person whose name the merged contact keeps. */
  merge(personIds: string[], keepNameOf?: string): Promise<string>;
  /** Accepts many suggested merges as one GCDS operation; resolves with how many were merged. */
  mergeMany(groups: string[][]): Promise<number>;
  unmerge(personId: string): Promise<string[]>;
  /** The picked file itself (a Blob is passed by reference): the provider reads it a chunk at a time. */
  importVcf(
    name: string,
    file: Blob | Uint8Array,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportReport>;
  exportVcf(): Promise<{ text: string; count: number; leftOut: number }>;
  /** Calls `onChange` after every change to what the app shows (coalesced). */
  subscribe(onChange: () => void): void;
  /** The revision of the GCDS the app's rows reflect. */
  revision(): number;
  /** How far an import or first population is, while one is on its way (`subscribe` tells of changes). */
  loading(): LoadingProgress | null;
}

/**
 * A provider the app may name as a place to save: the phone's own, or a CardDAV address book's id. The
 * engine then checks it is connected and writable; the provider itself refuses what it does not allow.
 */
export const isEditableProvider: ArgCheck = (value) =>
  value === 'local' || (typeof value === 'string' && /^carddav-[0-9a-f]{8}$/.test(value));

/** A provider a record may be deleted from: an editable one, or the vCard import (its own records). */
export const isDeletableProvider: ArgCheck = (value) => value === 'vcard' || isEditableProvider(value);

/** A provider whose deletes can be undone: the phone's own contacts and the vCard import. */
export const isRestorableProvider: ArgCheck = (value) => value === 'local' || value === 'vcard';

/** What the Contacts engine serves its frame, and the arguments each call accepts. */
export const CONTACTS_APP_METHODS: AppMethodTable<ContactsAppApi> = methodTable<ContactsAppApi>({
  whoAmI: { args: [] },
  sections: { args: [] },
  rows: { args: [isCount, isCount, isCount] },
  thumbnail: { args: [isText] },
  search: { args: [isText, optional(isCount)] },
  searchPage: { args: [isText, isCount, isCount] },
  detail: { args: [isText] },
  saveTargets: { args: [] },
  editableContact: { args: [isEditableProvider, isText] },
  create: { args: [isPlainRecord, optional(isEditableProvider)] },
  update: { args: [isEditableProvider, isText, isPlainRecord] },
  remove: { args: [isDeletableProvider, isText] },
  restore: { args: [isRestorableProvider, isText] },
  hide: { args: [isText] },
  unhide: { args: [isText] },
  hiddenContacts: { args: [] },
  copyDraft: { args: [isText] },
  createLinked: { args: [isText, isPlainRecord] },
  setFavorite: { args: [isText, isFlag] },
  setPhoto: { args: [isText, isBytes, isText] },
  removePhoto: { args: [isText] },
  listOrder: { args: [] },
  setListOrder: { args: [isListOrder] },
  suggestions: { args: [isText] },
  dismissSuggestion: { args: [isText, isText] },
  duplicates: { args: [], progress: true },
  merge: { args: [isTextList, optional(isText)] },
  mergeMany: { args: [isTextListList] },
  unmerge: { args: [isText] },
  importVcf: { args: [isText, isBytesOrBlob], progress: true },
  exportVcf: { args: [] },
  revision: { args: [] },
  loading: { args: [] },
});
