import { buildCollationTable, type CollationTable, type GroupOf } from './collationTable';

/** Building a table asks the collator about every letter it holds (tens of ms): once per locale. */
const tables = new Map<string, CollationTable>();

/** The collation table of a locale (BCP 47), built on first use and kept. */
export function collationTableFor(locale: string): CollationTable {
  let table = tables.get(locale);
  if (table === undefined) {
    table = buildCollationTable(locale);
    tables.set(locale, table);
  }
  return table;
}

/**
 * The letter group a name is filed under in a list, by the locale's collation: a Latin letter with
 * its accents folded (`Émile` under E, `Łukasz` under L in English; Swedish keeps Å Ä Ö apart, Czech
 * files `Chrudim` under Ch), a Greek or a Cyrillic letter (`Ωμέγα` under Ω, `Борис` under Б), one
 * group for every other script (`•`: 山田, 김민준, محمد), and `#` for names starting with a digit or a
 * symbol, and for empty ones.
 */
export function letterGroupOf(displayName: string, locale = 'en'): GroupOf {
  return collationTableFor(locale).groupOf(displayName);
}

/** A key whose plain (bytewise) order is the locale's collation order of `text`, for IndexedDB. */
export function nameSortKey(text: string, locale = 'en'): string {
  return collationTableFor(locale).sortKey(text);
}
