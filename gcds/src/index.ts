export { assignPersonIds, type Cluster, clusterSources } from './clustering';
export { GCDS_APP_ID, GCDS_STORE_NAME, Gcds, type GcdsOptions } from './gcdsService';
export { type SourceMatchKeys, sourceMatchKeys } from './matchKeys';
export { jaroWinkler, type PairEvidence, pairEvidence, samePhone } from './mergeRules';
export type * from './types';
