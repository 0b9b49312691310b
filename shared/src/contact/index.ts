export {
  buildCollationTable,
  type CollationTable,
  type GroupKind,
  type GroupOf,
  NUMBER_GROUP,
  OTHER_GROUP,
} from './collationTable';
export { compareRanks, type Rank } from './compareRanks';
export type * from './contact';
export {
  CONTACT_LIMITS,
  type ContactErrorCode,
  type ContactFieldError,
  type ContactFieldWarning,
  type ContactWarningCode,
} from './contactProblems';
export { contactWarnings } from './contactWarnings';
export { contactDisplayName, contactSortText, type NameFields, type NameOrder } from './displayName';
export { type EmailProblem, type EmailProblemCode, emailKey, emailProblem } from './emailKey';
export { type EntryDescription, entryDescriptionOf } from './entryDescription';
export { foldedNameWords, foldName, nameParts, nameWords } from './foldName';
export { formatPhoneForDisplay } from './formatPhone';
export { collationTableFor, letterGroupOf, nameSortKey } from './letterGroup';
export { givenNameKeys, givenNamesMatch, nicknameGroups } from './nicknameKeys';
export { type NumberOwner, numberOwners, type OwnedPhone, type PhoneOwner } from './numberOwners';
export {
  forgetNormalisedNumbers,
  PHONE_MIN_MATCH,
  type PhoneKeys,
  type PhoneLineType,
  type PhoneMatchKind,
  type PhoneMatchOptions,
  phoneKeys,
  phoneLookupKeys,
  phoneMatchKind,
  phoneRegion,
  phonesMatch,
} from './phoneMatchKeys';
export { asciiDigits, type PhoneText, splitPhoneText, vanityDigits } from './phoneText';
export { PHONE_TYPES, type PhoneType, phoneTypeLabel, phoneTypeOf } from './phoneTypeLabel';
export { type StoredPhoneKeys, storedPhoneKeys } from './storedPhoneKeys';
export { validateContact } from './validateContact';
