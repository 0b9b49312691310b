export { CONTACTS_SCHEMA, type ContactListEntry, type ListPhone } from './contactRows';
export {
  type ContactsConsumer,
  type ContactsConsumerOptions,
  createContactsConsumer,
} from './contactsConsumer';
export { type ListItem, type ListPage, letterGroupOfEntry } from './contactsQueries';
export { displayNameOf, type NameOrder, sortTextOf } from './displayName';
export type { SectionName } from './listPosition';
export type { LetterGroup } from './listSectionCounts';
export { listEntryOf, type ProjectionSettings, projectContact } from './projectContact';
export { parseQuery, SearchIndex } from './searchIndex';
export type { PhoneDigitMatch, SearchField, SearchHit, SearchQuery } from './searchRanking';
export { queryWords } from './searchText';
