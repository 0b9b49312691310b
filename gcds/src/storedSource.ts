import type { SourcePhone, SourceRecord } from './types';

/** A phone of a stored source: its key is the first of its lookup keys, and a short code is marked only when it is one. */
export interface StoredSourcePhone {
  indexKeys: string[];
  types: string[];
  isShortCode?: true;
}

/**
 * A source as the `sources` store keeps it: what follows from the rest is left out (the provider and
 * contact id are in the key, the phone keys in the phones, an origin that is the person itself, empty
 * strings and false flags). Structured clone costs per property and per string, and every source is
 * written at least once in a first population.
 */
export interface StoredSource
  extends Omit<
    SourceRecord,
    'provider' | 'contactId' | 'originPersonId' | 'phones' | 'phoneKeys' | 'nameSuffix' | 'company' | 'org'
  > {
  /** Only when it is not `personId`. */
  originPersonId?: string;
  phones: StoredSourcePhone[];
  nameSuffix?: string;
  company?: string;
  org?: string;
}

export function storedSource(record: SourceRecord): StoredSource {
  const {
    provider: _p,
    contactId: _c,
    originPersonId,
    phones,
    phoneKeys: _k,
    nameSuffix,
    company,
    org,
    ...kept
  } = record;
  const stored: StoredSource = { ...kept, phones: phones.map(storedPhone) };
  if (originPersonId !== record.personId) stored.originPersonId = originPersonId;
  if (nameSuffix !== '') stored.nameSuffix = nameSuffix;
  if (company !== '') stored.company = company;
  if (org !== '') stored.org = org;
  return stored;
}

export function sourceFromStored(stored: StoredSource): SourceRecord {
  const { originPersonId, phones, nameSuffix, company, org, ...kept } = stored;
  const split = stored.key.indexOf('\u001f');
  const sourcePhones = phones.map(sourcePhone);
  return {
    ...kept,
    provider: stored.key.slice(0, split),
    contactId: stored.key.slice(split + 1),
    originPersonId: originPersonId ?? stored.personId,
    phones: sourcePhones,
    phoneKeys: [...new Set(sourcePhones.flatMap((phone) => phone.indexKeys))],
    nameSuffix: nameSuffix ?? '',
    company: company ?? '',
    org: org ?? '',
  };
}

/** A stored value read back, or undefined for none. */
export function sourceFromStoredOrNone(stored: StoredSource | undefined): SourceRecord | undefined {
  return stored === undefined ? undefined : sourceFromStored(stored);
}

function storedPhone({ indexKeys, types, isShortCode }: SourcePhone): StoredSourcePhone {
  return isShortCode ? { indexKeys, types, isShortCode: true } : { indexKeys, types };
}

function sourcePhone({ indexKeys, types, isShortCode }: StoredSourcePhone): SourcePhone {
  return { key: indexKeys[0]!, indexKeys, isShortCode: isShortCode === true, types };
}
