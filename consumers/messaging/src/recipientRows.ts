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
  /** Folded words of every name the person goes by (multiEntry index): prefix search by key range. */
  nameWords: string[];
  phones: RecipientPhone[];
  emails: RecipientEmail[];
  /** `phoneLookupKeys` of every number (multiEntry index): a thread's number → its person. */
  phoneLookupKeys: string[];
  /** Each number's digits as written, international and national (multiEntry index): typed prefixes. */
  phoneDigits: string[];
  /** Every email key (multiEntry index): exact for display names, key range for search. */
  emailKeys: string[];
}

export const RECIPIENT_STORE = 'recipients';
export const NAME_KEY_INDEX = 'byNameKey';
export const NAME_WORD_INDEX = 'byNameWord';
export const PHONE_LOOKUP_INDEX = 'byPhoneLookupKey';
export const PHONE_DIGITS_INDEX = 'byPhoneDigits';
export const EMAIL_KEY_INDEX = 'byEmailKey';

/** The Messages app's recipient database, as its queries read it. */
export interface MessagingDb extends DBSchema {
  recipients: {
    key: string;
    value: RecipientRow;
    indexes: {
      byNameKey: string;
      byNameWord: string;
      byPhoneLookupKey: string;
      byPhoneDigits: string;
      byEmailKey: string;
    };
  };
}

export const MESSAGING_SCHEMA: ConsumerSchema<MessagingDb> = {
  version: 2,
  stores: [
    {
      name: RECIPIENT_STORE,
      keyPath: 'personId',
      indexes: [
        { name: NAME_KEY_INDEX, keyPath: 'nameKey' },
        { name: NAME_WORD_INDEX, keyPath: 'nameWords', multiEntry: true },
        { name: PHONE_LOOKUP_INDEX, keyPath: 'phoneLookupKeys', multiEntry: true },
        { name: PHONE_DIGITS_INDEX, keyPath: 'phoneDigits', multiEntry: true },
        { name: EMAIL_KEY_INDEX, keyPath: 'emailKeys', multiEntry: true },
      ],
    },
  ],
};
