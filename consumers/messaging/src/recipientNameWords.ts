import { foldedNameWords } from '@gcds/shared';
import type { RecipientRow } from './recipientRows';

/**
 * The name words a row stores: none when they are the words of its name key, which gives them back
 * (`recipientNameWords`), so most rows do not hold each name twice.
 */
export function storedNameWords(words: readonly string[], nameKey: string): string[] | undefined {
  const own = new Set(foldedNameWords(nameKey));
  const same = own.size === new Set(words).size && words.every((word) => own.has(word));
  return same ? undefined : [...words];
}

/** The words a person is found by name in: the stored ones, else the words of the name key. */
export function recipientNameWords(row: Pick<RecipientRow, 'nameKey' | 'nameWords'>): string[] {
  return row.nameWords ?? foldedNameWords(row.nameKey);
}
