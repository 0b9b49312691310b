export { type CallerIdMatch, type MatchedTel, rankCallerId } from './callerIdMatch';
export { createDialerConsumer, type DialerConsumer, type DialerConsumerOptions } from './dialerConsumer';
export {
  CALLER_ID_STORE,
  type CallerIdRow,
  DIAL_KEYS_STORE,
  DIALER_SCHEMA,
  type DialerPhone,
  type DialKeysRow,
} from './dialerRows';
export { dialForms, digitSuffixes } from './dialForms';
export { type DialSuggestion, type DigitMatch, rankDialSuggestions } from './dialSuggestions';
export { callerIdRowOf, projectCallerId } from './projectCallerId';
