export { withAccountLock } from './accountLock';
export { cardDavProviderId, discoverAddressBooks } from './cardDavAccount';
export {
  type CardDavApi,
  type CardDavListOptions,
  type CardDavPage,
  type CardDavProviderOptions,
  ReadOnlyAddressBookError,
} from './cardDavApi';
export { CardDavClient, type PutCondition, type PutResult } from './cardDavClient';
export { createCardDavAccount, createCardDavProvider } from './cardDavProvider';
export {
  type ConflictInput,
  type ConflictSide,
  conflictWinner,
  MAX_CLIENT_RETRIES,
} from './conflictStrategy';
export {
  DavHttpError,
  DavNetworkError,
  DavProtocolError,
  isAuthError,
  isInvalidSyncToken,
  isRetryable,
} from './davErrors';
export { DavTransport, type DavTransportOptions, type FetchLike } from './davTransport';
export { commitPageAtomically, type PageCommit, type PageCommitInput } from './pageCommit';
export { createSyncScheduler, type SyncScheduler, type SyncSchedulerOptions } from './syncScheduler';
export type {
  AccountState,
  AddressBookInfo,
  CardDavAccount,
  CardDavStatus,
  ConflictRecord,
  ConflictStrategy,
  RemoteCard,
  RemoteCardRef,
  SyncCollectionPage,
  SyncProblem,
  SyncReport,
  SyncToken,
} from './types';
