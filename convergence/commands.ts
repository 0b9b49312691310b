import fc from 'fast-check';
import { divergences, suggestionDivergences } from './divergences';
import { IDENTITIES, type KeySet, type RecordSpec } from './identities';
import { observe } from './observedState';
import { FACEBOOK_ATTEMPTS, type PipelineUnderTest } from './pipelineUnderTest';
import { type ModelRecord, PROVIDERS, type ProviderId, type ReferenceModel } from './referenceModel';

/*
 * The steps a sequence is made of, as fast-check commands over the reference model and the real
 * pipeline. Each step changes both; `settle` (and the end of every sequence) lets the pipeline quiesce
 * and compares every reader with the model. A step whose result would depend on the order in which the
 * GCDS considers links is never run (its `check` refuses it). Generated steps pick records by index
 * (modulo what exists, so they shrink well); scripted steps name them by model key.
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
  /** What each step did, with the records it resolved to: printed with a divergence. */
  journal: string[];
}

export function realOf(world: PipelineUnderTest): Real {
  return { world, stats: emptyStats(), journal: [] };
}

export type Spec = Omit<RecordSpec, 'version'>;
export type Step = fc.AsyncCommand<ReferenceModel, Real>;
/** A record by index among those that exist (generated), or by model key (scripted). */
export type Pick = number | string;

const NO_SPEC: Spec = { identity: 0, keys: 'both', phoneStyle: 0, emailStyle: 0 };

const describeSpec = (s: Spec) =>
  `${IDENTITIES[s.identity]!.given} ${s.keys} tel#${s.phoneStyle} mail#${s.emailStyle}`;
const describePick = (pick: Pick) => (typeof pick === 'number' ? `#${pick}` : pick);

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

function pickFrom(list: readonly string[], pick: Pick): string | undefined {
  if (typeof pick === 'string') return list.includes(pick) ? pick : undefined;
  return list.length === 0 ? undefined : list[pick % list.length];
}

const liveFriends = (m: Readonly<ReferenceModel>) =>
  [...m.fbServer].filter(([, f]) => !f.deleted).map(([key]) => key);
const deletedFriends = (m: Readonly<ReferenceModel>) =>
  [...m.fbServer].filter(([, f]) => f.deleted).map(([key]) => key);
const sortedKeys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].sort();

function recordAt(m: Readonly<ReferenceModel>, pick: Pick): ModelRecord | undefined {
  const records = m.records();
  const key = pickFrom(
    records.map((r) => r.key),
    pick,
  );
  return records.find((r) => r.key === key);
}

function vcardCards(model: ReferenceModel): Array<[string, RecordSpec]> {
  return sortedKeys(model.vcard).map((key) => [key, model.vcard.get(key)!]);
}

/** Compares every reader with the model after the pipeline has quiesced; throws on any difference. */
export async function settleAndCompare(model: ReferenceModel, real: Real): Promise<void> {
  await real.world.settle();
  model.facebookSynced();
  const observed = await observe(real.world);
  const found = [
    ...divergences(model, observed, real.world.contactIdOf),
    ...(await suggestionDivergences(model, real.world)),
  ];
  real.stats.checks += 1;
  if (found.length > 0) {
    throw new Error(
      `divergence from the model:\n  ${found.join('\n  ')}\nsteps as run:\n  ${real.journal.join('\n  ')}`,
    );
  }
}

/** A step: its precondition on the model, and what it does to the model and the pipeline. */
function step(
  name: string,
  check: (m: Readonly<ReferenceModel>) => boolean,
  run: (m: ReferenceModel, r: Real) => Promise<string | undefined>,
): Step {
  return {
    check,
    run: async (m, r) => {
      r.stats.steps += 1;
      const done = await run(m, r);
      r.journal.push(done === undefined ? name : `${name} → ${done}`);
    },
    toString: () => name,
  };
}

// --- provider activity ---

