// The public surface of @gcds/shared: what other packages use, named one by one. Internals stay
// internal; test support is `@gcds/shared/testing`.
export { AccessError, type AccessLevel, accessRank, canReadAt } from './access/accessLevel';
export { SerialQueue, type StatusError, StatusSubject, statusErrorOf, whenSettled } from './async';
export { intersectAscending, nameOrderRanges, rareKeys, WordHaystack, walkIndex } from './consumerQuery';
export {
  type Consumer,
  ConsumerBase,
  type ConsumerChange,
  type ConsumerOptions,
  type ConsumerPlatform,
  type ConsumerSchema,
  type ConsumerSync,
  type ConsumerSyncControl,
  type ConsumerSyncStatus,
  checkQueryLimit,
  consumerPlatformOf,
  FollowedIndex,
  type FollowedIndexSpec,
  liveQuery,
  type ProjectedRows,
  ProviderRecordReader,
  prefixRange,
  type RowIndex,
  syncForConsumer,
} from './consumerSync';
export {
  buildCollationTable,
  type CollationTable,
  type Contact,
  type ContactAddress,
  type ContactDraft,
  type ContactEmail,
  type ContactTel,
  type ContactUri,
  compareRanks,
  contactDisplayName,
  contactSortText,
  type ExtraProperty,
  emailKey,
  emailProblem,
  entryDescriptionOf,
  foldedNameWords,
  foldName,
  forgetNormalisedNumbers,
  formatPhoneForDisplay,
  type GroupKind,
  type GroupOf,
  givenNameKeys,
  type NameOrder,
  NUMBER_GROUP,
  nameParts,
  nameWords,
  numberOwners,
  type PartialDate,
  PHONE_TYPES,
  type PhoneKeys,
  type PhoneMatchKind,
  type PhoneType,
  type PhotoRef,
  phoneKeys,
  phoneLookupKeys,
  phoneMatchKind,
  phoneRegion,
  phoneTypeLabel,
  phoneTypeOf,
  type Rank,
  type StoredPhoneKeys,
  storedPhoneKeys,
  validateContact,
} from './contact';
export {
  type AppIdentity,
  type DataStoreAnnouncement,
  type DataStoreInfo,
  DataStorePlatform,
} from './dataStore/dataStorePlatform';
export type {
  ChangeEvent,
  DataStoreOwner,
  DataStoreReader,
  ExtraObjectStore,
  OwnerTransaction,
  StoredBlob,
  StoreSchema,
  SyncCursor,
  SyncPoint,
  SyncTask,
  TransactionalDataStoreOwner,
  WriteOperation,
} from './dataStore/types';
export {
  type AnyObjectStoreSpec,
  abortOnError,
  type ObjectStoreSpec,
  type RawRequest,
  requestAll,
} from './idb';
export {
  composeMergedContact,
  exportableContact,
  type MergedContact,
  mergedDisplayName,
  mergedNameFields,
  mergedNameSource,
  mergedNameTexts,
  type Sourced,
  type SourcedItem,
} from './mergedView';
export {
  type MergeReason,
  type PersonRecord,
  type Pointer,
  type SourceRef,
  sourceKey,
} from './person/person';
export { READABLE_POINTERS_POLICY, withOnceReadableAt } from './person/readablePointersPolicy';
export { type PhotoBatch, preparePhotoBatch } from './photo/photoBatch';
export {
  contentId,
  contradictsMediaType,
  defaultThumbnail,
  MAX_PHOTO_BYTES,
  photoProblem,
  sniffImageType,
  storePhoto,
  type ThumbnailMaker,
} from './photo/photoBlobs';
export {
  DEFAULT_IMPORT_BATCHING,
  type ImportBatching,
  importBatches,
  importBatchSizes,
} from './provider/importBatches';
export { PROVIDER_STORE_NAME, ProviderRegistry } from './provider/providerRegistry';
export {
  defineProvider,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderManifest,
} from './provider/types';
