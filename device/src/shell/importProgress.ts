import type { LoadingProgress } from '../protocol/contactsApi';
import type { GcdsPoint } from '../protocol/workerApis';

export type { GcdsPoint };

/** A provider as the shell sees it: its import's progress while one runs, and the records in its store. */
export interface ProviderCount {
  importing?: { done: number; total: number };
  stored: number;
}

export interface ProgressInputs {
  providers: readonly ProviderCount[];
  /** The GCDS's reports, oldest first; the last one is where it stands now. */
  gcds: readonly GcdsPoint[];
  gcdsIdle: boolean;
  /** The GCDS revision the app's own database reflects (undefined: not started yet). */
  appRevision: number | undefined;
}

/** Keeps the GCDS's reports bounded: a point older than every app's revision is needed only as the floor. */
export function keepGcdsPoint(points: GcdsPoint[], point: GcdsPoint, oldestAppRevision: number): void {
  const last = points.at(-1);
  if (last !== undefined && last.revision === point.revision) points[points.length - 1] = point;
  else points.push(point);
  while (points.length > 1 && points[1]!.revision <= oldestAppRevision) points.shift();
}

/**
 * How far an app is in an import, in provider records: `total` is what the providers hold or are
 * importing, `done` what the GCDS held at the last revision the app has reached (so what the app can
 * show, never more). Undefined when nothing is on its way: every import over, the GCDS idle with every
 * record, and the app at the GCDS's revision.
 */
export function importProgress(inputs: ProgressInputs): LoadingProgress | undefined {
  const total = inputs.providers.reduce(
    (sum, provider) => sum + Math.max(provider.importing?.total ?? 0, provider.stored),
    0,
  );
  const now = inputs.gcds.at(-1);
  const app = inputs.appRevision;
  const reached = app === undefined ? undefined : inputs.gcds.filter((point) => point.revision <= app).at(-1);
  const done = Math.min(reached?.sources ?? 0, total);
  const importing = inputs.providers.some((provider) => provider.importing !== undefined);
  const caughtUp =
    inputs.gcdsIdle && now !== undefined && now.sources >= total && app !== undefined && app >= now.revision;
  if (!importing && caughtUp) return undefined;
  if (total === 0) return undefined;
  return { done, total };
}
