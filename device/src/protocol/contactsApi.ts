import type { ContactDraft, MergedContact, MergeReason } from '@gcds/shared';
import {
  type AppMethodTable,
  isBytesOrBlob,
  isCount,
  isPlainRecord,
  isText,
  isTextList,
  methodTable,
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
  /** The local record, when the person has one: what Edit and Delete work on. */
  localId?: string;
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

export interface FieldError {
  field: string;
  message: string;
}

export type SaveResult =
  | { ok: true; personId?: string; localId: string }
  | { ok: false; errors: FieldError[] };

export interface ImportProgress {
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
  localContact(localId: string): Promise<ContactDraft | undefined>;
  create(draft: ContactDraft): Promise<SaveResult>;
  update(localId: string, draft: ContactDraft): Promise<SaveResult>;
  remove(localId: string): Promise<void>;
  /** Undo of a delete: the local record back as it was (its merges with it); the person it is in again. */
  restore(localId: string): Promise<SaveResult>;
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
  suggestions(personId: string): Promise<MergeSuggestion[]>;
  dismissSuggestion(personId: string, otherId: string): Promise<void>;
  /** Every suggested pair of the book, best first; progress counts the people checked. */
  duplicates(onProgress: (progress: ImportProgress) => void): Promise<DuplicatePair[]>;
  merge(personIds: string[]): Promise<string>;
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
}

/** What the Contacts engine serves its frame, and the arguments each call accepts. */
export const CONTACTS_APP_METHODS: AppMethodTable<ContactsAppApi> = methodTable<ContactsAppApi>({
  whoAmI: { args: [] },
  sections: { args: [] },
  rows: { args: [isCount, isCount, isCount] },
  thumbnail: { args: [isText] },
  search: { args: [isText, optional(isCount)] },
  searchPage: { args: [isText, isCount, isCount] },
  detail: { args: [isText] },
  localContact: { args: [isText] },
  create: { args: [isPlainRecord] },
  update: { args: [isText, isPlainRecord] },
  remove: { args: [isText] },
  restore: { args: [isText] },
  copyDraft: { args: [isText] },
  createLinked: { args: [isText, isPlainRecord] },
  suggestions: { args: [isText] },
  dismissSuggestion: { args: [isText, isText] },
  duplicates: { args: [], progress: true },
  merge: { args: [isTextList] },
  unmerge: { args: [isText] },
  importVcf: { args: [isText, isBytesOrBlob], progress: true },
  exportVcf: { args: [] },
  revision: { args: [] },
});
