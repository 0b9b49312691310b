export { type CallerIdMatch, type MatchedTel, rankCallerId } from './callerIdMatch';
export { createDialerConsumer, type DialerConsumer, type DialerConsumerOptions } from './dialerConsumer';
export {
  CALLER_ID_STORE,
  type CallerIdRow,
  DIALER_SCHEMA,
  type DialerPhone,
  type DialerPhoneKeys,
} from './dialerRows';
export { dialerPhoneKeys, dialForms } from './dialForms';
export { DialIndex } from './dialIndex';
export {
  type DialPerson,
  type DialSuggestion,
  type DigitMatch,
  rankDialSuggestions,
} from './dialSuggestions';
export { callerIdRowOf, projectCallerId } from './projectCallerId';
