/** What an app shows beside a number or an email address: its types, its label, whether it is preferred. */
export interface EntryDescription {
  type?: string[];
  label?: string;
  pref?: boolean;
}

/**
 * The description of a phone or email entry, keeping only what says something: no empty type list,
 * no blank label, `pref` only when true. The values are copied, so a row never shares an array with
 * the record it was projected from. Pure.
 */
export function entryDescriptionOf(entry: {
  type?: unknown;
  label?: unknown;
  pref?: unknown;
}): EntryDescription {
  const description: EntryDescription = {};
  if (Array.isArray(entry.type) && entry.type.length > 0) description.type = entry.type.map(String);
  if (typeof entry.label === 'string' && entry.label.trim() !== '') description.label = entry.label;
  if (entry.pref === true) description.pref = true;
  return description;
}
