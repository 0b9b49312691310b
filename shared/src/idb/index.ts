export { type Abortable, abortOnError } from './abortOnError';
export {
  type AnyObjectStoreSpec,
  ensureObjectStore,
  type IndexSpec,
  type ObjectStoreSpec,
} from './objectStoreSpec';
export { type RawRequest, requestAll } from './rawRequests';
