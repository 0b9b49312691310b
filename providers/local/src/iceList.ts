/**
 * ICE (in case of emergency) contacts are shown on the lock screen; Android and iOS allow only a
 * handful, so the local provider allows at most this many.
 */
export const MAX_ICE_CONTACTS = 5;

/** Making these contacts ICE would exceed the limit. Nothing was written. */
export class IceLimitError extends Error {
  override readonly name = 'IceLimitError';

  constructor(
    readonly limit: number,
    /** The ICE contacts already set, in the order they became ICE. */
    readonly iceIds: readonly string[],
    /** The contacts this write would have made ICE. */
    readonly refusedIds: readonly string[],
  ) {
    super(
      `at most ${limit} ICE (in case of emergency) contacts are allowed: ${iceIds.length} already ` +
        `${iceIds.length === 1 ? 'is' : 'are'}${iceIds.length > 0 ? ` (${iceIds.join(', ')})` : ''}, ` +
        `so ${refusedIds.join(', ')} cannot be made ICE; unset another ICE contact first`,
    );
  }
}

export interface IceChange {
  id: string;
  ice: boolean;
}

/**
 * The ICE ids after `changes` (a removed contact counts as `ice: false`), in the order they became
 * ICE. Throws IceLimitError when the result would hold more than `limit`.
 */
export function nextIceIds(
  current: readonly string[],
  changes: Iterable<IceChange>,
  limit = MAX_ICE_CONTACTS,
): string[] {
  const next = [...current];
  const added: string[] = [];
  for (const { id, ice } of changes) {
    const at = next.indexOf(id);
    if (ice && at === -1) {
      next.push(id);
      added.push(id);
    } else if (!ice && at !== -1) {
      next.splice(at, 1);
      const wasAdded = added.indexOf(id);
      if (wasAdded !== -1) added.splice(wasAdded, 1);
    }
  }
  if (next.length > limit) {
    const kept = next.filter((id) => !added.includes(id));
    throw new IceLimitError(limit, kept, added);
  }
  return next;
}
