import { createSeededRandom, PeopleGenerator, PhoneAllocator } from '@gcds/demo-data';
import { exportVcards } from '@gcds/provider-vcard';
import type { ContactDraft } from '@gcds/shared';

/** How many people the demo CardDAV account holds: enough to scroll and search, quick to sync. */
export const DEMO_ACCOUNT_PEOPLE = 300;

/** Not the phone's demo seed: the account's people are other people (a few may share a number pool). */
const DEMO_ACCOUNT_SEED = 20_251_201;

/**
 * The demo CardDAV account's address book, as vCard 3.0 cards with stable UIDs (`demo-0001`), written
 * from the same generator of people as the phone's own demo data.
 */
export function demoAccountCards(people = DEMO_ACCOUNT_PEOPLE): ContactDraft[] {
  const random = createSeededRandom(DEMO_ACCOUNT_SEED);
  const generator = new PeopleGenerator(random.fork(1), new PhoneAllocator(random.fork(2)));
  return Array.from({ length: people }, (_, index) => {
    const person = generator.person(index);
    return {
      uid: `demo-${String(index + 1).padStart(4, '0')}`,
      given: person.given,
      family: person.family,
      tel: person.phones.map(({ phone, type }) => ({ value: phone.international, type: [type] })),
      email: person.emails.map((value) => ({ value })),
      ...(person.org === undefined ? {} : { org: person.org }),
      ...(person.jobTitle === undefined ? {} : { jobTitle: person.jobTitle }),
    };
  });
}

/** The whole address book as one vCard file (what one whole-collection PUT sends). */
export function demoAccountVcf(people = DEMO_ACCOUNT_PEOPLE): string {
  return exportVcards(demoAccountCards(people), { version: '3.0' });
}
