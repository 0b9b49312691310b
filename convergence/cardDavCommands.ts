import type { CardDavClient, ConflictStrategy, FetchLike, SyncReport } from '@gcds/provider-carddav';
import { type CrashPlan, type Phone, SimulatedCrash } from '@gcds/provider-carddav/testing';
import fc from 'fast-check';
import { type CardDavModel, type ExpectedConflict, PHONES, type PhoneName } from './cardDavModel';

/*
 * The steps of a CardDAV sequence, as fast-check commands over the model (cardDavModel.ts) and the real
 * account: two phones (each a provider on its own IndexedDB, restartable, with a crash plan and a network
 * that can be cut) and a third client writing the server over raw HTTP. Generated steps pick cards by
 * index (modulo what exists), so they shrink well; the names they write come from the model's counter.
 */

/** A sequence's small pool of UIDs, so both sides often touch the same cards. */
export const UIDS = ['u0', 'u1', 'u2', 'u3', 'u4'] as const;

export interface CardDavStats {
  steps: number;
  comparisons: number;
  syncs: number;
  fullSyncs: number;
  kills: number;
  killsThatFired: number;
  restarts: number;
  networkCuts: number;
  serverEdits: number;
  phoneEdits: number;
  conflicts: number;
}

export function emptyCardDavStats(): CardDavStats {
  return {
    steps: 0,
    comparisons: 0,
    syncs: 0,
    fullSyncs: 0,
    kills: 0,
    killsThatFired: 0,
    restarts: 0,
    networkCuts: 0,
    serverEdits: 0,
    phoneEdits: 0,
    conflicts: 0,
  };
}

export interface CardDavWorld {
  bookUrl: string;
  raw: CardDavClient;
  phones: Record<PhoneName, Phone>;
  /** Each phone's network: a cut one throws on every request, as fetch does with no route. */
  online: Record<PhoneName, boolean>;
  strategy: ConflictStrategy;
  stats: CardDavStats;
  /** What each step did, with the cards it resolved to: printed with a divergence. */
  journal: string[];
}

export type CardDavStep = fc.AsyncCommand<CardDavModel, CardDavWorld>;

/** The network of one phone of `world`: the real fetch while it is up, a TypeError while it is cut. */
export function phoneNetwork(world: Pick<CardDavWorld, 'online'>, phone: PhoneName): FetchLike {
  return (input, init) =>
    world.online[phone]
      ? fetch(input, init)
      : Promise.reject(new TypeError(`fetch failed: the network of phone ${phone} is cut`));
}

const pickFrom = (list: readonly string[], pick: number): string | undefined =>
  list.length === 0 ? undefined : list[pick % list.length];

const localCards = (m: Readonly<CardDavModel>, phone: PhoneName) => [...m.phones[phone].local.keys()].sort();
/** UIDs a phone may add: not shown there, and not waiting to be deleted from the server. */
const addable = (m: Readonly<CardDavModel>, phone: PhoneName) =>
  UIDS.filter((uid) => !m.phones[phone].local.has(uid) && m.phones[phone].pending.get(uid) !== 'delete');
const serverCards = (m: Readonly<CardDavModel>) => [...m.server.keys()].sort();

function fail(world: CardDavWorld, message: string): never {
  throw new Error(`${message}\nsteps as run:\n  ${world.journal.join('\n  ')}`);
}

function checkReport(world: CardDavWorld, phone: PhoneName, report: SyncReport): void {
  if (report.errors.length > 0)
    fail(world, `sync of ${phone} reported errors: ${JSON.stringify(report.errors)}`);
  world.stats.conflicts += report.conflicts.length;
}

class PhoneAdd implements CardDavStep {
  constructor(
    readonly phone: PhoneName,
    readonly pick: number,
  ) {}
  check = (m: Readonly<CardDavModel>) => addable(m, this.phone).length > 0;
  async run(m: CardDavModel, w: CardDavWorld) {
    const uid = pickFrom(addable(m, this.phone), this.pick) as string;
    const name = m.nextName(uid, this.phone);
    w.journal.push(`PhoneAdd(${this.phone}, ${uid}, "${name}")`);
    m.localAdd(this.phone, uid, name);
    await w.phones[this.phone].api.add({ uid, formattedName: name });
    w.stats.phoneEdits += 1;
  }
  toString = () => `PhoneAdd(${this.phone}, #${this.pick})`;
}

