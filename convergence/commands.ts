import fc from 'fast-check';
import { divergences } from './divergences';
import { IDENTITIES, type KeySet, type RecordSpec } from './identities';
import { observe } from './observedState';
import type { PipelineUnderTest } from './pipelineUnderTest';
import { FACEBOOK_ATTEMPTS } from './pipelineUnderTest';
import { type ModelRecord, PROVIDERS, type ProviderId, type ReferenceModel } from './referenceModel';

/*
 * The steps a generated sequence is made of, as fast-check commands over the reference model and the
 * real pipeline. Each step changes both; `Settle` (and the end of every sequence) lets the pipeline
 * quiesce and compares every reader with the model. A step whose result would depend on the order in
 * which the GCDS considers links is never generated (its `check` refuses it).
 */

export interface SequenceStats {
  steps: number;
  checks: number;
  userActionsKilled: number;
  facebookFailures: number;
}

export function emptyStats(): SequenceStats {
  return { steps: 0, checks: 0, userActionsKilled: 0, facebookFailures: 0 };
}

export interface Real {
  world: PipelineUnderTest;
  stats: SequenceStats;
}

type Spec = Omit<RecordSpec, 'version'>;
type Step = fc.AsyncCommand<ReferenceModel, Real>;

const describeSpec = (s: Spec) =>
  `${IDENTITIES[s.identity]!.given} ${s.keys} tel#${s.phoneStyle} mail#${s.emailStyle}`;

/** Whether the model, changed by `change`, still has one right answer. */
function staysClear(model: Readonly<ReferenceModel>, change: (m: ReferenceModel) => void): boolean {
  const next = (model as ReferenceModel).clone();
  try {
    change(next);
  } catch {
    return false;
  }
  return next.isUnambiguous();
}

function pickFrom<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

const liveFriends = (m: Readonly<ReferenceModel>) =>
  [...m.fbServer].filter(([, f]) => !f.deleted).map(([key]) => key);
const deletedFriends = (m: Readonly<ReferenceModel>) =>
  [...m.fbServer].filter(([, f]) => f.deleted).map(([key]) => key);
const sortedKeys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].sort();

function vcardCards(model: ReferenceModel): Array<[string, RecordSpec]> {
  return sortedKeys(model.vcard).map((key) => [key, model.vcard.get(key)!]);
}

/** Compares every reader with the model after the pipeline has quiesced; throws on any difference. */
export async function settleAndCompare(model: ReferenceModel, real: Real): Promise<void> {
  await real.world.settle();
  model.facebookSynced();
  const observed = await observe(real.world);
  const found = divergences(model, observed, real.world.contactIdOf);
  real.stats.checks += 1;
  if (found.length > 0) throw new Error(`divergence from the model:\n  ${found.join('\n  ')}`);
}

class LocalPut implements Step {
  constructor(
    readonly pick: number | undefined,
    readonly spec: Spec,
  ) {}
  #target(m: Readonly<ReferenceModel>) {
    return this.pick === undefined ? undefined : pickFrom(sortedKeys(m.local), this.pick);
  }
  check(m: Readonly<ReferenceModel>): boolean {
    if (!m.installed.has('local')) return false;
    const target = this.#target(m);
    if (this.pick !== undefined && target === undefined) return false;
    return staysClear(m, (next) => {
      if (target === undefined) next.addLocal({ ...this.spec, version: 0 });
      else next.local.set(target, next.edited(next.local.get(target)!, this.spec));
    });
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    const target = this.#target(m);
    const key = target ?? m.addLocal({ ...this.spec, version: 0 });
    if (target !== undefined) m.local.set(key, m.edited(m.local.get(key)!, this.spec));
    await r.world.localPut(key, m.local.get(key)!);
  }
  toString(): string {
    return this.pick === undefined
      ? `LocalAdd(${describeSpec(this.spec)})`
      : `LocalEdit(#${this.pick} → ${describeSpec(this.spec)})`;
  }
}

class LocalRemove implements Step {
  constructor(readonly pick: number) {}
  check(m: Readonly<ReferenceModel>): boolean {
    const key = pickFrom(sortedKeys(m.local), this.pick);
    return m.installed.has('local') && key !== undefined && staysClear(m, (next) => next.local.delete(key));
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    const key = pickFrom(sortedKeys(m.local), this.pick)!;
    m.local.delete(key);
    await r.world.localRemove(key);
  }
  toString(): string {
    return `LocalRemove(#${this.pick})`;
  }
}

