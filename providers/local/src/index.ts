export { applyContactChange, type ContactPatch, withoutUndefined } from './contactChange';
export {
  type ContactFieldError,
  ContactNotFoundError,
  ContactValidationError,
} from './contactValidationError';
export { IceLimitError, MAX_ICE_CONTACTS } from './iceList';
export {
  type ContactListOptions,
  type ContactPage,
  createLocalProvider,
  LOCAL_PROVIDER_ID,
  LOCAL_PROVIDER_MANIFEST,
  type LocalContactsApi,
  type LocalProviderOptions,
  MAX_PAGE_SIZE,
} from './localProvider';