class PhoneEdit implements CardDavStep {
  constructor(
    readonly phone: PhoneName,
    readonly pick: number,
  ) {}
  check = (m: Readonly<CardDavModel>) => localCards(m, this.phone).length > 0;
  async run(m: CardDavModel, w: CardDavWorld) {
    const uid = pickFrom(localCards(m, this.phone), this.pick) as string;
    const name = m.nextName(uid, this.phone);
    w.journal.push(`PhoneEdit(${this.phone}, ${uid}, "${name}")`);
    m.localUpdate(this.phone, uid, name);
    await w.phones[this.phone].api.update(uid, { formattedName: name });
    w.stats.phoneEdits += 1;
  }
  toString = () => `PhoneEdit(${this.phone}, #${this.pick})`;
}

class PhoneDelete implements CardDavStep {
  constructor(
    readonly phone: PhoneName,
    readonly pick: number,
  ) {}
  check = (m: Readonly<CardDavModel>) => localCards(m, this.phone).length > 0;
  async run(m: CardDavModel, w: CardDavWorld) {
    const uid = pickFrom(localCards(m, this.phone), this.pick) as string;
    w.journal.push(`PhoneDelete(${this.phone}, ${uid})`);
    m.localDelete(this.phone, uid);
    await w.phones[this.phone].api.remove(uid);
    w.stats.phoneEdits += 1;
  }
  toString = () => `PhoneDelete(${this.phone}, #${this.pick})`;
}