class VcardChange implements Step {
  constructor(
    readonly kind: 'add' | 'edit' | 'remove' | 'removeFile',
    readonly pick: number,
    readonly spec: Spec,
  ) {}
  #apply(m: ReferenceModel): void {
    if (this.kind === 'add') {
      m.addVcard({ ...this.spec, version: 0 });
      return;
    }
    if (this.kind === 'removeFile') {
      m.vcard.clear();
      return;
    }
    const key = pickFrom(sortedKeys(m.vcard), this.pick);
    if (key === undefined) throw new Error('no card');
    if (this.kind === 'remove') m.vcard.delete(key);
    else m.vcard.set(key, m.edited(m.vcard.get(key)!, this.spec));
  }
  check(m: Readonly<ReferenceModel>): boolean {
    return m.installed.has('vcard') && staysClear(m, (next) => this.#apply(next));
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    this.#apply(m);
    if (this.kind === 'removeFile') await r.world.removeVcardFile();
    else await r.world.importVcards(vcardCards(m));
  }
  toString(): string {
    if (this.kind === 'add') return `VcardAdd(${describeSpec(this.spec)})`;
    if (this.kind === 'edit') return `VcardEdit(#${this.pick} → ${describeSpec(this.spec)})`;
    return this.kind === 'remove' ? `VcardRemove(#${this.pick})` : 'VcardRemoveFile';
  }
}

class FriendChange implements Step {
  constructor(
    readonly kind: 'add' | 'edit' | 'delete' | 'undelete',
    readonly pick: number,
    readonly spec: Spec,
  ) {}
  #target(m: Readonly<ReferenceModel>): string | undefined {
    if (this.kind === 'add') return undefined;
    return pickFrom(this.kind === 'undelete' ? deletedFriends(m) : liveFriends(m), this.pick);
  }
  #apply(m: ReferenceModel, target: string | undefined): string {
    if (this.kind === 'add') return m.addFriend({ ...this.spec, version: 0 });
    const friend = m.fbServer.get(target!)!;
    if (this.kind === 'edit') friend.spec = m.edited(friend.spec, this.spec);
    else friend.deleted = this.kind === 'delete';
    return target!;
  }
  check(m: Readonly<ReferenceModel>): boolean {
    const target = this.#target(m);
    if (this.kind !== 'add' && target === undefined) return false;
    return staysClear(m, (next) => this.#apply(next, target));
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    const key = this.#apply(m, this.#target(m));
    const spec = m.fbServer.get(key)!.spec;
    if (this.kind === 'add') r.world.friendAdd(key, spec);
    else if (this.kind === 'edit') r.world.friendEdit(key, spec);
    else if (this.kind === 'delete') r.world.friendDelete(key);
    else r.world.friendUndelete(key);
  }
  toString(): string {
    if (this.kind === 'add') return `FriendAdd(${describeSpec(this.spec)})`;
    if (this.kind === 'edit') return `FriendEdit(#${this.pick} → ${describeSpec(this.spec)})`;
    return `Friend${this.kind === 'delete' ? 'Delete' : 'Undelete'}(#${this.pick})`;
  }
}

class FacebookSync implements Step {
  constructor(
    readonly failures: number,
    readonly status: 503 | 429 | 400,
  ) {}
  check(m: Readonly<ReferenceModel>): boolean {
    return m.installed.has('facebook-sim');
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    // Retryable failures are retried up to the policy's attempts; a 400 is not retried at all.
    const expected = this.failures === 0 || (this.status !== 400 && this.failures < FACEBOOK_ATTEMPTS);
    const synced = await r.world.facebookSync(this.failures, this.status);
    if (synced !== expected) {
      throw new Error(`facebook-sim sync ${synced ? 'succeeded' : 'failed'}, expected the opposite`);
    }
    if (!synced) r.stats.facebookFailures += 1;
    if (synced) m.facebookSynced();
  }
  toString(): string {
    return this.failures === 0 ? 'FacebookSync' : `FacebookSync(${this.failures}×${this.status})`;
  }
}

class FacebookPurge implements Step {
  check(): boolean {
    return true;
  }
  async run(_m: ReferenceModel, r: Real): Promise<void> {
    r.world.server.purgeDeleted();
  }
  toString(): string {
    return 'FacebookPurge';
  }
}

