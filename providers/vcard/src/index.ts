export type { CardBlock } from './cardBlocks';
export { exportVcardsWithPhotos, type MergedPeopleVcf, mergedPeopleVcf } from './mergedPeopleVcf';
export type { CardOutcome, VcardFileCards } from './parseVcardFile';
export { parseCardBlock, parseVcardFile, splitVcardFile, splitVcardFileInSteps } from './parseVcardFile';
export type { PhysicalLine } from './physicalLines';
export {
  exportVcard,
  exportVcards,
  PRODID,
  type VcardExportOptions,
  type VcardExportVersion,
} from './vcardExport';
export type {
  CardPhoto,
  CardSource,
  ParsedCard,
  VcardFileParse,
  VcardInput,
  VcardParseError,
  VcardParseWarning,
} from './vcardParseResult';
export {
  createVcardProvider,
  DEFAULT_CARD_BATCHING,
  MAX_BATCH_SIZE,
  type RemovedCard,
  VCARD_PROVIDER_ID,
  VCARD_PROVIDER_MANIFEST,
  type VcardCardRecord,
  type VcardExportAllOptions,
  type VcardImportOptions,
  type VcardImportProgress,
  type VcardImportReport,
  type VcardProviderApi,
  type VcardProviderOptions,
} from './vcardProvider';
export { SOURCE_CHUNK_BYTES, type VcardSource } from './vcardSource';
