import type { PictureBytes } from '@gcds/demo-data';
import { createSeededRandom, type SeededRandom } from '@gcds/demo-data';
import { FacebookApiError } from './facebookErrors';
import { type FacebookEndpoint, type FailureOptions, FaultInjector } from './faultInjection';
import {
  type FriendEditKind,
  type FriendGeneratorOptions,
  type FriendProfile,
  generateFriendProfile,
  randomFriendEdit,
} from './friendGenerator';
import { FriendTable, type ServerFriend } from './friendTable';
import { wireFriend, wireObject } from './friendWire';
import { decodePageToken, encodePageToken } from './pageToken';
import type { PhoneRegion } from './phoneNumbers';
import { realSleep, type Sleep } from './sleep';
import type {
  FacebookApi,
  FacebookPhoto,
  SyncToClientRequest,
  SyncToClientResponse,
  WireFriend,
  WireObject,
} from './wireFormat';

export type { FailureOptions } from './faultInjection';

export interface FacebookServerOptions {
  /** Same seed, same friends, edits and random failures. Default 1. */
  seed?: number;
  /** How many friends to generate at once. Default 0. */
  friends?: number;
  /** Where the phone's owner lives: friends there often write national numbers. Default US. */
  homeRegion?: PhoneRegion;
  /** Delay of every request, waited through `sleep`. Default 0. */
  latencyMs?: number;
  /** Probability (0-1) that a request fails with a 503, drawn from the seeded fault stream. Default 0. */
  failureRate?: number;
  /** Largest page a client may ask for. Default 1000. */
  maxPageSize?: number;
  sleep?: Sleep;
  /** The server's clock, for timestamps only (counters decide what to sync). Default Date.now. */
  now?: () => number;
}

/** One request as the server saw it, for tests and the demo's network panel. */
export interface RequestRecord {
  endpoint: FacebookEndpoint;
  since?: number;
  pageToken?: string;
  pageSize?: number;
  photoId?: string;
  /** 200, or the status of the error it answered. */
  status: number;
  /** Objects returned (sync). */
  objects?: number;
  upTo?: number;
}

export type ActivityEntry =
  | { kind: 'added'; guid: string }
  | { kind: 'edited'; guid: string; edit: FriendEditKind }
  | { kind: 'deleted'; guid: string }
  | { kind: 'undeleted'; guid: string };

/**
 * The simulated social network: friends with a server counter as appSync describes it. Every add, edit,
 * delete and undelete takes the next counter value and stamps it on the object (`counter_lastupdate`);
 * deletes are soft (`isdeleted`) until `purgeDeleted()` drops them for good.
 *
 * Paging is by counter (keyset paging). A page holds the objects whose counter is above the requested
 * position, in counter order; its `upTo` is the counter of its last object. The next page asks for
 * "after upTo". That stays exact while the server changes between pages: an object changed after it was
 * sent moves to a new, higher counter and is sent again in a later page (newer data, same guid: an update,
 * never a duplicate record); an object changed before it was sent also moves ahead and is still sent once,
 * at its new place (no gap); new objects and deletes come after everything. Because `upTo` only needs the
 * client's persisted counter, an interrupted sync resumes with `since = upTo` and no token at all.
 */
export class FacebookServer implements FacebookApi {
  latencyMs: number;
  readonly maxPageSize: number;
  /** Every request in order. */
  readonly requestLog: RequestRecord[] = [];

  readonly #random: SeededRandom;
  readonly #faults: FaultInjector;
  readonly #generator: FriendGeneratorOptions;
  readonly #sleep: Sleep;
  readonly #now: () => number;
  readonly #table: FriendTable;
  readonly #mediaTypeOf = (pictureId: string): string => this.#table.mediaTypeOf(pictureId);

  constructor(options: FacebookServerOptions = {}) {
    const seed = options.seed ?? 1;
    this.#random = createSeededRandom(seed);
    this.#faults = new FaultInjector(this.#random.fork(0xfa17), options.failureRate ?? 0);
    this.#generator = { homeRegion: options.homeRegion ?? 'US' };
    this.latencyMs = options.latencyMs ?? 0;
    this.maxPageSize = options.maxPageSize ?? 1000;
    this.#sleep = options.sleep ?? realSleep;
    this.#now = options.now ?? Date.now;
    this.#table = new FriendTable(this.#now);
    this.generateFriends(options.friends ?? 0);
  }

  /** Probability (0-1) that a request fails with a 503, drawn from the seeded fault stream. */
  get failureRate(): number {
    return this.#faults.failureRate;
  }

