import { type AccessLevel, canReadAt, isAccessLevel } from '../access/accessLevel';
import type { Contact, ContactTel, PartialDate, PhotoRef } from '../contact/contact';
import { hasPhoneDigits } from '../contact/phoneMatchKeys';
import { type PersonRecord, type Pointer, type SourceRef, sourceKey } from '../person/person';
import { addressKey, emailFieldKey, textKey, uriKey } from './fieldKeys';
import { MERGED_TEXT_FIELDS, type MergedContact, type Sourced, type SourcedItem } from './mergedContact';
import { telKey } from './telKey';

/** A pointer of the person and the provider record it points at, as read with the reader's identity. */
export interface PointedSource {
  pointer: Pointer;
  /** `undefined` when the record has vanished or could not be read. */
  contact: Contact | undefined;
}

export interface ComposeOptions {
  readerLevel: AccessLevel;
  /** Default phone region (ISO 3166 alpha-2) for numbers written without a country code. */
  region: string;
}

interface ReadableSource {
  ref: SourceRef;
  contact: Contact;
}

/**
 * Composes one person for one reader from the provider records its pointers name.
 *
 * Only pointers the reader may read count, checked here again even though the platform already hides
 * the others (defence in depth: a record passed in for a pointer above `readerLevel` is ignored).
 * The first readable pointer whose record exists is the primary: it wins every single-valued field it
 * has, and the next readable sources fill the ones it lacks. Multi-valued fields are the union of all
 * readable sources without duplicates. The name is the exception: a name the user chose in a merge
 * (`nameFrom`) is taken whole from its source, whichever source is primary. Returns `undefined` when nothing of the person is readable.
 */
export function composeMergedContact(
  person: PersonRecord,
  sources: readonly PointedSource[],
  options: ComposeOptions,
): MergedContact | undefined {
  if (!isAccessLevel(options.readerLevel)) {
    throw new Error(`composeMergedContact: unknown reader level "${String(options.readerLevel)}"`);
  }
  if (typeof person?.id !== 'string' || !Array.isArray(person.pointers)) {
    throw new Error('composeMergedContact: a person record needs an id and pointers');
  }
  const readable = readableSources(person, sources, options.readerLevel);
  const primary = readable[0];
  if (primary === undefined) return undefined;

  const merged: MergedContact = {
    personId: person.id,
    sources: readable.map((source) => source.ref),
    nickname: union(readable, (c) => c.nickname, textKey),
    tel: union(
      readable,
      (c) => c.tel,
      (tel) => telKey(tel.value, options.region),
      mergeTel,
      (tel) => hasPhoneDigits(tel.value),
    ),
    email: union(
      readable,
      (c) => c.email,
      (email) => emailFieldKey(email.value),
    ),
    adr: union(readable, (c) => c.adr, addressKey),
    url: union(
      readable,
      (c) => c.url,
      (uri) => uriKey(uri.value),
    ),
    impp: union(
      readable,
      (c) => c.impp,
      (uri) => uriKey(uri.value),
    ),
    category: union(readable, (c) => c.category, textKey),
  };

  // The name the user chose in a merge comes whole from its source: no part of another name fills it.
  const chosen = chosenNameSource(person, readable);
  for (const field of MERGED_TEXT_FIELDS) {
    const found =
      chosen !== undefined && NAME_PARTS.has(field)
        ? first([chosen], (c) => nonBlank(c[field]))
        : first(readable, (c) => nonBlank(c[field]));
    if (found !== undefined) merged[field] = found;
  }
  // The formatted name must belong to the same source as the name parts, or it could contradict them.
  const named = chosen ?? readable.find((source) => hasName(source.contact));
  const formattedName = nonBlank(named?.contact.formattedName);
  if (named !== undefined && formattedName !== undefined) {
    merged.formattedName = { value: formattedName, source: named.ref };
  }
  const bday = first(readable, (c) => validDate(c.bday));
  if (bday !== undefined) merged.bday = bday;
  const anniversary = first(readable, (c) => validDate(c.anniversary));
  if (anniversary !== undefined) merged.anniversary = anniversary;
  const photo = first(readable, (c) => validPhoto(c.photo));
  if (photo !== undefined) merged.photo = photo;
  const favorite = first(readable, (c) => (c.favorite === true ? (true as const) : undefined));
  if (favorite !== undefined) merged.favorite = favorite;
  const ice = first(readable, (c) => (c.ice === true ? (true as const) : undefined));
  if (ice !== undefined) merged.ice = ice;
  const updated = readable
    .map((source) => source.contact.updatedAt)
    .filter((at): at is number => typeof at === 'number' && Number.isFinite(at));
  if (updated.length > 0) merged.updatedAt = Math.max(...updated);
  return merged;
}

const NAME_PARTS: ReadonlySet<string> = new Set(['prefix', 'given', 'additional', 'family', 'suffix']);

