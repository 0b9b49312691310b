export {
  type Consumer,
  ConsumerBase,
  type ConsumerOptions,
  type ConsumerProjection,
  syncForConsumer,
} from './consumerBase';
export { type ConsumerPlatform, consumerPlatformOf } from './consumerPlatform';
export {
  type ConsumerIndexSpec,
  type ConsumerSchema,
  type ConsumerStoreSpec,
  PERSON_INDEX,
  SYNC_STATE_STORE,
} from './consumerSchema';
export { createConsumerSync } from './consumerSync';
export type {
  ConsumerChange,
  ConsumerRow,
  ConsumerSync,
  ConsumerSyncControl,
  ConsumerSyncOptions,
  ConsumerSyncStatus,
  ProjectedRows,
} from './consumerSyncTypes';
export { FollowedIndex, type FollowedIndexSpec, type RowIndex } from './followedIndex';
export { liveQuery } from './liveQuery';
export { prefixRange } from './prefixRange';
export { ProviderRecordReader } from './providerRecordReader';
export { checkQueryLimit } from './queryLimit';
