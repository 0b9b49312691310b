import { emailKey, foldName } from '@gcds/shared';

/** What a typed recipient query asks for. */
export type RecipientQuery =
  /** A number being typed: each variant is a digit prefix to look for. */
  | { kind: 'phone'; prefixes: string[] }
  /** Words to find as name-word prefixes (any order), and an email address prefix. */
  | { kind: 'text'; words: string[]; emailPrefix: string | undefined };

const PHONE_TEXT = /^[\d\s+().\-/*#]+$/u;

/**
 * Reads a query as the To: field gets it. Digits (with phone punctuation) are a number: its digits,
 * and the same without an international or trunk prefix (`0044 20…`, `011 44 20…`, `07400…`), since
 * numbers are indexed as written, international and national. Text is name words (folded like names,
 * punctuation inside a word dropped: `o'ne` finds O'Neil) and, when it is one chunk, an email prefix;
 * with an `@` in it, only the email prefix. Undefined for a query that asks for nothing.
 */
export function parseRecipientQuery(query: string): RecipientQuery | undefined {
  if (typeof query !== 'string') throw new TypeError(`a recipient query is a string, got ${typeof query}`);
  const trimmed = query.trim();
  if (trimmed === '') return undefined;
  if (PHONE_TEXT.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits === '') return undefined;
    const prefixes = new Set([digits, digits.replace(/^0+/, '')]);
    if (digits.startsWith('011')) prefixes.add(digits.slice(3));
    prefixes.delete('');
    return { kind: 'phone', prefixes: [...prefixes] };
  }
  const emailPrefix = /\s/u.test(trimmed) ? undefined : emailKey(trimmed);
  const words = trimmed.includes('@')
    ? []
    : foldName(trimmed)
        .split(' ')
        .map((chunk) => chunk.replace(/[^\p{L}\p{N}\p{M}]+/gu, ''))
        .filter((word) => word !== '');
  if (words.length === 0 && emailPrefix === undefined) return undefined;
  return { kind: 'text', words, emailPrefix };
}