function localPut(pick: Pick | undefined, spec: Spec): Step {
  const target = (m: Readonly<ReferenceModel>) =>
    pick === undefined ? undefined : pickFrom(sortedKeys(m.local), pick);
  return step(
    pick === undefined
      ? `LocalAdd(${describeSpec(spec)})`
      : `LocalEdit(${describePick(pick)}, ${describeSpec(spec)})`,
    (m) => {
      if (!m.installed.has('local')) return false;
      const key = target(m);
      if (pick !== undefined && key === undefined) return false;
      return staysClear(m, (next) => {
        if (key === undefined) next.addLocal({ ...spec, version: 0 });
        else next.local.set(key, next.edited(next.local.get(key)!, spec));
      });
    },
    async (m, r) => {
      const existing = target(m);
      const key = existing ?? m.addLocal({ ...spec, version: 0 });
      if (existing !== undefined) m.local.set(key, m.edited(m.local.get(key)!, spec));
      await r.world.localPut(key, m.local.get(key)!);
      return key;
    },
  );
}

function localRemove(pick: Pick): Step {
  return step(
    `LocalRemove(${describePick(pick)})`,
    (m) => {
      const key = pickFrom(sortedKeys(m.local), pick);
      return m.installed.has('local') && key !== undefined && staysClear(m, (next) => next.local.delete(key));
    },
    async (m, r) => {
      const key = pickFrom(sortedKeys(m.local), pick)!;
      m.local.delete(key);
      await r.world.localRemove(key);
      return key;
    },
  );
}

type VcardKind = 'add' | 'edit' | 'remove' | 'removeFile';

function vcardChange(kind: VcardKind, pick: Pick, spec: Spec): Step {
  const apply = (m: ReferenceModel): string => {
    if (kind === 'add') return m.addVcard({ ...spec, version: 0 });
    if (kind === 'removeFile') {
      m.vcard.clear();
      return VCARD_ALL;
    }
    const key = pickFrom(sortedKeys(m.vcard), pick);
    if (key === undefined) throw new Error('no card');
    if (kind === 'remove') m.vcard.delete(key);
    else m.vcard.set(key, m.edited(m.vcard.get(key)!, spec));
    return key;
  };
  const name =
    kind === 'add'
      ? `VcardAdd(${describeSpec(spec)})`
      : kind === 'edit'
        ? `VcardEdit(${describePick(pick)}, ${describeSpec(spec)})`
        : kind === 'remove'
          ? `VcardRemove(${describePick(pick)})`
          : 'VcardRemoveFile';
  return step(
    name,
    (m) => m.installed.has('vcard') && staysClear(m, (next) => apply(next)),
    async (m, r) => {
      const key = apply(m);
      if (kind === 'removeFile') await r.world.removeVcardFile();
      else await r.world.importVcards(vcardCards(m));
      return key;
    },
  );
}

const VCARD_ALL = 'every card';

type FriendKind = 'add' | 'edit' | 'delete' | 'undelete';

function friendChange(kind: FriendKind, pick: Pick, spec: Spec): Step {
  const target = (m: Readonly<ReferenceModel>) =>
    kind === 'add' ? undefined : pickFrom(kind === 'undelete' ? deletedFriends(m) : liveFriends(m), pick);
  const apply = (m: ReferenceModel, key: string | undefined): string => {
    if (kind === 'add') return m.addFriend({ ...spec, version: 0 });
    const friend = m.fbServer.get(key!)!;
    if (kind === 'edit') friend.spec = m.edited(friend.spec, spec);
    else friend.deleted = kind === 'delete';
    return key!;
  };
  const name =
    kind === 'add'
      ? `FriendAdd(${describeSpec(spec)})`
      : kind === 'edit'
        ? `FriendEdit(${describePick(pick)}, ${describeSpec(spec)})`
        : `Friend${kind === 'delete' ? 'Delete' : 'Undelete'}(${describePick(pick)})`;
  return step(
    name,
    (m) => {
      const key = target(m);
      if (kind !== 'add' && key === undefined) return false;
      return staysClear(m, (next) => apply(next, key));
    },
    async (m, r) => {
      const key = apply(m, target(m));
      const friend = m.fbServer.get(key)!.spec;
      if (kind === 'add') r.world.friendAdd(key, friend);
      else if (kind === 'edit') r.world.friendEdit(key, friend);
      else if (kind === 'delete') r.world.friendDelete(key);
      else r.world.friendUndelete(key);
      return key;
    },
  );
}

function facebookSync(failures: number, status: 503 | 429 | 400): Step {
  return step(
    failures === 0 ? 'FacebookSync' : `FacebookSync(${failures}×${status})`,
    (m) => m.installed.has('facebook-sim'),
    async (m, r) => {
      // Retryable failures are retried up to the policy's attempts; a 400 is not retried at all.
      const expected = failures === 0 || (status !== 400 && failures < FACEBOOK_ATTEMPTS);
      const synced = await r.world.facebookSync(failures, status);
      if (synced !== expected) {
        throw new Error(`facebook-sim sync ${synced ? 'succeeded' : 'failed'}, expected the opposite`);
      }
      if (!synced) r.stats.facebookFailures += 1;
      if (synced) m.facebookSynced();
      return synced ? 'synced' : 'failed';
    },
  );
}

