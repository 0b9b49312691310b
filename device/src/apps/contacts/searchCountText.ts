import type { SearchPage } from '../../protocol/contactsApi';

/** A search's count as a person reads it: exact, or "more than" where the search stopped counting. */
export function foundText(page: Pick<SearchPage, 'total' | 'more'>, query: string): string {
  if (page.total === 0) return `No contact matches “${query}”.`;
  const count = page.total.toLocaleString('en');
  return page.more ? `More than ${count} found: type more to narrow` : `${count} found`;
}
