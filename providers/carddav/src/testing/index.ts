export { freePort, type RunningDavServer } from './davServerProcess';
export { type FailureRule, FakeCardDavServer } from './fakeCardDavServer';
export { type CrashPlan, type Phone, type PhoneOptions, SimulatedCrash, startPhone } from './phoneHarness';
export { type RadicaleOptions, startRadicale } from './radicaleServer';
export { RADICALE_PATH, serverBinary, XANDIKOS_PATH } from './serverBinaries';
export { deleteCard, putCard, rawClient, serverContents, vcard } from './serverContents';
export { startXandikos } from './xandikosServer';
