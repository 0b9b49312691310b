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
export {
  type ConsumerChange,
  type ConsumerRow,
  type ConsumerSync,
  type ConsumerSyncControl,
  type ConsumerSyncOptions,
  type ConsumerSyncStatus,
  createConsumerSync,
  type ProjectedRows,
} from './consumerSync';
export { liveQuery } from './liveQuery';
export { prefixRange } from './prefixRange';
export { ProviderRecordReader } from './providerRecordReader';
export { checkQueryLimit } from './queryLimit';
