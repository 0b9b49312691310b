import type { Contact } from '../contact/contact';

/** A provider record with its id, for tests that write stores directly. */
export function contact(id: string, fields: Partial<Contact>): Contact {
  return { id, ...fields };
}
