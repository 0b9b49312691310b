export * from './access/accessLevel';
export * from './consumerQuery';
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
export * from './mergedView';
export * from './person/person';
export * from './person/readablePointersPolicy';
export * from './photo/photoBlobs';
export * from './provider/providerRegistry';
export * from './provider/types';
