// Test support (`@gcds/shared/testing`): imported by tests of every package, never by the product.

export type { EarlierLogEntry } from '../dataStore/recordsAndLogMigration';
export {
  type Harness,
  type PersonRow,
  type PhoneRow,
  snapshot,
  startConsumer,
  startHarness,
  TEST_SCHEMA,
  testProjection,
} from './consumerSyncHarness';
export { contact } from './contact';
export { type EarlierStoreContents, writeEarlierStoreLayout } from './earlierStoreLayout';
export { mergedContact } from './mergedContact';
export { type Received, recordingPlatform } from './recordingPlatform';
export { storeProvider } from './storeProvider';