class Install implements Step {
  constructor(readonly provider: ProviderId) {}
  check(m: Readonly<ReferenceModel>): boolean {
    return !m.installed.has(this.provider);
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    m.install(this.provider);
    await r.world.install(this.provider);
    if (this.provider === 'facebook-sim') {
      if (!(await r.world.facebookSync())) throw new Error('the first facebook-sim sync failed');
      m.facebookSynced();
    }
  }
  toString(): string {
    return `Install(${this.provider})`;
  }
}

class Uninstall implements Step {
  constructor(readonly provider: ProviderId) {}
  check(m: Readonly<ReferenceModel>): boolean {
    return m.installed.has(this.provider) && staysClear(m, (next) => next.uninstall(this.provider));
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    m.uninstall(this.provider);
    await r.world.uninstall(this.provider);
  }
  toString(): string {
    return `Uninstall(${this.provider})`;
  }
}

function recordAt(m: Readonly<ReferenceModel>, pick: number): ModelRecord | undefined {
  return pickFrom(m.records(), pick);
}

class Merge implements Step {
  constructor(
    readonly a: number,
    readonly b: number,
  ) {}
  check(m: Readonly<ReferenceModel>): boolean {
    const a = recordAt(m, this.a);
    const b = recordAt(m, this.b);
    if (a === undefined || b === undefined) return false;
    return staysClear(m, (next) => next.merge(a.key, b.key));
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    const a = recordAt(m, this.a)!;
    const b = recordAt(m, this.b)!;
    if (await r.world.merge(a, b)) m.merge(a.key, b.key);
    else r.stats.userActionsKilled += 1;
  }
  toString(): string {
    return `Merge(#${this.a}, #${this.b})`;
  }
}

class Unmerge implements Step {
  constructor(readonly pick: number) {}
  check(m: Readonly<ReferenceModel>): boolean {
    const a = recordAt(m, this.pick);
    if (a === undefined) return false;
    const group = (m as ReferenceModel).groups().find((g) => g.includes(a.key));
    return group !== undefined && group.length > 1 && staysClear(m, (next) => next.unmerge(a.key));
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    const a = recordAt(m, this.pick)!;
    if (await r.world.unmerge(a)) m.unmerge(a.key);
    else r.stats.userActionsKilled += 1;
  }
  toString(): string {
    return `Unmerge(#${this.pick})`;
  }
}

class DismissSuggestion implements Step {
  constructor(readonly pick: number) {}
  check(m: Readonly<ReferenceModel>): boolean {
    return recordAt(m, this.pick) !== undefined;
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    const pairs = await r.world.dismissFirstSuggestion(recordAt(m, this.pick)!);
    if (pairs === undefined) r.stats.userActionsKilled += 1;
    else m.dismiss(pairs);
  }
  toString(): string {
    return `DismissSuggestion(#${this.pick})`;
  }
}

class KillGcds implements Step {
  constructor(readonly inCommits: number) {}
  check(): boolean {
    return true;
  }
  async run(_m: ReferenceModel, r: Real): Promise<void> {
    r.world.gcdsKill.armIn(this.inCommits);
    // Let whatever is under way run into it.
    await r.world.gcdsIdle();
  }
  toString(): string {
    return `KillGcdsAtCommit(+${this.inCommits})`;
  }
}

class RestartGcds implements Step {
  check(): boolean {
    return true;
  }
  async run(_m: ReferenceModel, r: Real): Promise<void> {
    await r.world.restartGcds();
  }
  toString(): string {
    return 'RestartGcds';
  }
}

