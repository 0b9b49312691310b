export { type Abortable, abortOnError } from './abortOnError';
export { issueAll } from './issueAll';
export {
  type AnyObjectStoreSpec,
  ensureObjectStore,
  type IndexSpec,
  type ObjectStoreSpec,
} from './objectStoreSpec';
