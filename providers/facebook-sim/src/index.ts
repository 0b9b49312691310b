// The public surface: the provider, the simulated server it talks to, and the types their options,
// statuses and answers are written in. The friend and phone generators behind the server stay inside.
export { FacebookApiError } from './facebookErrors';
export {
  type ActivityEntry,
  FacebookServer,
  type FacebookServerOptions,
  type FailureOptions,
  type RequestRecord,
} from './facebookServer';
export {
  createFacebookSimProvider,
  DEFAULT_FRIEND_BATCHING,
  FACEBOOK_SIM_MANIFEST,
  type FacebookSimApi,
  type FacebookSimProviderOptions,
  type FacebookSyncStatus,
  pagesPerCommit,
} from './facebookSimProvider';
export type { FacebookSyncReport } from './facebookSync';
export type { FriendProfile } from './friendGenerator';
export { realSleep, type Sleep } from './sleep';
export type { FacebookApi, WirePhone } from './wireFormat';
