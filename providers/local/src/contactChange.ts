import type { Contact } from '@gcds/shared';
import { ContactValidationError } from './contactValidationError';

/**
 * The fields to change, without an id. A field given as `undefined` is removed; absent fields stay.
 * (A whole `Contact`, id included, replaces the record instead: what an edit form hands back.)
 */
export type ContactPatch = { [K in Exclude<keyof Contact, 'id'>]?: Contact[K] | undefined } & { id?: never };

/** The record `change` makes of `existing`: a replacement when it carries an id, else a patch. */
export function applyContactChange(existing: Contact, change: ContactPatch | Contact): Contact {
  const id = (change as { id?: unknown }).id;
  if (id !== undefined) {
    if (id !== existing.id) {
      throw new ContactValidationError([
        { field: 'id', message: `cannot change the id of "${existing.id}" (got "${String(id)}")` },
      ]);
    }
    return withoutUndefined(change as Contact);
  }
  const next: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(change)) {
    if (key === 'id') continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as unknown as Contact;
}

/** A copy without keys whose value is `undefined`, so stored records hold only real fields. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