function facebookPurge(): Step {
  return step(
    'FacebookPurge',
    () => true,
    async (m, r) => {
      // Purged friends are gone for good: they can no longer be restored.
      for (const key of deletedFriends(m)) m.fbServer.delete(key);
      return `${r.world.server.purgeDeleted()} purged`;
    },
  );
}

function install(provider: ProviderId): Step {
  return step(
    `Install(${provider})`,
    // Installing facebook-sim syncs it: the network as it now is must have one right answer.
    (m) => !m.installed.has(provider) && staysClear(m, (next) => next.install(provider)),
    async (m, r) => {
      m.install(provider);
      await r.world.install(provider);
      if (provider === 'facebook-sim') {
        if (!(await r.world.facebookSync())) throw new Error('the first facebook-sim sync failed');
        m.facebookSynced();
      }
      return undefined;
    },
  );
}

function uninstall(provider: ProviderId): Step {
  return step(
    `Uninstall(${provider})`,
    (m) => m.installed.has(provider) && staysClear(m, (next) => next.uninstall(provider)),
    async (m, r) => {
      m.uninstall(provider);
      await r.world.uninstall(provider);
      return undefined;
    },
  );
}

// --- the user ---

function merge(a: Pick, b: Pick): Step {
  return step(
    `Merge(${describePick(a)}, ${describePick(b)})`,
    (m) => {
      const x = recordAt(m, a);
      const y = recordAt(m, b);
      return x !== undefined && y !== undefined && staysClear(m, (next) => next.merge(x.key, y.key));
    },
    async (m, r) => {
      const x = recordAt(m, a)!;
      const y = recordAt(m, b)!;
      if (!(await r.world.merge(x, y))) {
        r.stats.userActionsKilled += 1;
        return `the people of ${x.key} and ${y.key}: killed, not merged`;
      }
      m.merge(x.key, y.key);
      return `the people of ${x.key} and ${y.key}`;
    },
  );
}

function unmerge(pick: Pick): Step {
  return step(
    `Unmerge(${describePick(pick)})`,
    (m) => {
      const x = recordAt(m, pick);
      if (x === undefined) return false;
      const group = (m as ReferenceModel).groups().find((g) => g.includes(x.key));
      return group !== undefined && group.length > 1 && staysClear(m, (next) => next.unmerge(x.key));
    },
    async (m, r) => {
      const x = recordAt(m, pick)!;
      if (!(await r.world.unmerge(x))) {
        r.stats.userActionsKilled += 1;
        return `the person of ${x.key}: killed, not split`;
      }
      m.unmerge(x.key);
      return `the person of ${x.key}`;
    },
  );
}

function dismissSuggestion(pick: Pick): Step {
  return step(
    `DismissSuggestion(${describePick(pick)})`,
    (m) => recordAt(m, pick) !== undefined,
    async (m, r) => {
      const x = recordAt(m, pick)!;
      const pairs = await r.world.dismissFirstSuggestion(x);
      if (pairs === undefined) {
        r.stats.userActionsKilled += 1;
        return `for ${x.key}: killed`;
      }
      m.dismiss(pairs);
      return pairs.length === 0
        ? `nothing suggested for ${x.key}`
        : `${pairs.map((p) => p.join('~')).join(', ')}`;
    },
  );
}

// --- the system ---

function killGcds(inCommits: number): Step {
  return step(
    `KillGcdsAtCommit(+${inCommits})`,
    () => true,
    async (_m, r) => {
      r.world.gcdsKill.armIn(inCommits);
      // Let whatever is under way run into it.
      await r.world.gcdsIdle();
      return r.world.gcdsKill.dead ? 'dead' : 'armed';
    },
  );
}

function restartGcds(): Step {
  return step(
    'RestartGcds',
    () => true,
    async (_m, r) => {
      await r.world.restartGcds();
      return undefined;
    },
  );
}