/** A third client (the web UI, another device) creates or rewrites a card: a raw conditional PUT. */
class ServerPut implements CardDavStep {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: CardDavModel, w: CardDavWorld) {
    const uid = UIDS[this.pick % UIDS.length] as string;
    const name = m.nextName(uid, 'server');
    w.journal.push(`ServerPut(${uid}, "${name}")`);
    m.serverPut(uid, name);
    const url = `${w.bookUrl}${uid}.vcf`;
    const current = await w.raw.get(url);
    await w.raw.put(
      url,
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `UID:${uid}`,
        `FN:${name}`,
        `N:${name};;;;`,
        `REV:${new Date(m.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
        'END:VCARD',
        '',
      ].join('\r\n'),
      current === undefined ? { create: true } : { ifMatch: current.etag },
    );
    w.stats.serverEdits += 1;
  }
  toString = () => `ServerPut(#${this.pick})`;
}

class ServerDelete implements CardDavStep {
  constructor(readonly pick: number) {}
  check = (m: Readonly<CardDavModel>) => serverCards(m).length > 0;
  async run(m: CardDavModel, w: CardDavWorld) {
    const uid = pickFrom(serverCards(m), this.pick) as string;
    w.journal.push(`ServerDelete(${uid})`);
    m.serverDelete(uid);
    const url = `${w.bookUrl}${uid}.vcf`;
    await w.raw.delete(url, (await w.raw.get(url))?.etag);
    w.stats.serverEdits += 1;
  }
  toString = () => `ServerDelete(#${this.pick})`;
}

/** One sync or full sync; with the network cut it fails and changes nothing (the model's offline sync). */
async function syncPhone(m: CardDavModel, w: CardDavWorld, phone: PhoneName, full: boolean): Promise<void> {
  const api = w.phones[phone].api;
  m.sync(phone);
  if (full) w.stats.fullSyncs += 1;
  else w.stats.syncs += 1;
  if (!w.online[phone]) {
    const outcome = await (full ? api.fullSync() : api.sync()).then(
      (report) => report,
      () => undefined,
    );
    if (outcome !== undefined && outcome.errors.length === 0)
      fail(w, `phone ${phone} synced with its network cut`);
    return;
  }
  checkReport(w, phone, await (full ? api.fullSync() : api.sync()));
}

class Sync implements CardDavStep {
  constructor(
    readonly phone: PhoneName,
    readonly full: boolean,
  ) {}
  check = () => true;
  async run(m: CardDavModel, w: CardDavWorld) {
    w.journal.push(
      `${this.full ? 'FullSync' : 'Sync'}(${this.phone})${w.online[this.phone] ? '' : ' offline'}`,
    );
    await syncPhone(m, w, this.phone, this.full);
  }
  toString = () => `${this.full ? 'FullSync' : 'Sync'}(${this.phone})`;
}

class Network implements CardDavStep {
  constructor(
    readonly phone: PhoneName,
    readonly up: boolean,
  ) {}
  check = (m: Readonly<CardDavModel>) => m.phones[this.phone].online !== this.up;
  async run(m: CardDavModel, w: CardDavWorld) {
    w.journal.push(`Network(${this.phone}, ${this.up ? 'up' : 'cut'})`);
    m.phones[this.phone].online = this.up;
    w.online[this.phone] = this.up;
    if (!this.up) w.stats.networkCuts += 1;
  }
  toString = () => `Network(${this.phone}, ${this.up ? 'up' : 'cut'})`;
}

/**
 * The phone killed mid-sync at a generated boundary (a store bulk before or after its commit, an HTTP
 * request before it goes out or after its answer), restarted, and synced again: the provider's crash
 * points promise that this equals one uninterrupted sync, so the model applies one sync.
 */
class KillMidSync implements CardDavStep {
  constructor(
    readonly phone: PhoneName,
    readonly plan: CrashPlan,
  ) {}
  check = (m: Readonly<CardDavModel>) => m.phones[this.phone].online;
  async run(m: CardDavModel, w: CardDavWorld) {
    const phone = w.phones[this.phone];
    Object.assign(phone.plan, structuredClone(this.plan));
    // Only the armed kill may end this sync early; any other failure is a divergence of its own.
    const killed = await phone.api.sync().then(
      () => false,
      (error: unknown) => {
        if (killedBy(error)) return true;
        fail(w, `sync of ${this.phone} failed with ${String(error)} instead of being killed`);
      },
    );
    w.journal.push(
      `KillMidSync(${this.phone}, ${JSON.stringify(this.plan)})${killed ? '' : ' finished first'}`,
    );
    w.stats.kills += 1;
    if (killed) w.stats.killsThatFired += 1;
    w.phones[this.phone] = await phone.restart();
    w.stats.restarts += 1;
    m.sync(this.phone);
    checkReport(w, this.phone, await w.phones[this.phone].api.sync());
  }
  toString = () => `KillMidSync(${this.phone}, ${JSON.stringify(this.plan)})`;
}

/** Whether an error is the armed kill, itself or as the cause the transport wrapped it in. */
function killedBy(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof SimulatedCrash) return true;
  return false;
}

/** A phone switched off and on between syncs: nothing it holds or owes the server may change. */
class Restart implements CardDavStep {
  constructor(readonly phone: PhoneName) {}
  check = () => true;
  async run(_m: CardDavModel, w: CardDavWorld) {
    w.journal.push(`Restart(${this.phone})`);
    w.phones[this.phone] = await w.phones[this.phone].restart();
    w.stats.restarts += 1;
  }
  toString = () => `Restart(${this.phone})`;
}

const conflictKey = (c: ExpectedConflict) =>
  `${c.uid}: lost ${c.lost === undefined ? 'a delete' : `"${c.lost}"`}`;

/**
 * Every network up, every phone syncs twice (the account's promise: two cycles settle it), then the
 * server and both phones must hold the model's cards, one each per UID, the kept conflicts must be the
 * model's, and a third cycle must be quiet.
 */
export async function settleAndCompare(m: CardDavModel, w: CardDavWorld): Promise<void> {
  w.journal.push('SettleAndCompare');
  for (const phone of PHONES) {
    m.phones[phone].online = true;
    w.online[phone] = true;
  }
  for (let round = 0; round < 2; round += 1) {
    for (const phone of PHONES) await syncPhone(m, w, phone, false);
  }
  if (!m.settled()) fail(w, 'the model itself did not settle in two cycles');
  const expected = Object.fromEntries([...m.server].sort());

  const refs = await w.raw.listCards(w.bookUrl);
  const cards = await w.raw.multiget(
    w.bookUrl,
    refs.map((r) => r.url),
  );
  const server: Record<string, string> = {};
  for (const card of cards) {
    const uid = /^UID:(.*)$/m.exec(card.text)?.[1]?.trim() ?? '(no UID)';
    const name = /^FN:(.*)$/m.exec(card.text)?.[1]?.trim() ?? '(no FN)';
    if (uid in server) fail(w, `the server holds two cards with UID ${uid}`);
    if (!card.url.endsWith(`/${uid}.vcf`)) fail(w, `the server holds UID ${uid} at ${card.url}`);
    server[uid] = name;
  }
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort());
  if (JSON.stringify(sorted(server)) !== JSON.stringify(expected))
    fail(w, `server: ${JSON.stringify(sorted(server))}\n  model: ${JSON.stringify(expected)}`);

