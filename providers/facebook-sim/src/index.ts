export { FacebookApiError, FacebookProtocolError, isRetryableError } from './facebookErrors';
export {
  type ActivityEntry,
  FacebookServer,
  type FacebookServerOptions,
  type FailureOptions,
  type RequestRecord,
} from './facebookServer';
export {
  createFacebookSimProvider,
  DEFAULT_PAGE_SIZE,
  FACEBOOK_SIM_MANIFEST,
  FACEBOOK_SIM_PROVIDER_ID,
  type FacebookSimApi,
  type FacebookSimProviderOptions,
  type FacebookSyncStatus,
  MAX_PAGE_SIZE,
} from './facebookSimProvider';
export type { FacebookSyncReport, PhotoProblem } from './facebookSync';
export { type FriendEditKind, type FriendProfile, generateFriendProfile } from './friendGenerator';
export { friendToContact } from './friendToContact';
export {
  type GeneratedPhone,
  generatePhone,
  PHONE_REGIONS,
  type PhoneRegion,
  type PhoneStyle,
} from './phoneNumbers';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryWithBackoff';
export { realSleep, type Sleep } from './sleep';
export type { PassKind, PassReason } from './syncState';
export type {
  FacebookApi,
  FacebookPhoto,
  SyncToClientRequest,
  SyncToClientResponse,
  WireBirthday,
  WireEmail,
  WireFriend,
  WireObject,
  WirePhone,
  WirePicture,
  WireTombstone,
  WireWork,
} from './wireFormat';
