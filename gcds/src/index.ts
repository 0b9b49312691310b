export { assignPersonIds, type Cluster, clusterSources } from './clustering';
export { GCDS_APP_ID, GCDS_STORE_NAME, Gcds, type GcdsOptions } from './gcdsService';
export { type SourceMatchKeys, sourceMatchKeys } from './matchKeys';
export { type PairEvidence, pairEvidence, samePhone } from './mergeRules';
export { type NameMatch, nameMatch } from './nameMatch';
export { sharedIdentifiers } from './sharedIdentifiers';
export { jaroWinkler, type PairSuggestion, SUGGESTION_THRESHOLD, suggestionFor } from './suggestions';
export type * from './types';
