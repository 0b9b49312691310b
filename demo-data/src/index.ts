export { demoAvatar } from './demoAvatar';
export { EMAIL_DOMAINS, JOB_TITLES, NAME_LOCALES, NICKNAMES, ORGANISATIONS } from './demoNames';
export {
  asciiFold,
  type DemoPerson,
  localeOrderName,
  nicknameOf,
  PeopleGenerator,
  type PhoneType,
  weightedPick,
} from './demoPeople';
export { type DemoPhone, type DemoRegion, PhoneAllocator, type PhoneStyle, writtenAs } from './demoPhones';
export { defaultSilhouettePicture, identiconPicture, type PictureBytes } from './profilePictures';
export { createSeededRandom, type SeededRandom } from './seededRandom';
