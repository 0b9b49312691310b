// The public surface of @gcds/gcds: the aggregator, what its API hands out, and the pure merge rules the
// bench measures on their own. Internals (scoring details, clustering steps, schemas) stay internal.
export { clusterSources } from './clustering';
export { GCDS_APP_ID, GCDS_STORE_NAME, Gcds, type GcdsOptions } from './gcdsService';
export { type SourceMatchKeys, sourceMatchKeys } from './matchKeys';
export { sharedIdentifiers } from './sharedIdentifiers';
export type {
  DuplicateSuggestion,
  GcdsStatus,
  HiddenPerson,
  PersonName,
  SourcePhone,
  SourceRecord,
} from './types';
