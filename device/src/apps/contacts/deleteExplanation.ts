import type { SourceRef } from '@gcds/shared';
import { sourceName } from './sourceNames';

/** Names as a person lists them: "A", "A and B", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * What Delete does to a person, said before it is done: only the phone's own record goes; when other
 * sources also have the person, the contact stays, and the question says which keep it.
 */
export function deleteQuestion(name: string, sources: readonly SourceRef[]): string {
  const others = [...new Set(sources.filter((s) => s.provider !== 'local').map(sourceName))];
  if (others.length === 0) return `Delete ${name} from your phone contacts?`;
  return `Delete ${name} from Phone contacts? ${name} stays in your contacts, because ${listOfNames(others)} also ${others.length === 1 ? 'has' : 'have'} them.`;
}
