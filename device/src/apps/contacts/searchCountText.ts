import type { LoadingProgress, SearchPage } from '../../protocol/contactsApi';

/**
 * A search's count as a person reads it: exact, or "more than" where the search stopped counting;
 * during an import (`partial`) it says the count is of what has arrived so far.
 */
export function foundText(page: Pick<SearchPage, 'total' | 'more'>, query: string, partial = false): string {
  if (page.total === 0)
    return partial ? `No contact matches “${query}” so far.` : `No contact matches “${query}”.`;
  const count = page.total.toLocaleString('en');
  const soFar = partial ? ' so far' : '';
  return page.more ? `More than ${count} found${soFar}: type more to narrow` : `${count} found${soFar}`;
}

/** The list's status line: an import's progress while one is on its way, else the exact count. */
export function listStatusText(people: number, loading: LoadingProgress | null): string {
  if (loading !== null)
    return `Importing ${loading.done.toLocaleString('en')} of ${loading.total.toLocaleString('en')}…`;
  return people === 0 ? 'No contacts yet.' : `${people.toLocaleString('en')} contacts`;
}
