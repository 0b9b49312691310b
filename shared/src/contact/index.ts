export type * from './contact';
export { type EmailProblem, type EmailProblemCode, emailKey, emailProblem } from './emailKey';
export { foldName, nameParts, nameWords } from './foldName';
export { formatPhoneForDisplay } from './formatPhone';
export { givenNameKeys, givenNamesMatch, nicknameGroups } from './nicknameKeys';
export {
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
