/**
 * The words for a number's kind, one set for every app: the Contacts detail, caller ID and Recents in
 * the Phone app, and recipients in Messages all say "Mobile" for a vCard `cell` (Android's word).
 */

/** The kinds the contact form offers, as the vCard types they are stored as (`cell` is mobile). */
export const PHONE_TYPES = ['cell', 'home', 'work', 'main', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

const TYPE_WORDS: Readonly<Record<string, string>> = {
  cell: 'Mobile',
  mobile: 'Mobile',
  home: 'Home',
  work: 'Work',
  main: 'Main',
  other: 'Other',
  fax: 'Fax',
  pager: 'Pager',
  iphone: 'Mobile',
};

/** Types that say how a number is used, not whose it is: named only when nothing better is there. */
const GENERIC_WORDS: Readonly<Record<string, string>> = { voice: 'Phone' };

/**
 * The word shown beside a number: the contact's own label (a custom label, Apple's X-ABLabel), else its
 * most telling type in words (`cell` → "Mobile" before a generic `voice` → "Phone"); undefined for types
 * no one has a word for.
 */
export function phoneTypeLabel(tel: { type?: readonly string[]; label?: string }): string | undefined {
  const label = tel.label?.trim();
  if (label !== undefined && label !== '') return label;
  const types = (tel.type ?? []).map((type) => type.toLowerCase());
  for (const type of types) {
    const word = TYPE_WORDS[type];
    if (word !== undefined) return word;
  }
  for (const type of types) {
    const word = GENERIC_WORDS[type];
    if (word !== undefined) return word;
  }
  return undefined;
}

/** The form's kind for a stored number: a custom label, else one of its types the form offers, else mobile. */
export function phoneTypeOf(tel: { type?: readonly string[]; label?: string }): PhoneType | 'custom' {
  if (tel.label !== undefined && tel.label.trim() !== '') return 'custom';
  const types = (tel.type ?? []).map((type) => type.toLowerCase());
  return PHONE_TYPES.find((type) => types.includes(type)) ?? 'cell';
}
