import type { Contact } from '../contact/contact';
import type { SourceRef } from '../person/person';
import type { MergedContact, Sourced, SourcedItem } from './mergedContact';

/**
 * A merged person as one exportable contact, leaving out every value that came only from a source that
 * may not leave the phone (facebook-sim: its data is licensed for display, as in Gaia, which never
 * exported Facebook friends). A person with nothing left is not exported at all (undefined).
 */
export function exportableContact(merged: MergedContact, withheld: ReadonlySet<string>): Contact | undefined {
  const allowed = (source: SourceRef) => !withheld.has(source.provider);
  const one = <T>(field: Sourced<T> | undefined): T | undefined =>
    field !== undefined && allowed(field.source) ? field.value : undefined;
  const many = <T>(items: readonly SourcedItem<T>[]): T[] =>
    items.filter((item) => allowed(item.source) || item.alsoIn.some(allowed)).map((item) => item.value);

  const contact: Contact = { id: merged.personId };
  const text = {
    prefix: one(merged.prefix),
    given: one(merged.given),
    additional: one(merged.additional),
    family: one(merged.family),
    suffix: one(merged.suffix),
    formattedName: one(merged.formattedName),
    org: one(merged.org),
    department: one(merged.department),
    jobTitle: one(merged.jobTitle),
    note: one(merged.note),
  };
  for (const [key, value] of Object.entries(text)) {
    if (value !== undefined && value !== '') (contact as unknown as Record<string, unknown>)[key] = value;
  }
  const bday = one(merged.bday);
  if (bday !== undefined) contact.bday = bday;
  const anniversary = one(merged.anniversary);
  if (anniversary !== undefined) contact.anniversary = anniversary;
  const lists = {
    nickname: many(merged.nickname),
    tel: many(merged.tel),
    email: many(merged.email),
    adr: many(merged.adr),
    url: many(merged.url),
    impp: many(merged.impp),
    category: many(merged.category),
  };
  for (const [key, value] of Object.entries(lists)) {
    if (value.length > 0) (contact as unknown as Record<string, unknown>)[key] = value;
  }
  if (merged.favorite !== undefined && allowed(merged.favorite.source)) contact.favorite = true;
  const hasContent = Object.keys(contact).some((key) => key !== 'id' && key !== 'favorite');
  // The reference only: an exporter writes the photo if it is given the bytes from that source's store.
  const photo = one(merged.photo);
  if (hasContent && photo !== undefined) contact.photo = photo;
  return hasContent ? contact : undefined;
}