  set failureRate(rate: number) {
    this.#faults.failureRate = rate;
  }

  /** The server counter: the number of changes ever made. */
  get counter(): number {
    return this.#table.counter;
  }

  // --- server-side activity (what happens on the network, not through the client API) ---

  /** Adds `count` generated friends; returns their guids. */
  generateFriends(count: number): string[] {
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`friend count must be an integer >= 0, not ${count}`);
    return Array.from({ length: count }, () => this.addFriend());
  }

  /** Adds a friend (a generated one unless `profile` is given); returns its guid. */
  addFriend(profile: FriendProfile = generateFriendProfile(this.#random, this.#generator)): string {
    checkProfile(profile);
    let guid = this.#random.guid();
    while (this.#table.has(guid)) guid = this.#random.guid();
    const now = this.#now();
    const friend: ServerFriend = {
      guid,
      profile: withoutPicture(profile),
      counter_lastupdate: 0,
      timestamp_created: now,
      timestamp_lastupdate: now,
      isdeleted: false,
    };
    if (profile.picture !== undefined) friend.pictureId = this.#table.storePicture(profile.picture);
    this.#table.insert(friend);
    return guid;
  }

  /**
   * Edits a live friend: a random plausible edit, or `change` applied to its current profile.
   * A changed picture gets a new picture id, as a new upload would.
   */
  editFriend(guid: string, change?: (profile: FriendProfile) => FriendProfile): FriendEditKind | 'custom' {
    const friend = this.#table.live(guid);
    const current = this.#table.profileOf(friend);
    let kind: FriendEditKind | 'custom' = 'custom';
    let next: FriendProfile;
    if (change === undefined) {
      const edit = randomFriendEdit(this.#random, current, this.#generator);
      kind = edit.kind;
      next = edit.profile;
    } else {
      next = change(structuredClone(current));
    }
    checkProfile(next);
    if (next.picture === undefined) delete friend.pictureId;
    else if (current.picture === undefined || !sameBytes(current.picture.bytes, next.picture.bytes)) {
      friend.pictureId = this.#table.storePicture(next.picture);
    }
    friend.profile = withoutPicture(next);
    this.#table.touch(friend);
    return kind;
  }

  /** Soft delete (appSync `isdeleted = 1`): the friend syncs out as a tombstone. */
  deleteFriend(guid: string): void {
    const friend = this.#table.live(guid);
    friend.isdeleted = true;
    this.#table.touch(friend);
  }

  /** Undoes a soft delete that has not been purged: the friend comes back with a new counter. */
  undeleteFriend(guid: string): void {
    const friend = this.#table.get(guid);
    if (friend === undefined || !friend.isdeleted) throw new Error(`no deleted friend ${guid} to restore`);
    friend.isdeleted = false;
    this.#table.touch(friend);
  }

  /** `steps` random changes: mostly edits, some adds, deletes and undeletes. */
  randomActivity(steps: number): ActivityEntry[] {
    const done: ActivityEntry[] = [];
    const friends = this.#table.all();
    const live = friends.filter((f) => !f.isdeleted).map((f) => f.guid);
    const deleted = friends.filter((f) => f.isdeleted).map((f) => f.guid);
    const takeAt = (list: string[], index: number): string => {
      const guid = list[index]!;
      list[index] = list[list.length - 1]!;
      list.pop();
      return guid;
    };
    for (let i = 0; i < steps; i += 1) {
      const roll = this.#random.next();
      if (live.length === 0 || roll < 0.25) {
        const guid = this.addFriend();
        live.push(guid);
        done.push({ kind: 'added', guid });
      } else if (roll < 0.75) {
        const guid = this.#random.pick(live);
        done.push({ kind: 'edited', guid, edit: this.editFriend(guid) as FriendEditKind });
      } else if (roll < 0.95 || deleted.length === 0) {
        const guid = takeAt(live, this.#random.int(0, live.length - 1));
        this.deleteFriend(guid);
        deleted.push(guid);
        done.push({ kind: 'deleted', guid });
      } else {
        const guid = takeAt(deleted, this.#random.int(0, deleted.length - 1));
        this.undeleteFriend(guid);
        live.push(guid);
        done.push({ kind: 'undeleted', guid });
      }
    }
    return done;
  }

  /**
   * Drops soft-deleted friends for good, as servers do to bound their tables. Clients whose counter is
   * below the newest dropped tombstone can no longer sync incrementally: they get a 410 and resync.
   */
  purgeDeleted(): number {
    return this.#table.purgeDeleted();
  }

  /** Makes the next matching requests fail (after letting `skip` through). `count` may be Infinity. */
  failNext(count: number, options: FailureOptions = {}): void {
    this.#faults.failNext(count, options);
  }

  /** Cancels every scheduled failure (the network is back). */
  clearFailures(): void {
    this.#faults.clear();
  }

  // --- inspection (the truth tests compare against; no latency, no failures) ---

  /** Every live friend as the API would send it, by guid. */
  liveFriends(): WireFriend[] {
    return this.#table
      .all()
      .filter((f) => !f.isdeleted)
      .sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0))
      .map((f) => wireFriend(f, this.#mediaTypeOf));
  }

  /** The friend's current wire form: a tombstone while soft-deleted, undefined once purged or never known. */
  friend(guid: string): WireObject | undefined {
    const friend = this.#table.get(guid);
    return friend === undefined ? undefined : wireObject(friend, this.#mediaTypeOf);
  }

  picture(pictureId: string): PictureBytes | undefined {
    return this.#table.picture(pictureId);
  }

  // --- the client API (REST in real life) ---

  async syncToClient(request: SyncToClientRequest): Promise<SyncToClientResponse> {
    const record: RequestRecord = {
      endpoint: 'sync',
      since: request.since,
      pageSize: request.pageSize,
      ...(request.pageToken === undefined ? {} : { pageToken: request.pageToken }),
      status: 200,
    };
    return this.#handle(record, () => {
      if (!Number.isSafeInteger(request.since) || request.since < 0) {
        throw new FacebookApiError(400, `since must be a counter >= 0, not ${request.since}`);
      }
      if (
        !Number.isInteger(request.pageSize) ||
        request.pageSize < 1 ||
        request.pageSize > this.maxPageSize
      ) {
        throw new FacebookApiError(400, `pageSize must be 1 to ${this.maxPageSize}, not ${request.pageSize}`);
      }
      const counter = this.#table.counter;
      const token = request.pageToken === undefined ? undefined : decodePageToken(request.pageToken);
      const after = token?.after ?? request.since;
      if (after > counter) {
        throw new FacebookApiError(410, `counter ${after} is ahead of this server (${counter})`, {
          code: 'resync_required',
        });
      }
      // A walk from 0 (or one begun after the last purge, as its token says) never depended on the purged
      // tombstones; any other position below the horizon may have missed deletions.
      const unaffected = token === undefined ? after === 0 : token.generation === this.#table.generation;
      if (!unaffected && after < this.#table.horizon) {
        throw new FacebookApiError(410, `changes after ${after} were purged (up to ${this.#table.horizon})`, {
          code: 'resync_required',
        });
      }
      const page = this.#table.changesAfter(after, request.pageSize);
      const response: SyncToClientResponse = {
        objects: page.friends.map((f) => wireObject(f, this.#mediaTypeOf)),
        upTo: page.more ? page.friends[page.friends.length - 1]!.counter_lastupdate : counter,
        serverCounter: counter,
      };
      if (page.more) {
        response.nextPageToken = encodePageToken({
          after: response.upTo,
          generation: this.#table.generation,
        });
      }
      record.objects = response.objects.length;
      record.upTo = response.upTo;
      return response;
    });
  }

  async fetchPhoto(photoId: string): Promise<FacebookPhoto> {
    return this.#handle({ endpoint: 'photo', photoId, status: 200 }, () => {
      const picture = this.picture(photoId);
      if (picture === undefined)
        throw new FacebookApiError(404, `no picture ${photoId}`, { code: 'not_found' });
      return picture;
    });
  }

  async #handle<R>(record: RequestRecord, answer: () => R): Promise<R> {
    this.requestLog.push(record);
    if (this.latencyMs > 0) await this.#sleep(this.latencyMs);
    try {
      this.#faults.maybeFail(record.endpoint);
      // Answered after the latency: the client sees the server as it is when the answer leaves.
      return answer();
    } catch (error) {
      record.status = error instanceof FacebookApiError ? error.status : 500;
      throw error;
    }
  }
}

function withoutPicture(profile: FriendProfile): Omit<FriendProfile, 'picture'> {
  const { picture: _picture, ...rest } = structuredClone(profile);
  return rest;
}

function checkProfile(profile: FriendProfile): void {
  if (typeof profile.first_name !== 'string' || typeof profile.last_name !== 'string') {
    throw new Error('a friend needs first_name and last_name strings');
  }
  if (profile.first_name.trim() === '' && profile.last_name.trim() === '') {
    throw new Error('a friend needs a first or a last name');
  }
  if (profile.picture !== undefined && profile.picture.bytes.length === 0) {
    throw new Error('a picture needs bytes');
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
