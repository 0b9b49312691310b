import type {
  ContactAddress,
  ContactEmail,
  ContactTel,
  ContactUri,
  PartialDate,
  PhotoRef,
} from '../contact/contact';
import type { SourceRef } from '../person/person';

/** A value and the provider record it was taken from. */
export interface Sourced<T> {
  value: T;
  source: SourceRef;
}

/**
 * One entry of a multi-valued field. `source` is the first source (in pointer order) that had it;
 * `alsoIn` names every other source that had the same entry, so the UI can say "also in Facebook".
 */
export interface SourcedItem<T> extends Sourced<T> {
  alsoIn: SourceRef[];
}

/**
 * A person as one reader sees it: the union of the provider records it may read, each field carrying
 * its source. Single-valued fields come from the primary readable source, or from the next readable
 * source that has them. Nothing from a provider above the reader's level is ever in here.
 */
export interface MergedContact {
  personId: string;
  /** The readable sources that were composed, in pointer order; the first is the primary. */
  sources: SourceRef[];
  prefix?: Sourced<string>;
  given?: Sourced<string>;
  additional?: Sourced<string>;
  family?: Sourced<string>;
  suffix?: Sourced<string>;
  /** From the first source that has any name at all, and only if that source wrote one. */
  formattedName?: Sourced<string>;
  org?: Sourced<string>;
  department?: Sourced<string>;
  jobTitle?: Sourced<string>;
  bday?: Sourced<PartialDate>;
  anniversary?: Sourced<PartialDate>;
  note?: Sourced<string>;
  /** The blob lives in the photo store of `photo.source.provider`. */
  photo?: Sourced<PhotoRef>;
  nickname: SourcedItem<string>[];
  tel: SourcedItem<ContactTel>[];
  email: SourcedItem<ContactEmail>[];
  adr: SourcedItem<ContactAddress>[];
  url: SourcedItem<ContactUri>[];
  impp: SourcedItem<ContactUri>[];
  category: SourcedItem<string>[];
  /** Present when any source marks the person favourite; the source is the first that does. */
  favorite?: Sourced<true>;
  /** Present when any source marks the person as an emergency contact. */
  ice?: Sourced<true>;
  /** The latest `updatedAt` over the composed sources. */
  updatedAt?: number;
}

/** The single-valued text fields, in the order a name reads. */
export const MERGED_TEXT_FIELDS = [
  'prefix',
  'given',
  'additional',
  'family',
  'suffix',
  'org',
  'department',
  'jobTitle',
  'note',
] as const;

export type MergedTextField = (typeof MERGED_TEXT_FIELDS)[number];
