export { SerialQueue } from './serialQueue';
export { type StatusError, statusErrorOf } from './statusError';
export { StatusSubject } from './statusSubject';
export { whenSettled } from './whenSettled';
