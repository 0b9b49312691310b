/**
 * The contact model every provider stores and every consumer reads.
 * Field names follow vCard 4.0 / the W3C Contacts API (mozContact) so mapping stays obvious.
 */

/** A date that may lack a year (vCard `--MMDD`). Months and days are 1-based. */
export interface PartialDate {
  year?: number;
  month: number;
  day: number;
}

export interface ContactTel {
  /** The number exactly as the user or the source wrote it; never rewritten. */
  value: string;
  /** Lower-case vCard types: cell, home, work, voice, fax, pager, text, video, main… */
  type?: string[];
  pref?: boolean;
  carrier?: string;
  /** A free-text label (Apple `X-ABLabel`), shown instead of the type when present. */
  label?: string;
}

export interface ContactEmail {
  value: string;
  type?: string[];
  pref?: boolean;
  label?: string;
}

export interface ContactAddress {
  type?: string[];
  pref?: boolean;
  label?: string;
  poBox?: string;
  extended?: string;
  street?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  countryName?: string;
}

export interface ContactUri {
  value: string;
  type?: string[];
  label?: string;
}

/** A photo is stored once, as a blob in its provider's photo store, and referenced by id. */
export interface PhotoRef {
  id: string;
  thumbnailId?: string;
  mediaType: string;
}

/** A vCard property the model has no field for (X-…, unknown); kept so export round-trips it. */
export interface ExtraProperty {
  name: string;
  group?: string;
  params?: Record<string, string | string[]>;
  value: string;
}

export interface Contact {
  /** Unique within its provider's store. */
  id: string;
  prefix?: string;
  given?: string;
  additional?: string;
  family?: string;
  suffix?: string;
  nickname?: string[];
  /** Formatted name as the source gave it (vCard FN); derived from the parts when absent. */
  formattedName?: string;
  tel?: ContactTel[];
  email?: ContactEmail[];
  adr?: ContactAddress[];
  org?: string;
  department?: string;
  jobTitle?: string;
  bday?: PartialDate;
  anniversary?: PartialDate;
  url?: ContactUri[];
  impp?: ContactUri[];
  note?: string;
  category?: string[];
  photo?: PhotoRef;
  favorite?: boolean;
  /** In case of emergency contact. */
  ice?: boolean;
  /** Source-side identity (vCard UID, remote id), used for stable references. */
  uid?: string;
  extra?: ExtraProperty[];
  /** Milliseconds since the epoch of the last change at the source. */
  updatedAt?: number;
}

/** A contact without its id, as a caller hands it to a provider to create. */
export type ContactDraft = Omit<Contact, 'id'> & { id?: string };
