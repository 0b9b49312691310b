export { type ComposeOptions, composeMergedContact, type PointedSource } from './composeMergedContact';
export { exportableContact } from './exportableContact';
export { addressKey, emailFieldKey, textKey, uriKey } from './fieldKeys';
export {
  MERGED_TEXT_FIELDS,
  type MergedContact,
  type MergedTextField,
  type Sourced,
  type SourcedItem,
} from './mergedContact';
export {
  type MergedNameFieldsOptions,
  mergedDisplayName,
  mergedNameFields,
  mergedNameSource,
  mergedNameTexts,
} from './mergedNameFields';
