import type {
  Contact,
  ContactAddress,
  ContactEmail,
  ContactTel,
  ContactUri,
  ExtraProperty,
  PartialDate,
  StoredBlob,
} from '@gcds/shared';
import fc from 'fast-check';

/*
 * Contacts as the vCard importer produces them: every field it fills, with the values it can produce
 * (no empty strings, lower-case types, `pref` only when true, whole-second timestamps). Strings lean on
 * the characters vCard has to escape.
 */

const TRAPS = [
  '\\',
  ',',
  ';',
  ':',
  '\n',
  '"',
  '^',
  "^'",
  '^n',
  ' ',
  '\t',
  'é',
  '☕',
  '𝄞',
  '王',
  '=',
  '\\n',
  '.',
];

const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(...TRAPS));

/** Non-empty text without CR (a line break is LF; CRLF and CR are normalised to it by design). */
export const vcardText = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((pieces) => pieces.join(''))
  .filter((text) => text !== '' && !text.includes('\r'));

/** A value kept verbatim (extras): anything but a raw line break. */
const rawValue = fc
  .array(piece, { maxLength: 4 })
  .map((pieces) => pieces.join(''))
  .filter((text) => !/[\r\n]/.test(text));

const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/).filter((type) => type !== 'pref');
const types = fc.uniqueArray(token, { minLength: 1, maxLength: 3 });
/** Apple's `_$!<…>!$_` wrapping is unwrapped on import, so a label never looks like it. */
const label = vcardText.filter((text) => !/^_\$!<.*>!\$_$/s.test(text));

function optional<T>(arbitrary: fc.Arbitrary<T>) {
  return fc.option(arbitrary, { nil: undefined });
}

/** Drops undefined keys: the importer never writes them. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

const typed = {
  type: optional(types),
  pref: optional(fc.constant(true as const)),
  label: optional(label),
};

const tel: fc.Arbitrary<ContactTel> = fc
  .record({ value: vcardText.filter((value) => !/^tel:/i.test(value)), ...typed })
  .map(defined);
const email: fc.Arbitrary<ContactEmail> = fc.record({ value: vcardText, ...typed }).map(defined);
const uri: fc.Arbitrary<ContactUri> = fc
  .record({ value: vcardText, type: typed.type, label: typed.label })
  .map(defined);
const adr: fc.Arbitrary<ContactAddress> = fc
  .record({
    ...typed,
    poBox: optional(vcardText),
    extended: optional(vcardText),
    street: optional(vcardText),
    locality: optional(vcardText),
    region: optional(vcardText),
    postalCode: optional(vcardText),
    countryName: optional(vcardText),
  })
  .map(defined)
  .filter((address) => Object.keys(address).some((key) => !['type', 'pref', 'label'].includes(key)));

const partialDate: fc.Arbitrary<PartialDate> = fc
  .record({
    year: optional(fc.integer({ min: 1, max: 9999 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(defined);

/** Names our importer maps to fields, which therefore never come back as extras on their own. */
const CONSUMED_X_NAMES = new Set(['X-ABLABEL', 'X-ANNIVERSARY', 'X-ADDRESSBOOKSERVER-KIND']);

const extra: fc.Arbitrary<ExtraProperty> = fc
  .record({
    name: fc.stringMatching(/^X-[A-Z][A-Z0-9-]{0,9}$/).filter((name) => !CONSUMED_X_NAMES.has(name)),
    group: optional(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/)),
    params: optional(
      // A plain object: fc.dictionary makes null-prototype ones, which strict equality tells apart.
      fc
        .dictionary(fc.stringMatching(/^X-[A-Z]{1,6}$/), vcardText, { minKeys: 1, maxKeys: 3 })
        .map((params) => ({ ...params })),
    ),
    value: rawValue,
  })
  .map(defined);

/** Whole seconds from year 0000 to 9999: what REV can say. */
const timestamp = fc
  .integer({ min: Date.parse('0000-01-01T00:00:00Z') / 1000, max: Date.parse('9999-12-31T23:59:59Z') / 1000 })
  .map((seconds) => seconds * 1000);

function list<T>(arbitrary: fc.Arbitrary<T>) {
  return optional(fc.array(arbitrary, { minLength: 1, maxLength: 3 }));
}

/** Bytes no image signature matches, so the declared media type is the one read back. */
const photoBytes = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => {
  const copy = new Uint8Array(bytes);
  copy[0] = 0;
  return copy;
});

export interface ContactWithPhoto {
  contact: Contact;
  photo?: StoredBlob;
}

export const importableContact: fc.Arbitrary<ContactWithPhoto> = fc
  .record({
    prefix: optional(vcardText),
    given: optional(vcardText),
    additional: optional(vcardText),
    family: optional(vcardText),
    suffix: optional(vcardText),
    nickname: list(vcardText),
    formattedName: optional(vcardText),
    tel: list(tel),
    email: list(email),
    adr: list(adr),
    org: optional(vcardText),
    department: optional(vcardText),
    jobTitle: optional(vcardText),
    bday: optional(partialDate),
    anniversary: optional(partialDate),
    url: list(uri),
    impp: list(uri),
    note: optional(vcardText),
    category: list(vcardText),
    uid: optional(vcardText),
    extra: list(extra),
    updatedAt: optional(timestamp),
    photo: optional(
      fc.record({
        bytes: photoBytes,
        mediaType: fc.constantFrom('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'),
      }),
    ),
  })
  // The importer reports a card with nothing in it instead of importing an empty contact.
  .filter(({ photo, ...fields }) => photo !== undefined || Object.values(fields).some((v) => v !== undefined))
  .map(({ photo, ...fields }) => {
    const contact = defined({ id: 'generated', ...fields }) as Contact;
    if (photo === undefined) return { contact };
    return {
      contact: { ...contact, photo: { id: `photo-${contact.id}`, mediaType: photo.mediaType } },
      photo,
    };
  });
