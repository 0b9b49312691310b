import type { ConsumerSchema, StoredPhoneKeys } from '@gcds/shared';
import type { DBSchema } from 'idb';

export interface RecipientPhone {
  /** As the source wrote it. */
  value: string;
  keys: StoredPhoneKeys;
  type?: string[];
  label?: string;
  pref?: boolean;
}

/** An address as the source wrote it (trimmed); `emailKey(value)` is what it is matched and indexed by. */
export interface RecipientEmail {
  value: string;
  type?: string[];
  label?: string;
  pref?: boolean;
}

/** One record per person who can be messaged (has a number or an email address). */
export interface RecipientRow {
  personId: string;
  displayName: string;
  /** Folded display name, for ordering equal hits. */
  nameKey: string;
  /**
   * Folded words of every name the person goes by: what recipient search finds by prefix (in memory).
   * Left out when they are the words of `nameKey`, as for most people (see `recipientNameWords`).
   */
  nameWords?: string[];
  phones: RecipientPhone[];
  emails: RecipientEmail[];
  /** `phoneLookupKeys` of every number (multiEntry index): a thread's number → its person. */
  phoneLookupKeys: string[];
  /** `emailKey` of every address (multiEntry index): a thread's address → its person. */
  emailKeys: string[];
}

/** What recipient search ranks of a person (`RecipientSearchIndex` keeps only this in memory). */
export type SearchableRecipient = Pick<
  RecipientRow,
  'personId' | 'displayName' | 'nameKey' | 'nameWords' | 'phones' | 'emails'
>;

export const RECIPIENT_STORE = 'recipients';
export const PHONE_LOOKUP_INDEX = 'byPhoneLookupKey';
export const EMAIL_KEY_INDEX = 'byEmailKey';

/** The Messages app's recipient database, as its queries read it. */
export interface MessagingDb extends DBSchema {
  recipients: {
    key: string;
    value: RecipientRow;
    indexes: {
      byPhoneLookupKey: string;
      byEmailKey: string;
    };
  };
}

export const MESSAGING_SCHEMA: ConsumerSchema<MessagingDb> = {
  // 3: only the exact keys thread names read; search moved to memory (RecipientSearchIndex).
  version: 3,
  stores: [
    {
      name: RECIPIENT_STORE,
      keyPath: 'personId',
      indexes: [
        { name: PHONE_LOOKUP_INDEX, keyPath: 'phoneLookupKeys', multiEntry: true },
        { name: EMAIL_KEY_INDEX, keyPath: 'emailKeys', multiEntry: true },
      ],
    },
  ],
};