class ConsumerLife implements Step {
  constructor(
    readonly consumer: string,
    readonly action: 'kill' | 'close' | 'open',
    readonly inCommits: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(_m: ReferenceModel, r: Real): Promise<void> {
    const slot = r.world.slot(this.consumer);
    if (this.action === 'open') await r.world.openConsumer(this.consumer);
    else if (this.action === 'close') await r.world.closeConsumer(this.consumer);
    else if (slot.instance !== undefined) {
      slot.kill.armIn(this.inCommits);
      await slot.instance.consumer.sync.whenIdle();
    }
  }
  toString(): string {
    return this.action === 'kill'
      ? `Kill(${this.consumer}, +${this.inCommits})`
      : `${this.action === 'open' ? 'Open' : 'Close'}(${this.consumer})`;
  }
}

class Compact implements Step {
  check(): boolean {
    return true;
  }
  async run(_m: ReferenceModel, r: Real): Promise<void> {
    await r.world.compactProviders();
  }
  toString(): string {
    return 'CompactProviderLogs';
  }
}

class Settle implements Step {
  check(): boolean {
    return true;
  }
  async run(m: ReferenceModel, r: Real): Promise<void> {
    await settleAndCompare(m, r);
  }
  toString(): string {
    return 'SettleAndCompare';
  }
}

/** Wraps every step so the counts know how many ran. */
function counted(step: Step): Step {
  return {
    check: (m) => step.check(m),
    run: async (m, r) => {
      r.stats.steps += 1;
      await step.run(m, r);
    },
    toString: () => step.toString(),
  };
}

export interface CommandOptions {
  /** How many identities the sequences draw from (fewer: more duplicates). */
  identities: number;
  consumers: readonly string[];
}

/** The arbitraries of every step, weighted towards provider activity. */
export function stepArbitraries(options: CommandOptions): fc.Arbitrary<Step>[] {
  const spec: fc.Arbitrary<Spec> = fc.record({
    identity: fc.integer({ min: 0, max: options.identities - 1 }),
    keys: fc.constantFrom<KeySet>('both', 'phone', 'email'),
    phoneStyle: fc.integer({ min: 0, max: 2 }),
    emailStyle: fc.integer({ min: 0, max: 2 }),
  });
  const pick = fc.nat({ max: 50 });
  const provider = fc.constantFrom(...PROVIDERS);
  const consumer = fc.constantFrom(...options.consumers);
  const steps: fc.Arbitrary<Step>[] = [
    spec.map((s) => new LocalPut(undefined, s)),
    spec.map((s) => new LocalPut(undefined, s)),
    fc.tuple(pick, spec).map(([p, s]) => new LocalPut(p, s)),
    pick.map((p) => new LocalRemove(p)),
    spec.map((s) => new VcardChange('add', 0, s)),
    spec.map((s) => new VcardChange('add', 0, s)),
    fc.tuple(pick, spec).map(([p, s]) => new VcardChange('edit', p, s)),
    pick.map(
      (p) => new VcardChange('remove', p, { identity: 0, keys: 'both', phoneStyle: 0, emailStyle: 0 }),
    ),
    fc.constant(
      new VcardChange('removeFile', 0, { identity: 0, keys: 'both', phoneStyle: 0, emailStyle: 0 }),
    ),
    spec.map((s) => new FriendChange('add', 0, s)),
    spec.map((s) => new FriendChange('add', 0, s)),
    fc.tuple(pick, spec).map(([p, s]) => new FriendChange('edit', p, s)),
    pick.map(
      (p) => new FriendChange('delete', p, { identity: 0, keys: 'both', phoneStyle: 0, emailStyle: 0 }),
    ),
    pick.map(
      (p) => new FriendChange('undelete', p, { identity: 0, keys: 'both', phoneStyle: 0, emailStyle: 0 }),
    ),
    fc.constant(new FacebookSync(0, 503)),
    fc.constant(new FacebookSync(0, 503)),
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom<503 | 429 | 400>(503, 429, 400))
      .map(([n, status]) => new FacebookSync(n, status)),
    fc.constant(new FacebookPurge()),
    provider.map((p) => new Install(p)),
    provider.map((p) => new Uninstall(p)),
    fc.tuple(pick, pick).map(([a, b]) => new Merge(a, b)),
    fc.tuple(pick, pick).map(([a, b]) => new Merge(a, b)),
    pick.map((p) => new Unmerge(p)),
    pick.map((p) => new DismissSuggestion(p)),
    fc.integer({ min: 1, max: 3 }).map((n) => new KillGcds(n)),
    fc.constant(new RestartGcds()),
    fc.tuple(consumer, fc.integer({ min: 1, max: 3 })).map(([c, n]) => new ConsumerLife(c, 'kill', n)),
    consumer.map((c) => new ConsumerLife(c, 'close', 0)),
    consumer.map((c) => new ConsumerLife(c, 'open', 0)),
    fc.constant(new Compact()),
    fc.constant(new Settle()),
  ];
  return steps.map((arbitrary) => arbitrary.map(counted));
}