/** The source of the name the user chose (`nameFrom`), when this reader may read it and it has a name. */
function chosenNameSource(
  person: PersonRecord,
  readable: readonly ReadableSource[],
): ReadableSource | undefined {
  if (person.nameFrom === undefined) return undefined;
  const key = sourceKey(person.nameFrom);
  const source = readable.find((candidate) => sourceKey(candidate.ref) === key);
  return source !== undefined && hasName(source.contact) ? source : undefined;
}

function readableSources(
  person: PersonRecord,
  sources: readonly PointedSource[],
  readerLevel: AccessLevel,
): ReadableSource[] {
  const passed = new Map<string, PointedSource>();
  for (const source of sources) {
    const key = sourceKey(source.pointer);
    if (!passed.has(key)) passed.set(key, source);
  }
  const seen = new Set<string>();
  const readable: ReadableSource[] = [];
  for (const pointer of person.pointers) {
    const key = sourceKey(pointer);
    if (seen.has(key)) continue;
    seen.add(key);
    const source = passed.get(key);
    if (source?.contact === undefined) continue;
    if (!canReadAt(readerLevel, pointer.accessLevel)) continue;
    if (!canReadAt(readerLevel, source.pointer.accessLevel)) continue;
    readable.push({
      ref: { provider: pointer.provider, contactId: pointer.contactId },
      contact: source.contact,
    });
  }
  return readable;
}

function first<T>(
  readable: readonly ReadableSource[],
  pick: (contact: Contact) => T | undefined,
): Sourced<T> | undefined {
  for (const source of readable) {
    const value = pick(source.contact);
    if (value !== undefined) return { value, source: source.ref };
  }
  return undefined;
}

function union<T>(
  readable: readonly ReadableSource[],
  pick: (contact: Contact) => readonly T[] | undefined,
  key: (value: T) => string | undefined,
  combine: (kept: T, same: T) => T = (kept) => kept,
  /**
   * Whether `key` would keep a value (give it a key), answered more cheaply: asked instead of `key` when
   * the value is the only one, with nothing to compare it with. A phone's key parses the number.
   */
  keptAlone?: (value: T) => boolean,
): SourcedItem<T>[] {
  if (keptAlone !== undefined) {
    const only = onlyValue(readable, pick);
    if (only !== undefined) {
      return only.value !== null && only.value !== undefined && keptAlone(only.value)
        ? [{ value: only.value, source: only.source.ref, alsoIn: [] }]
        : [];
    }
  }
  const items = new Map<string, SourcedItem<T>>();
  for (const source of readable) {
    const values = pick(source.contact);
    if (!Array.isArray(values)) continue;
    for (const value of values) {
      const k = value === null || value === undefined ? undefined : key(value);
      if (k === undefined) continue;
      const kept = items.get(k);
      if (kept === undefined) {
        items.set(k, { value, source: source.ref, alsoIn: [] });
        continue;
      }
      kept.value = combine(kept.value, value);
      const from = sourceKey(source.ref);
      if (sourceKey(kept.source) !== from && !kept.alsoIn.some((ref) => sourceKey(ref) === from)) {
        kept.alsoIn.push(source.ref);
      }
    }
  }
  return [...items.values()];
}

/** The one value the readable sources hold for a field, when they hold exactly one. */
function onlyValue<T>(
  readable: readonly ReadableSource[],
  pick: (contact: Contact) => readonly T[] | undefined,
): { value: T; source: ReadableSource } | undefined {
  let only: { value: T; source: ReadableSource } | undefined;
  for (const source of readable) {
    const values = pick(source.contact);
    if (!Array.isArray(values) || values.length === 0) continue;
    if (only !== undefined || values.length > 1) return undefined;
    only = { value: values[0] as T, source };
  }
  return only;
}

/** The same number written twice: keep the first spelling, gather the types, keep any preference. */
function mergeTel(kept: ContactTel, same: ContactTel): ContactTel {
  const types = [...new Set([...(kept.type ?? []), ...(same.type ?? [])])];
  const merged: ContactTel = { ...kept };
  if (types.length > 0) merged.type = types;
  if (kept.pref === true || same.pref === true) merged.pref = true;
  if (kept.label === undefined && same.label !== undefined) merged.label = same.label;
  if (kept.carrier === undefined && same.carrier !== undefined) merged.carrier = same.carrier;
  return merged;
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function hasName(contact: Contact): boolean {
  return (['prefix', 'given', 'additional', 'family', 'suffix', 'formattedName'] as const).some(
    (field) => nonBlank(contact[field]) !== undefined,
  );
}

function validDate(date: PartialDate | undefined): PartialDate | undefined {
  if (date === undefined || date === null || typeof date !== 'object') return undefined;
  return Number.isInteger(date.month) && Number.isInteger(date.day) ? date : undefined;
}

function validPhoto(photo: PhotoRef | undefined): PhotoRef | undefined {
  return photo !== undefined && photo !== null && typeof photo.id === 'string' && photo.id !== ''
    ? photo
    : undefined;
}
