import type { ConsumerSchema, PhoneKeys } from '@gcds/shared';
import type { DBSchema } from 'idb';

export interface RecipientPhone {
  /** As the source wrote it. */
  value: string;
  keys: PhoneKeys;
  type?: string[];
  label?: string;
  pref?: boolean;
}

export interface RecipientEmail {
  value: string;
  /** `emailKey(value)`: what addresses are matched and indexed by. */
  key: string;
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
  /** Folded words of every name the person goes by: what recipient search finds by prefix (in memory). */
  nameWords: string[];
  phones: RecipientPhone[];
  emails: RecipientEmail[];
  /** `phoneLookupKeys` of every number (multiEntry index): a thread's number → its person. */
  phoneLookupKeys: string[];
  /** Every email key (multiEntry index): a thread's address → its person. */
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
