import type { PictureBytes } from '@gcds/demo-data';
import type { FriendProfile } from './friendGenerator';

/** A friend as the server stores it: the profile without its picture, which is stored once by id. */
export interface ServerFriend {
  guid: string;
  profile: Omit<FriendProfile, 'picture'>;
  pictureId?: string;
  counter_lastupdate: number;
  timestamp_created: number;
  timestamp_lastupdate: number;
  isdeleted: boolean;
}

function copyOf(picture: PictureBytes): PictureBytes {
  return { bytes: picture.bytes.slice(), mediaType: picture.mediaType };
}

/**
 * The server's tables: the friends, their pictures, and the counter log that keyset paging walks. Every
 * change takes the next counter value (`touch`); a purge drops tombstones and raises the horizon below
 * which an incremental sync may have missed them.
 */
export class FriendTable {
  readonly #now: () => number;
  readonly #friends = new Map<string, ServerFriend>();
  readonly #pictures = new Map<string, PictureBytes>();
  /** (counter, guid) of every change in counter order; entries whose guid has moved on are stale. */
  #log: Array<{ counter: number; guid: string }> = [];
  #counter = 0;
  #pictureSequence = 0;
  /** Tombstones at or below this counter were purged: an incremental sync from below it would miss them. */
  #horizon = 0;
  /** How many purges have dropped tombstones; page tokens remember the one they were issued in. */
  #generation = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** The server counter: the number of changes ever made. */
  get counter(): number {
    return this.#counter;
  }

  get horizon(): number {
    return this.#horizon;
  }

  get generation(): number {
    return this.#generation;
  }

  has(guid: string): boolean {
    return this.#friends.has(guid);
  }

  get(guid: string): ServerFriend | undefined {
    return this.#friends.get(guid);
  }

  all(): ServerFriend[] {
    return [...this.#friends.values()];
  }

  /** A new friend, stored and given the next counter. */
  insert(friend: ServerFriend): void {
    this.#friends.set(friend.guid, friend);
    this.touch(friend);
  }

  live(guid: string): ServerFriend {
    const friend = this.#friends.get(guid);
    if (friend === undefined || friend.isdeleted) throw new Error(`no live friend ${guid}`);
    return friend;
  }

  /** A change to `friend`: the next counter value, stamped on it and logged. */
  touch(friend: ServerFriend): void {
    this.#counter += 1;
    friend.counter_lastupdate = this.#counter;
    friend.timestamp_lastupdate = this.#now();
    this.#log.push({ counter: this.#counter, guid: friend.guid });
    if (this.#log.length > 2 * this.#friends.size + 1000) this.#compactLog();
  }

  /** Up to `limit` objects changed after `after`, in counter order, and whether more follow. */
  changesAfter(after: number, limit: number): { friends: ServerFriend[]; more: boolean } {
    let low = 0;
    let high = this.#log.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#log[mid]!.counter <= after) low = mid + 1;
      else high = mid;
    }
    const friends: ServerFriend[] = [];
    for (let i = low; i < this.#log.length; i += 1) {
      const entry = this.#log[i]!;
      const friend = this.#friends.get(entry.guid);
      if (friend === undefined || friend.counter_lastupdate !== entry.counter) continue;
      if (friends.length === limit) return { friends, more: true };
      friends.push(friend);
    }
    return { friends, more: false };
  }

  /** Drops the soft-deleted friends for good; returns how many. */
  purgeDeleted(): number {
    let purged = 0;
    this.#generation += 1;
    for (const friend of [...this.#friends.values()]) {
      if (!friend.isdeleted) continue;
      this.#horizon = Math.max(this.#horizon, friend.counter_lastupdate);
      this.#friends.delete(friend.guid);
      if (friend.pictureId !== undefined) this.#dropPictureIfUnused(friend.pictureId);
      purged += 1;
    }
    this.#compactLog();
    return purged;
  }

  /** Stores a copy of the picture under a new id, as a new upload would get. */
  storePicture(picture: PictureBytes): string {
    this.#pictureSequence += 1;
    const id = `pic-${this.#pictureSequence}`;
    this.#pictures.set(id, copyOf(picture));
    return id;
  }

  /** A copy of the stored picture. */
  picture(pictureId: string): PictureBytes | undefined {
    const picture = this.#pictures.get(pictureId);
    return picture === undefined ? undefined : copyOf(picture);
  }

  /** The stored picture's media type, read without copying its bytes. */
  mediaTypeOf(pictureId: string): string {
    return this.#pictures.get(pictureId)!.mediaType;
  }

  /** The friend's whole profile, picture included, as a copy the caller may change. */
  profileOf(friend: ServerFriend): FriendProfile {
    const profile: FriendProfile = structuredClone(friend.profile);
    const picture = friend.pictureId === undefined ? undefined : this.#pictures.get(friend.pictureId);
    if (picture !== undefined) profile.picture = copyOf(picture);
    return profile;
  }

  /** Drops stale log entries (a guid's older counters). */
  #compactLog(): void {
    this.#log = this.#log.filter(
      (entry) => this.#friends.get(entry.guid)?.counter_lastupdate === entry.counter,
    );
  }

  #dropPictureIfUnused(pictureId: string): void {
    for (const friend of this.#friends.values()) if (friend.pictureId === pictureId) return;
    this.#pictures.delete(pictureId);
  }
}
