/*
 * What a CardDAV account should end up holding, written apart from the provider: the server as a map of
 * UID → name with a version per UID (bumped by every change, deletes included), and for each phone what
 * it holds, which server version of each card it last saw, and which of its changes still wait for an
 * upload. A sync is applied per card: a change on one side only wins; a change on both sides is a
 * conflict that the account's strategy decides, and the losing version is expected among the phone's
 * kept conflicts. It never calls the provider's sync code. Time is a clock the model owns (one second
 * per change, so the phones' and the server's times never tie); the phones read it as their `now`.
 */

export type Strategy = 'server' | 'client' | 'timestamp';
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
  /** When each card last changed here (its edit or its delete): the phone's side under timestamp priority. */
  changedAt: Map<string, number>;
  conflicts: ExpectedConflict[];
  online: boolean;
}

export class CardDavModel {
  /** Live cards on the server. */
  readonly server = new Map<string, string>();
  /** Every UID the server ever held → its version (a delete is a version too). */
  readonly serverVersion = new Map<string, number>();
  /** Each live card's REV: when its version was written (by the third client or by a phone's upload). */
  readonly serverRev = new Map<string, number>();
  readonly phones: Record<PhoneName, PhoneModel>;
  #names = 0;
  #clock = Date.parse('2026-06-01T12:00:00Z');

  constructor(readonly strategy: Strategy) {
    const phone = (): PhoneModel => ({
      local: new Map(),
      base: new Map(),
      pending: new Map(),
      changedAt: new Map(),
      conflicts: [],
      online: true,
    });
    this.phones = { A: phone(), B: phone() };
  }

  /** A name never used before in this sequence, so every version of a card is told apart. */
  nextName(uid: string, who: string): string {
    this.tick();
    this.#names += 1;
    return `${uid} by ${who} #${this.#names}`;
  }

  now(): number {
    return this.#clock;
  }

  /** The next change happens a second later. */
  tick(): void {
    this.#clock += 1000;
  }

  #bumpServer(uid: string, name: string | undefined, rev: number = this.#clock): number {
    const version = (this.serverVersion.get(uid) ?? 0) + 1;
    this.serverVersion.set(uid, version);
    if (name === undefined) this.server.delete(uid);
    else this.server.set(uid, name);
    if (name === undefined) this.serverRev.delete(uid);
    else this.serverRev.set(uid, rev);
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
    p.changedAt.set(uid, this.#clock);
  }

  localUpdate(phone: PhoneName, uid: string, name: string): void {
    const p = this.phones[phone];
    p.local.set(uid, name);
    if (p.pending.get(uid) !== 'create') p.pending.set(uid, 'update');
    p.changedAt.set(uid, this.#clock);
  }

  localDelete(phone: PhoneName, uid: string): void {
    const p = this.phones[phone];
    this.tick();
    p.local.delete(uid);
    p.changedAt.set(uid, this.#clock);
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
          localName === undefined && serverName === undefined
            ? version
            : this.#bumpServer(uid, localName, p.changedAt.get(uid));
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
      } else if (
        this.#serverWins(serverName === undefined ? undefined : this.serverRev.get(uid), p.changedAt.get(uid))
      ) {
        p.conflicts.push({ uid, lost: localName });
        take();
      } else {
        p.conflicts.push({ uid, lost: serverName });
        upload();
      }
    }
  }

  /**
   * Who wins a conflict: server or client priority, or the later change (a server delete carries no
   * time and loses to any edit; a tie goes to the server).
   */
  #serverWins(serverAt: number | undefined, clientAt: number | undefined): boolean {
    if (this.strategy !== 'timestamp') return this.strategy === 'server';
    if (serverAt === undefined) return clientAt === undefined;
    return clientAt === undefined || clientAt <= serverAt;
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
