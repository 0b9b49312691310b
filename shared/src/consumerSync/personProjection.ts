import { composeMergedContact } from '../mergedView/composeMergedContact';
import type { PersonRecord } from '../person/person';
import type { ConsumerSyncOptions, ProjectedRows } from './consumerSyncTypes';

/** The provider records a person points at, as `ProviderRecordReader` read them. */
export type PointedRecords = Parameters<typeof composeMergedContact>[1];

/**
 * One person's rows: the merged view at the consumer's level, projected by the consumer; null when it
 * may see nothing of the person. Checked against the schema, so a careless projection fails loudly.
 */
export function projectPerson(
  person: PersonRecord,
  pointed: PointedRecords,
  options: Pick<ConsumerSyncOptions, 'identity' | 'region' | 'project'>,
  /** The consumer schema's stores: the only ones a projection may write to. */
  storeNames: readonly string[],
): ProjectedRows | null {
  // A person the user hid is in no app: not listed, not found, not named for a call or a thread.
  if (person.hidden === true) return null;
  const projectFrom = (sources: typeof pointed): ProjectedRows | null => {
    const merged = composeMergedContact(person, sources, {
      readerLevel: options.identity.accessLevel,
      region: options.region,
    });
    return merged === undefined ? null : options.project(merged, person);
  };
  let projected: ProjectedRows | null;
  try {
    projected = projectFrom(pointed);
  } catch {
    // A provider record that is not a well-formed contact (a careless provider) must not stop the sync
    // of every person after it: the person is shown from the sources that project on their own.
    const usable = pointed.filter((source) => {
      try {
        return projectFrom([source]) !== null;
      } catch {
        return false;
      }
    });
    projected = usable.length === 0 ? null : projectFrom(usable);
  }
  for (const [name, storeRows] of Object.entries(projected ?? {})) {
    if (!storeNames.includes(name)) {
      throw new Error(`the projection wrote to "${name}", which is not in the consumer schema`);
    }
    for (const row of storeRows ?? []) {
      if (row?.personId !== person.id) {
        throw new Error(`a "${name}" row of person ${person.id} names person ${String(row?.personId)}`);
      }
    }
  }
  return projected;
}
