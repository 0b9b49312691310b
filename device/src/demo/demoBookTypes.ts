import type { DemoRegion } from '@gcds/demo-data';
import type { FriendProfile } from '@gcds/provider-facebook-sim';
import type { ContactDraft } from '@gcds/shared';

import type { DemoBookOptions } from '../protocol/demoBookOptions';

export type { DemoBookOptions };

/** The demo book's shapes (generated in demoBook.ts). */
export type DemoSource = 'local' | 'vcard' | 'facebook-sim';

/** How a second copy of a person differs from the first, as real duplicates do. */
export type DuplicateVariant =
  | 'format'
  | 'nickname'
  | 'name-order'
  | 'no-diacritics'
  | 'email-only'
  | 'email-case'
  /** A letter doubled in the family name: similar, not equal, so the GCDS only suggests the merge. */
  | 'typo';

/** What the tests and the demo know about each person: where they were written down and how. */
export interface DemoTruth {
  index: number;
  name: string;
  sources: DemoSource[];
  variants: DuplicateVariant[];
  /** Numbers in E.164, as the person really has them. */
  phones: string[];
  emails: string[];
  /** A hard case that must never be merged with its look-alikes. */
  hardCase?: string;
}

export interface DemoBook {
  seed: number;
  homeRegion: DemoRegion;
  /** Drafts for the local provider, with ids, so each photo can be stored before its contact. */
  local: ContactDraft[];
  localPhotos: Array<{ id: string; bytes: Uint8Array }>;
  /** A .vcf as a phone backup or a mail client would have exported it (vCard 4.0 and 3.0 mixed). */
  vcard: string;
  vcardCards: number;
  facebook: FriendProfile[];
  truth: DemoTruth[];
}
