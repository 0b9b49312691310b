export * from './access/accessLevel';
export { SerialQueue, type StatusError, StatusSubject, statusErrorOf, whenSettled } from './async';
export * from './consumerSync';
export * from './contact';
export { ChangeBus } from './dataStore/changeBus';
export {
  type AppIdentity,
  type AppManifest,
  type DataStoreAnnouncement,
  type DataStoreInfo,
  DataStorePlatform,
  type DataStorePlatformOptions,
} from './dataStore/dataStorePlatform';
export type { RowPolicy } from './dataStore/rowPolicyReader';
export type * from './dataStore/types';
export { type AnyObjectStoreSpec, abortOnError, issueAll, type ObjectStoreSpec } from './idb';
export * from './mergedView';
export * from './person/person';
export * from './person/readablePointersPolicy';
export * from './photo/photoBlobs';
export * from './provider/providerRegistry';
export * from './provider/types';
