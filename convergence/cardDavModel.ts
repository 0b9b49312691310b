/*
 * What a CardDAV account should end up holding, written apart from the provider: the server as a map of
 * UID → name with a version per UID (bumped by every change, deletes included), and for each phone what
 * it holds, which server version of each card it last saw, and which of its changes still wait for an
 * upload. A sync is applied per card: a change on one side only wins; a change on both sides is a
 * conflict that the account's strategy decides, and the losing version is expected among the phone's
 * kept conflicts. It never calls the provider's sync code.
 */

export type Strategy = 'server' | 'client';
export type PhoneName = 'A' | 'B';
export const PHONES: readonly PhoneName[] = ['A', 'B'];

/** A conflict as the model expects it in `conflicts()`: the card, and the losing name (or a delete). */
export interface ExpectedConflict {
  uid: string;
  lost: string | undefined;
}

interface PhoneModel {
  /** Cards the phone shows: UID → name. */
  local: Map<string, string>;
  /** The server version of each card when this phone last agreed with the server about it. */
  base: Map<string, number>;
  /** Local changes not yet uploaded. */
  pending: Map<string, 'create' | 'update' | 'delete'>;
  conflicts: ExpectedConflict[];
  online: boolean;
}

export class CardDavModel {
  /** Live cards on the server. */
  readonly server = new Map<string, string>();
  /** Every UID the server ever held → its version (a delete is a version too). */
  readonly serverVersion = new Map<string, number>();
  readonly phones: Record<PhoneName, PhoneModel>;
  #names = 0;

  constructor(readonly strategy: Strategy) {
    const phone = (): PhoneModel => ({
      local: new Map(),
      base: new Map(),
      pending: new Map(),
      conflicts: [],
      online: true,
    });
    this.phones = { A: phone(), B: phone() };
  }

  /** A name never used before in this sequence, so every version of a card is told apart. */
  nextName(uid: string, who: string): string {
    this.#names += 1;
    return `${uid} by ${who} #${this.#names}`;
  }

  #bumpServer(uid: string, name: string | undefined): number {
    const version = (this.serverVersion.get(uid) ?? 0) + 1;
    this.serverVersion.set(uid, version);
    if (name === undefined) this.server.delete(uid);
    else this.server.set(uid, name);
    return version;
  }

  serverPut(uid: string, name: string): void {
    this.#bumpServer(uid, name);
  }

  serverDelete(uid: string): void {
    this.#bumpServer(uid, undefined);
  }

  localAdd(phone: PhoneName, uid: string, name: string): void {
    const p = this.phones[phone];
    p.local.set(uid, name);
    p.pending.set(uid, 'create');
  }

  localUpdate(phone: PhoneName, uid: string, name: string): void {
    const p = this.phones[phone];
    p.local.set(uid, name);
    if (p.pending.get(uid) !== 'create') p.pending.set(uid, 'update');
  }

  localDelete(phone: PhoneName, uid: string): void {
    const p = this.phones[phone];
    p.local.delete(uid);
    // A card the server never had is simply gone; one it has waits as a tombstone for the upload.
    if (p.pending.get(uid) === 'create') p.pending.delete(uid);
    else p.pending.set(uid, 'delete');
  }

  /** One sync (or full sync) of a phone with its network up; a phone offline changes nothing. */
  sync(phone: PhoneName): void {
    const p = this.phones[phone];
    if (!p.online) return;
    const uids = new Set([...this.serverVersion.keys(), ...p.local.keys(), ...p.pending.keys()]);
    for (const uid of uids) {
      const version = this.serverVersion.get(uid) ?? 0;
      const serverChanged = version !== (p.base.get(uid) ?? 0);
      const pending = p.pending.get(uid);
      const serverName = this.server.get(uid);
      const localName = p.local.get(uid);
      const upload = () => {
        const next =
          localName === undefined && serverName === undefined ? version : this.#bumpServer(uid, localName);
        p.base.set(uid, next);
        p.pending.delete(uid);
      };
      const take = () => {
        if (serverName === undefined) p.local.delete(uid);
        else p.local.set(uid, serverName);
        p.base.set(uid, version);
        p.pending.delete(uid);
      };
      if (pending === undefined) {
        if (serverChanged) take();
      } else if (!serverChanged) {
        upload();
      } else if (serverName === undefined && localName === undefined) {
        // Deleted on both sides: nothing to decide.
        take();
      } else if (pending === 'create' && serverName === undefined) {
        // The server's card of that UID came and went: ours is the only version, not a conflict.
        upload();
      } else if (this.strategy === 'server') {
        p.conflicts.push({ uid, lost: localName });
        take();
      } else {
        p.conflicts.push({ uid, lost: serverName });
        upload();
      }
    }
  }

  /** Whether another sync of every phone would change nothing (the account is settled). */
  settled(): boolean {
    return PHONES.every((name) => {
      const p = this.phones[name];
      if (p.pending.size > 0) return false;
      for (const [uid, version] of this.serverVersion) {
        if ((p.base.get(uid) ?? 0) !== version && (this.server.has(uid) || p.local.has(uid))) return false;
      }
      return true;
    });
  }
}
