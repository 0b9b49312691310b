import { type PersonRecord, sourceKey, type TransactionalDataStoreOwner } from '@gcds/shared';
import { hiddenSources } from './decisions';
import type { GcdsSchema } from './schema';
import type { HiddenPerson } from './types';

/**
 * The people hidden now: the persons of the sources the user hid that are marked hidden (a person a
 * new source joined is not), named by their primary source, by name.
 */
export async function findHiddenPeople(
  store: TransactionalDataStoreOwner<PersonRecord, GcdsSchema>,
): Promise<HiddenPerson[]> {
  const personIds = await store.readExtra(['sources', 'decisions'], async ([sources, decisions]) => {
    const ids = new Set<string>();
    for (const key of hiddenSources(await decisions.getAll())) {
      const source = await sources.get(key);
      if (source !== undefined) ids.add(source.personId);
    }
    return [...ids];
  });
  const people: HiddenPerson[] = [];
  for (const personId of personIds) {
    const person = await store.get(personId);
    if (person?.hidden !== true) continue;
    const primary = person.pointers[0]!;
    const source = await store.readExtra(['sources'], ([sources]) => sources.get(sourceKey(primary)));
    people.push({
      personId,
      displayName: source?.displayName ?? '',
      sources: person.pointers.map(({ provider, contactId }) => ({ provider, contactId })),
    });
  }
  return people.sort(
    (a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId),
  );
}
