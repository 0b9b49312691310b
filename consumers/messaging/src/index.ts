export {
  createMessagingConsumer,
  type MessagingConsumer,
  type MessagingConsumerOptions,
} from './messagingConsumer';
export { projectRecipient, recipientRowOf } from './projectRecipient';
export type { RecipientAddress } from './recipientAddress';
export { parseRecipientQuery, type RecipientQuery } from './recipientQuery';
export {
  MESSAGING_SCHEMA,
  RECIPIENT_STORE,
  type RecipientEmail,
  type RecipientPhone,
  type RecipientRow,
  type SearchableRecipient,
} from './recipientRows';
export { type RecipientMatch, type RecipientSuggestion, rankRecipients } from './recipientSearch';
export { nameForEmail, nameForNumber, type ThreadName } from './threadName';
