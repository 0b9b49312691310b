import type { ContactDraft } from '@gcds/shared';

/** Where a card came from in its file: what the provider derives the record id from. */
export interface CardSource {
  /** The card's UID, or null when it has none (the record id then comes from `contentHash`). */
  uid: string | null;
  /** 0-based position of the card among every BEGIN:VCARD block of the file, broken ones included. */
  index: number;
  /** 1-based line of the card's BEGIN:VCARD. */
  line: number;
  /** A hash of everything imported from the card (photo bytes included); equal content, equal hash. */
  contentHash: string;
}

/** A photo as the card carried it; the provider stores it as a blob and gives the contact a PhotoRef. */
export interface CardPhoto {
  bytes: Uint8Array;
  mediaType: string;
}

export interface ParsedCard {
  /** Every imported field; never a `photo` (see `photo`) and never an `id` (the provider assigns it). */
  contact: ContactDraft;
  source: CardSource;
  photo?: CardPhoto;
}

/** A card (or stray text) that could not be imported. The other cards of the file are not affected. */
export interface VcardParseError {
  file: string;
  /** 1-based line of the offending line, or of the card's BEGIN:VCARD when the card as a whole is wrong. */
  line: number;
  message: string;
}

/**
 * Something imported with a part left out or read by a guess (a photo dropped, bytes read in a legacy
 * charset, NUL bytes removed): the card or file is imported, and the person is told what happened.
 */
export interface VcardParseWarning {
  file: string;
  /** 1-based line the warning is about (1 for the file as a whole). */
  line: number;
  message: string;
}

export interface VcardFileParse {
  cards: ParsedCard[];
  errors: VcardParseError[];
  /** Cards imported with something left out or guessed, and what the file as a whole needed. */
  warnings: VcardParseWarning[];
  /** Apple group cards (X-ADDRESSBOOKSERVER-KIND:group, KIND:group): lists of members, not persons. */
  skippedGroups: number;
}

/** What the input of the parser may be: the file's bytes, or its text already decoded. */
export type VcardInput = Uint8Array | string;
