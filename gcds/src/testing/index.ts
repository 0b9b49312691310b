// Test support (`@gcds/gcds/testing`): imported by tests of every package, never by the product.
export { contact, storeProvider } from '@gcds/shared/testing';
export {
  EXPORTERS,
  type Exporter,
  HARD_NEGATIVE_KINDS,
  type HardNegativeKind,
  type LabelledBookOptions,
  type LabelledCard,
  labelledAddressBook,
  VARIANT_CLASSES,
  type VariantClass,
} from './labelledAddressBook';
export { EXPORT_VERSION, type LabelledExports, labelledExports } from './labelledExports';
export {
  type ClassRecall,
  type HardNegativeCount,
  type MergeQuality,
  mergeQualityTable,
  passiveMergeOf,
  scoreMerge,
} from './mergeQuality';
export { type Pipeline, startPipeline } from './pipelineHarness';
