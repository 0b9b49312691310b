import { FacebookProtocolError } from './facebookErrors';

/*
 * The REST shapes between the simulated network and its provider. Friend fields are snake_case as the
 * Graph API writes them. As in appSync, an object's `counter_lastupdate` stays on the server: the client
 * learns positions from the page envelope (`upTo`, `serverCounter`), never from the objects.
 */

/** `GET /friends/sync?since=…&pageSize=…&pageToken=…` */
export interface SyncToClientRequest {
  /** The client's `servercounter_lastsync`: changes after it are wanted. 0 = everything. */
  since: number;
  pageSize: number;
  /** The previous page's `nextPageToken`; when given it decides where the page starts. */
  pageToken?: string;
}

export interface WirePhone {
  number: string;
  type: 'mobile' | 'home' | 'work';
}

export interface WireEmail {
  address: string;
  type: 'personal' | 'work';
}

export interface WireBirthday {
  year?: number;
  month: number;
  day: number;
}

export interface WireWork {
  employer: string;
  position?: string;
}

/** A picture is fetched separately (`GET /photos/{id}`); a new picture gets a new id. */
export interface WirePicture {
  id: string;
  media_type: string;
}

export interface WireFriend {
  guid: string;
  isdeleted: false;
  /** The display name as the network shows it. */
  name: string;
  first_name: string;
  middle_name?: string;
  last_name: string;
  nickname?: string;
  phones: WirePhone[];
  emails: WireEmail[];
  birthday?: WireBirthday;
  work?: WireWork;
  picture?: WirePicture;
  profile_url: string;
  timestamp_created: number;
  timestamp_lastupdate: number;
}

/** A soft-deleted friend (appSync `isdeleted = 1`): only what the client needs to drop it. */
export interface WireTombstone {
  guid: string;
  isdeleted: true;
  timestamp_lastupdate: number;
}

export type WireObject = WireFriend | WireTombstone;

export interface SyncToClientResponse {
  /** Changes after the request's position, oldest change first, at most `pageSize`. */
  objects: WireObject[];
  /**
   * Every change with a counter in (since, upTo] is in this page or an earlier one: the position to
   * persist with this page, and to resume from after an interruption. Equals `serverCounter` on the last page.
   */
  upTo: number;
  /** Present when more changes wait: pass it back for the next page. */
  nextPageToken?: string;
  /** The server's counter when it answered. */
  serverCounter: number;
}

export interface FacebookPhoto {
  bytes: Uint8Array;
  mediaType: string;
}

/** What the provider needs from the network: its two read endpoints. There is no write endpoint. */
export interface FacebookApi {
  syncToClient(request: SyncToClientRequest): Promise<SyncToClientResponse>;
  fetchPhoto(photoId: string): Promise<FacebookPhoto>;
}

type Json = Record<string, unknown>;

function fail(path: string, expected: string, value: unknown): never {
  const shown = value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60);
  throw new FacebookProtocolError(`${path}: expected ${expected}, got ${shown}`);
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as Json;
}

function string(value: unknown, path: string, { empty = false } = {}): string {
  if (typeof value !== 'string' || (!empty && value.trim() === '')) fail(path, 'a non-empty string', value);
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : string(value, path);
}

function counter(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'a counter (an integer >= 0)', value);
  }
  return value;
}

function timestamp(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a timestamp in ms', value);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) fail(path, allowed.join(' | '), value);
  return value as T;
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'a list', value);
  return value.map((entry, i) => item(entry, `${path}[${i}]`));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parseBirthday(value: unknown, path: string): WireBirthday {
  const o = object(value, path);
  const month = o.month;
  const day = o.day;
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
    fail(`${path}.month`, 'a month 1-12', month);
  }
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) {
    fail(`${path}.day`, 'a day 1-31', day);
  }
  if (o.year !== undefined && (typeof o.year !== 'number' || !Number.isInteger(o.year))) {
    fail(`${path}.year`, 'a year', o.year);
  }
  return withoutUndefined({ year: o.year as number | undefined, month, day });
}

