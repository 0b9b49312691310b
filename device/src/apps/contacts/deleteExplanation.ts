import type { SourceRef } from '@gcds/shared';
import { sourceName } from './sourceNames';

/** Names as a person lists them: "A", "A and B", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * What Delete does to a person, said before it is done: only the record of `from` (the phone's own, or
 * an address book's card) goes; when other sources also have the person, the contact stays, and the
 * question says which keep it.
 */
export function deleteQuestion(
  name: string,
  sources: readonly SourceRef[],
  from = 'local',
  names: Readonly<Record<string, string>> = {},
): string {
  const others = [...new Set(sources.filter((s) => s.provider !== from).map((s) => sourceName(s, names)))];
  const where = from === 'local' ? 'Phone contacts' : sourceName({ provider: from, contactId: '' }, names);
  if (others.length === 0) return `Delete ${name} from ${from === 'local' ? 'your phone contacts' : where}?`;
  return `Delete ${name} from ${where}? ${name} stays in your contacts, because ${listOfNames(others)} also ${others.length === 1 ? 'has' : 'have'} them.`;
}

/**
 * The delete question when what stays is all read-only: deleting one record leaves the person, so the
 * question says what Hide does instead (nothing is deleted; every app leaves them out until shown again).
 */
export function withHideOffer(question: string, name: string): string {
  return `${question} Or hide ${name} from every app: nothing is deleted, and Hidden contacts shows them again.`;
}
