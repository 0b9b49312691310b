import { composeMergedContact } from '../mergedView/composeMergedContact';
import type { MergedContact } from '../mergedView/mergedContact';
import type { PersonRecord } from '../person/person';
import type { ConsumerSyncOptions, ProjectedRows } from './consumerSyncTypes';

/** The provider records a person points at, as `ProviderRecordReader` read them. */
export type PointedRecords = Parameters<typeof composeMergedContact>[1];

type ProjectionOptions = Pick<ConsumerSyncOptions, 'identity' | 'region' | 'project'>;

/** A person as the consumer sees them: the merged view at its level and the rows projected from it. */
interface ProjectedPerson {
  merged: MergedContact;
  rows: ProjectedRows;
}

/**
 * The merged view at the consumer's level and its rows; null when it may see nothing of the person.
 * A source is used only if the consumer's projection takes it, so a stored row and a view composed
 * later from the same records come from the same sources.
 */
function projectedPersonOf(
  person: PersonRecord,
  pointed: PointedRecords,
  options: ProjectionOptions,
): ProjectedPerson | null {
  // A person the user hid is in no app: not listed, not found, not named for a call or a thread.
  if (person.hidden === true) return null;
  const projectFrom = (sources: typeof pointed): ProjectedPerson | null => {
    const merged = composeMergedContact(person, sources, {
      readerLevel: options.identity.accessLevel,
      region: options.region,
    });
    return merged === undefined ? null : { merged, rows: options.project(merged, person) };
  };
  try {
    return projectFrom(pointed);
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
    return usable.length === 0 ? null : projectFrom(usable);
  }
}

/**
 * One person's rows: the merged view at the consumer's level, projected by the consumer; null when it
 * may see nothing of the person. Checked against the schema, so a careless projection fails loudly.
 */
export function projectPerson(
  person: PersonRecord,
  pointed: PointedRecords,
  options: ProjectionOptions,
  /** The consumer schema's stores: the only ones a projection may write to. */
  storeNames: readonly string[],
): ProjectedRows | null {
  const projected = projectedPersonOf(person, pointed, options)?.rows ?? null;
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

/** The merged view `projectPerson` projects rows from, composed the same way (undefined for nothing). */
export function mergedPersonOf(
  person: PersonRecord,
  pointed: PointedRecords,
  options: ProjectionOptions,
): MergedContact | undefined {
  return projectedPersonOf(person, pointed, options)?.merged;
}