function parseObject(value: unknown, path: string): WireObject {
  const o = object(value, path);
  const guid = string(o.guid, `${path}.guid`);
  if (o.isdeleted === true) {
    return {
      guid,
      isdeleted: true,
      timestamp_lastupdate: timestamp(o.timestamp_lastupdate, `${path}.timestamp_lastupdate`),
    };
  }
  if (o.isdeleted !== false) fail(`${path}.isdeleted`, 'true or false', o.isdeleted);
  const picture =
    o.picture === undefined
      ? undefined
      : (() => {
          const p = object(o.picture, `${path}.picture`);
          return {
            id: string(p.id, `${path}.picture.id`),
            media_type: string(p.media_type, `${path}.picture.media_type`),
          };
        })();
  const work =
    o.work === undefined
      ? undefined
      : (() => {
          const w = object(o.work, `${path}.work`);
          return withoutUndefined({
            employer: string(w.employer, `${path}.work.employer`),
            position: optionalString(w.position, `${path}.work.position`),
          });
        })();
  return withoutUndefined({
    guid,
    isdeleted: false as const,
    name: string(o.name, `${path}.name`),
    first_name: string(o.first_name, `${path}.first_name`, { empty: true }),
    middle_name: optionalString(o.middle_name, `${path}.middle_name`),
    last_name: string(o.last_name, `${path}.last_name`, { empty: true }),
    nickname: optionalString(o.nickname, `${path}.nickname`),
    phones: list(o.phones, `${path}.phones`, (p, at) => {
      const phone = object(p, at);
      return {
        number: string(phone.number, `${at}.number`),
        type: oneOf(phone.type, ['mobile', 'home', 'work'] as const, `${at}.type`),
      };
    }),
    emails: list(o.emails, `${path}.emails`, (e, at) => {
      const email = object(e, at);
      return {
        address: string(email.address, `${at}.address`),
        type: oneOf(email.type, ['personal', 'work'] as const, `${at}.type`),
      };
    }),
    birthday: o.birthday === undefined ? undefined : parseBirthday(o.birthday, `${path}.birthday`),
    work,
    picture,
    profile_url: string(o.profile_url, `${path}.profile_url`),
    timestamp_created: timestamp(o.timestamp_created, `${path}.timestamp_created`),
    timestamp_lastupdate: timestamp(o.timestamp_lastupdate, `${path}.timestamp_lastupdate`),
  });
}

/**
 * Checks an answer to `request` before anything of it is written: a malformed page throws here, so
 * nothing of it is applied and the client's position does not move.
 */
export function parseSyncResponse(value: unknown, request: SyncToClientRequest): SyncToClientResponse {
  const o = object(value, 'response');
  const objects = list(o.objects, 'response.objects', parseObject);
  const upTo = counter(o.upTo, 'response.upTo');
  const serverCounter = counter(o.serverCounter, 'response.serverCounter');
  const nextPageToken =
    o.nextPageToken === undefined ? undefined : string(o.nextPageToken, 'response.nextPageToken');
  if (objects.length > request.pageSize) {
    fail('response.objects', `at most ${request.pageSize} objects`, `${objects.length} objects`);
  }
  if (upTo > serverCounter) fail('response.upTo', `at most serverCounter (${serverCounter})`, upTo);
  if (request.pageToken === undefined && upTo < request.since) {
    fail('response.upTo', `at least since (${request.since})`, upTo);
  }
  if (nextPageToken === undefined && upTo !== serverCounter) {
    fail('response.upTo', `serverCounter (${serverCounter}) on the last page`, upTo);
  }
  const guids = new Set<string>();
  for (const [i, object] of objects.entries()) {
    if (guids.has(object.guid))
      fail(`response.objects[${i}].guid`, 'a guid not already in this page', object.guid);
    guids.add(object.guid);
  }
  return { objects, upTo, serverCounter, ...(nextPageToken === undefined ? {} : { nextPageToken }) };
}

/** Checks a photo answer: non-empty bytes of an image media type. */
export function parsePhoto(value: unknown, photoId: string): FacebookPhoto {
  const o = object(value, `photo ${photoId}`);
  if (!(o.bytes instanceof Uint8Array) || o.bytes.length === 0)
    fail(`photo ${photoId}.bytes`, 'non-empty bytes', '…');
  const mediaType = string(o.mediaType, `photo ${photoId}.mediaType`);
  if (!/^image\/[a-z0-9.+-]+$/.test(mediaType))
    fail(`photo ${photoId}.mediaType`, 'an image media type', mediaType);
  return { bytes: o.bytes, mediaType };
}
