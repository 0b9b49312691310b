export { type CallerIdMatch, type MatchedTel, rankCallerId } from './callerIdMatch';
export { callerName } from './callerName';
export { createDialerConsumer, type DialerConsumer, type DialerConsumerOptions } from './dialerConsumer';
export { CALLER_ID_STORE, type CallerIdRow, DIALER_SCHEMA, type DialerPhone } from './dialerRows';
export { dialForms, digitSuffixes } from './dialForms';
export { type DialSuggestion, type DigitMatch, rankDialSuggestions } from './dialSuggestions';
export { callerIdRowOf, projectCallerId } from './projectCallerId';