  for (const phone of PHONES) {
    const records = await w.phones[phone].records();
    const held: Record<string, string> = {};
    for (const record of records) {
      if (record.id in held) fail(w, `phone ${phone} holds two records ${record.id}`);
      held[record.id] = record.formattedName ?? '';
    }
    if (JSON.stringify(sorted(held)) !== JSON.stringify(expected))
      fail(w, `phone ${phone}: ${JSON.stringify(sorted(held))}\n  model: ${JSON.stringify(expected)}`);

    const kept = (await w.phones[phone].api.conflicts())
      .map((c) => conflictKey({ uid: c.contactId, lost: c.lost?.formattedName }))
      .sort();
    const owed = m.phones[phone].conflicts.map(conflictKey).sort();
    if (JSON.stringify(kept) !== JSON.stringify(owed))
      fail(w, `phone ${phone} kept conflicts ${JSON.stringify(kept)}\n  model: ${JSON.stringify(owed)}`);

    const quiet = await w.phones[phone].api.sync();
    if (quiet.downloaded + quiet.uploaded + quiet.deleted + quiet.conflicts.length + quiet.errors.length > 0)
      fail(w, `phone ${phone}: a third cycle was not quiet: ${JSON.stringify(quiet)}`);
  }
  w.stats.comparisons += 1;
}

class SettleAndCompare implements CardDavStep {
  check = () => true;
  run = settleAndCompare;
  toString = () => 'SettleAndCompare';
}

const phoneArb = fc.constantFrom<PhoneName>(...PHONES);
const pickArb = fc.nat({ max: 20 });
const crashPlanArb: fc.Arbitrary<CrashPlan> = fc.oneof(
  fc.record({
    bulk: fc.record({
      in: fc.integer({ min: 1, max: 3 }),
      when: fc.constantFrom<'before-commit' | 'after-commit'>('before-commit', 'after-commit'),
    }),
  }),
  fc.record({
    request: fc.record({
      in: fc.integer({ min: 1, max: 4 }),
      when: fc.constantFrom<'before-send' | 'after-answer'>('before-send', 'after-answer'),
    }),
  }),
);

/** Every step a sequence is made of, weighted towards edits and syncs so conflicts are frequent. */
export function cardDavStepArbitraries(): fc.Arbitrary<CardDavStep>[] {
  const step = <A>(arb: fc.Arbitrary<A>, make: (a: A) => CardDavStep) => arb.map(make);
  return [
    step(fc.tuple(phoneArb, pickArb), ([p, i]) => new PhoneAdd(p, i)),
    step(fc.tuple(phoneArb, pickArb), ([p, i]) => new PhoneAdd(p, i)),
    step(fc.tuple(phoneArb, pickArb), ([p, i]) => new PhoneEdit(p, i)),
    step(fc.tuple(phoneArb, pickArb), ([p, i]) => new PhoneEdit(p, i)),
    step(fc.tuple(phoneArb, pickArb), ([p, i]) => new PhoneEdit(p, i)),
    step(fc.tuple(phoneArb, pickArb), ([p, i]) => new PhoneDelete(p, i)),
    step(pickArb, (i) => new ServerPut(i)),
    step(pickArb, (i) => new ServerPut(i)),
    step(pickArb, (i) => new ServerDelete(i)),
    step(phoneArb, (p) => new Sync(p, false)),
    step(phoneArb, (p) => new Sync(p, false)),
    step(phoneArb, (p) => new Sync(p, true)),
    step(fc.tuple(phoneArb, fc.boolean()), ([p, up]) => new Network(p, up)),
    step(fc.tuple(phoneArb, crashPlanArb), ([p, plan]) => new KillMidSync(p, plan)),
    step(phoneArb, (p) => new Restart(p)),
    fc.constant(new SettleAndCompare()),
  ];
}
