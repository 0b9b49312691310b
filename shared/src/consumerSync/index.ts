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
  type ConsumerSyncOptions,
  type ConsumerSyncStatus,
  createConsumerSync,
  type ProjectedRows,
} from './consumerSync';
export { type ConsumerPlatform, ProviderRecordReader } from './providerRecordReader';