function consumerLife(consumer: string, action: 'kill' | 'close' | 'open', inCommits = 1): Step {
  const name =
    action === 'kill'
      ? `Kill(${consumer}, +${inCommits})`
      : `${action === 'open' ? 'Open' : 'Close'}(${consumer})`;
  return step(
    name,
    () => true,
    async (_m, r) => {
      const slot = r.world.slot(consumer);
      if (action === 'open') await r.world.openConsumer(consumer);
      else if (action === 'close') await r.world.closeConsumer(consumer);
      else if (slot.instance !== undefined) {
        slot.kill.armIn(inCommits);
        await slot.instance.consumer.sync.whenIdle();
        return slot.kill.dead ? 'dead' : 'armed';
      }
      return undefined;
    },
  );
}

function compact(): Step {
  return step(
    'CompactProviderLogs',
    () => true,
    async (_m, r) => {
      await r.world.compactProviders();
      return undefined;
    },
  );
}

function settle(): Step {
  return step(
    'SettleAndCompare',
    () => true,
    async (m, r) => {
      await settleAndCompare(m, r);
      return undefined;
    },
  );
}

/** Steps by name, for scripted sequences. */
export const steps = {
  localAdd: (spec: Spec) => localPut(undefined, spec),
  localEdit: (pick: Pick, spec: Spec) => localPut(pick, spec),
  localRemove,
  vcardAdd: (spec: Spec) => vcardChange('add', 0, spec),
  vcardEdit: (pick: Pick, spec: Spec) => vcardChange('edit', pick, spec),
  vcardRemove: (pick: Pick) => vcardChange('remove', pick, NO_SPEC),
  vcardRemoveFile: () => vcardChange('removeFile', 0, NO_SPEC),
  friendAdd: (spec: Spec) => friendChange('add', 0, spec),
  friendEdit: (pick: Pick, spec: Spec) => friendChange('edit', pick, spec),
  friendDelete: (pick: Pick) => friendChange('delete', pick, NO_SPEC),
  friendUndelete: (pick: Pick) => friendChange('undelete', pick, NO_SPEC),
  facebookSync: (failures = 0, status: 503 | 429 | 400 = 503) => facebookSync(failures, status),
  facebookPurge,
  install,
  uninstall,
  merge,
  unmerge,
  dismissSuggestion,
  killGcds,
  restartGcds,
  killConsumer: (consumer: string, inCommits: number) => consumerLife(consumer, 'kill', inCommits),
  closeConsumer: (consumer: string) => consumerLife(consumer, 'close'),
  openConsumer: (consumer: string) => consumerLife(consumer, 'open'),
  compact,
  settle,
};

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
  return [
    spec.map(steps.localAdd),
    spec.map(steps.localAdd),
    fc.tuple(pick, spec).map(([p, s]) => steps.localEdit(p, s)),
    pick.map(steps.localRemove),
    spec.map(steps.vcardAdd),
    spec.map(steps.vcardAdd),
    fc.tuple(pick, spec).map(([p, s]) => steps.vcardEdit(p, s)),
    pick.map(steps.vcardRemove),
    fc.constant(null).map(steps.vcardRemoveFile),
    spec.map(steps.friendAdd),
    spec.map(steps.friendAdd),
    fc.tuple(pick, spec).map(([p, s]) => steps.friendEdit(p, s)),
    pick.map(steps.friendDelete),
    pick.map(steps.friendUndelete),
    fc.constant(0).map((n) => steps.facebookSync(n)),
    fc.constant(0).map((n) => steps.facebookSync(n)),
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom<503 | 429 | 400>(503, 429, 400))
      .map(([n, status]) => steps.facebookSync(n, status)),
    fc.constant(null).map(steps.facebookPurge),
    provider.map(steps.install),
    provider.map(steps.uninstall),
    fc.tuple(pick, pick).map(([a, b]) => steps.merge(a, b)),
    fc.tuple(pick, pick).map(([a, b]) => steps.merge(a, b)),
    pick.map(steps.unmerge),
    pick.map(steps.dismissSuggestion),
    fc.integer({ min: 1, max: 3 }).map(steps.killGcds),
    fc.constant(null).map(steps.restartGcds),
    fc.tuple(consumer, fc.integer({ min: 1, max: 3 })).map(([c, n]) => steps.killConsumer(c, n)),
    consumer.map(steps.closeConsumer),
    consumer.map(steps.openConsumer),
    fc.constant(null).map(steps.compact),
    fc.constant(null).map(steps.settle),
  ];
}
