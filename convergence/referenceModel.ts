import {
  emailWritten,
  hasEmail,
  hasPhone,
  identityOf,
  markerOf,
  phoneWritten,
  type RecordSpec,
  significantDigits,
} from './identities';

/*
 * The reference model: plain in-memory code, written apart from the implementation, of what every
 * consumer should show. It never calls the GCDS, its clustering or the merged-view composer. Its rules:
 *
 * - What the GCDS sees: the records of installed providers (facebook-sim: as of its last successful sync).
 * - User decisions are kept per pair of source records and outlive edits, deletes and reinstalls.
 *   Merging people ties every pair across them together; unmerging sets every pair of the person apart;
 *   dismissing a suggestion changes no grouping.
 * - People: the groups the user tied together; then groups of a single identity join other groups of
 *   that identity through records that share its number or address: across providers either one will
 *   do (a record without the other key is a subset, not a conflict); within one provider the records
 *   need the same numbers (an identity has one: both carry it) or both keys. Identities share no name
 *   word, number or address, so a compatible name is the same identity. A group holding two identities
 *   (the user's doing) takes no automatic joins: another name conflicts with one of its members.
 * - A reader sees the people it may read a source of, with only those sources; single-valued fields
 *   come from the primary readable source (local first, then the lower access level, then source key);
 *   numbers and addresses are the union of the readable sources'.
 *
 * Where that leaves the answer to the order in which the GCDS happens to consider links (a pair set
 * apart inside what would otherwise be one group), the state is ambiguous: `groups()` throws, and the
 * generated sequences never go there.
 */

export type ProviderId = 'local' | 'vcard' | 'facebook-sim';
export type ReaderLevel = 'web' | 'privileged' | 'certified';

export const PROVIDERS: readonly ProviderId[] = ['local', 'vcard', 'facebook-sim'];
export const READER_LEVELS: readonly ReaderLevel[] = ['web', 'privileged', 'certified'];

const LEVEL_RANK: Record<ReaderLevel, number> = { web: 0, privileged: 1, certified: 2 };
export const PROVIDER_LEVEL: Record<ProviderId, ReaderLevel> = {
  local: 'privileged',
  vcard: 'privileged',
  'facebook-sim': 'certified',
};

export function mayRead(reader: ReaderLevel, provider: ProviderId): boolean {
  return LEVEL_RANK[reader] >= LEVEL_RANK[PROVIDER_LEVEL[provider]];
}

export type DecisionKind = 'together' | 'separate' | 'dismissed';

export interface ModelRecord extends RecordSpec {
  key: string;
  provider: ProviderId;
}

/** What one reader should show of one person. */
export interface ExpectedPerson {
  /** Model keys of the readable sources, sorted. */
  sources: string[];
  displayName: string;
  /** The primary readable source's organisation (its marker). */
  org: string;
  /** National significant digits of every number, sorted, once each. */
  phones: string[];
  /** Lower-cased addresses, sorted, once each. */
  emails: string[];
}

export class AmbiguousState extends Error {
  override readonly name = 'AmbiguousState';
}

/** Names a model record by its provider's real record id (vCard and facebook ids are not ours to pick). */
export type ContactIdOf = (record: ModelRecord) => string;

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export class ReferenceModel {
  readonly installed = new Set<ProviderId>(PROVIDERS);
  readonly local = new Map<string, RecordSpec>();
  readonly vcard = new Map<string, RecordSpec>();
  /** The network's friends, deleted ones included (soft deletes until purged). */
  readonly fbServer = new Map<string, { spec: RecordSpec; deleted: boolean }>();
  /** What the facebook-sim store holds: the network as of its last successful sync. */
  readonly fbStore = new Map<string, RecordSpec>();
  readonly decisions = new Map<string, DecisionKind>();
  #next = 0;

  clone(): ReferenceModel {
    const copy = new ReferenceModel();
    copy.installed.clear();
    for (const p of this.installed) copy.installed.add(p);
    for (const [k, v] of this.local) copy.local.set(k, { ...v });
    for (const [k, v] of this.vcard) copy.vcard.set(k, { ...v });
    for (const [k, v] of this.fbServer) copy.fbServer.set(k, { spec: { ...v.spec }, deleted: v.deleted });
    for (const [k, v] of this.fbStore) copy.fbStore.set(k, { ...v });
    for (const [k, v] of this.decisions) copy.decisions.set(k, v);
    copy.#next = this.#next;
    return copy;
  }

  /** The key the next added record gets: unique across providers, prefixed by where it lives. */
  nextKey(provider: ProviderId): string {
    const prefix = provider === 'local' ? 'l' : provider === 'vcard' ? 'v' : 'f';
    return `${prefix}${this.#next + 1}`;
  }

  #take(provider: ProviderId): string {
    const key = this.nextKey(provider);
    this.#next += 1;
    return key;
  }

  // --- provider activity ---

  addLocal(spec: RecordSpec): string {
    const key = this.#take('local');
    this.local.set(key, { ...spec, version: 0 });
    return key;
  }

  addVcard(spec: RecordSpec): string {
    const key = this.#take('vcard');
    this.vcard.set(key, { ...spec, version: 0 });
    return key;
  }

  addFriend(spec: RecordSpec): string {
    const key = this.#take('facebook-sim');
    this.fbServer.set(key, { spec: { ...spec, version: 0 }, deleted: false });
    return key;
  }

  /** An edit: the new spec, one version on. */
  edited(previous: RecordSpec, next: Omit<RecordSpec, 'version'>): RecordSpec {
    return { ...next, version: previous.version + 1 };
  }

  /** The facebook-sim store caught up with the network. */
  facebookSynced(): void {
    if (!this.installed.has('facebook-sim')) return;
    this.fbStore.clear();
    for (const [key, friend] of this.fbServer) if (!friend.deleted) this.fbStore.set(key, { ...friend.spec });
  }

  install(provider: ProviderId): void {
    this.installed.add(provider);
  }

  /** The provider's store goes with it; the network and the user's decisions stay. */
  uninstall(provider: ProviderId): void {
    this.installed.delete(provider);
    if (provider === 'local') this.local.clear();
    if (provider === 'vcard') this.vcard.clear();
    if (provider === 'facebook-sim') this.fbStore.clear();
  }

  // --- what the GCDS sees ---

  records(): ModelRecord[] {
    const all: ModelRecord[] = [];
    const add = (provider: ProviderId, map: Map<string, RecordSpec>) => {
      if (!this.installed.has(provider)) return;
      for (const [key, spec] of map) all.push({ ...spec, key, provider });
    };
    add('local', this.local);
    add('vcard', this.vcard);
    add('facebook-sim', this.fbStore);
    return all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Records of one provider that are one identity must all carry its number when there are several. */
  sameProviderDuplicatesAreStrong(): boolean {
    const seen = new Map<string, ModelRecord[]>();
    for (const record of this.records()) {
      const group = `${record.provider}/${record.identity}`;
      seen.set(group, [...(seen.get(group) ?? []), record]);
    }
    const fbNetwork = new Map<number, RecordSpec[]>();
    for (const friend of this.fbServer.values()) {
      if (!friend.deleted)
        fbNetwork.set(friend.spec.identity, [...(fbNetwork.get(friend.spec.identity) ?? []), friend.spec]);
    }
    // Records of one provider and identity that all hold its number link to one another directly; one
    // without it could join them only through another provider, which the GCDS refuses (one provider's
    // two records that are not the same card contradict), so the answer would depend on link order.
    const strong = (specs: readonly RecordSpec[]) => specs.length <= 1 || specs.every(hasPhone);
    return [...seen.values()].every(strong) && [...fbNetwork.values()].every(strong);
  }

  // --- user decisions ---

  /** The user merges the people holding these records. */
  merge(a: string, b: string): void {
    const groups = this.groups();
    const left = groups.find((g) => g.includes(a));
    const right = groups.find((g) => g.includes(b));
    if (left === undefined || right === undefined || left === right)
      throw new Error('merge needs two people');
    for (const x of left) for (const y of right) this.decisions.set(pairKey(x, y), 'together');
  }

  /** The user splits the person holding this record into its sources. */
  unmerge(a: string): void {
    const group = this.groups().find((g) => g.includes(a));
    if (group === undefined) throw new Error(`no person holds ${a}`);
    for (const x of group) for (const y of group) if (x < y) this.decisions.set(pairKey(x, y), 'separate');
  }

  /** The user dismissed a suggestion: remembered per pair, but never over a merge or an unmerge. */
  dismiss(pairs: ReadonlyArray<readonly [string, string]>): void {
    for (const [x, y] of pairs) {
      const key = pairKey(x, y);
      if (!this.decisions.has(key)) this.decisions.set(key, 'dismissed');
    }
  }

  decisionOf(a: string, b: string): DecisionKind | undefined {
    return this.decisions.get(pairKey(a, b));
  }

  // --- people ---

  /** The people the GCDS should hold, as sorted lists of model keys, sorted. */
  groups(): string[][] {
    const records = this.records();
    const byKey = new Map(records.map((r) => [r.key, r]));
    const parent = new Map(records.map((r) => [r.key, r.key]));
    const find = (key: string): string => {
      let root = key;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(key, root);
      return root;
    };
    const hasSeparatePair = (keys: readonly string[]) =>
      keys.some((x) => keys.some((y) => x < y && this.decisionOf(x, y) === 'separate'));

    // 1. What the user tied together.
    for (const [pair, kind] of this.decisions) {
      if (kind !== 'together') continue;
      const [x, y] = pair.split('|') as [string, string];
      if (byKey.has(x) && byKey.has(y)) parent.set(find(x), find(y));
    }
    const userGroups = new Map<string, string[]>();
    for (const r of records) userGroups.set(find(r.key), [...(userGroups.get(find(r.key)) ?? []), r.key]);
    for (const keys of userGroups.values()) {
      if (hasSeparatePair(keys)) throw new AmbiguousState(`tied together and set apart: ${keys.join(', ')}`);
    }

    // 2. Automatic joins, only between groups of one and the same identity.
    const identityOfGroup = new Map<string, number | 'mixed'>();
    for (const [root, keys] of userGroups) {
      const identities = new Set(keys.map((k) => byKey.get(k)!.identity));
      identityOfGroup.set(root, identities.size === 1 ? [...identities][0]! : 'mixed');
    }
    const autoParent = new Map([...userGroups.keys()].map((root) => [root, root]));
    const findGroup = (root: string): string => {
      let top = root;
      while (autoParent.get(top) !== top) top = autoParent.get(top)!;
      autoParent.set(root, top);
      return top;
    };
    for (const x of records) {
      for (const y of records) {
        if (x.key >= y.key || !autoLinked(x, y) || this.decisionOf(x.key, y.key) === 'separate') continue;
        const gx = find(x.key);
        const gy = find(y.key);
        if (gx === gy || identityOfGroup.get(gx) === 'mixed' || identityOfGroup.get(gy) === 'mixed') continue;
        autoParent.set(findGroup(gx), findGroup(gy));
      }
    }
    const people = new Map<string, string[]>();
    for (const [root, keys] of userGroups) {
      const top = findGroup(root);
      people.set(top, [...(people.get(top) ?? []), ...keys]);
    }
    const result = [...people.values()].map((keys) => [...keys].sort());
    for (const keys of result) {
      if (hasSeparatePair(keys)) {
        throw new AmbiguousState(`which side ${keys.join(', ')} join depends on link order`);
      }
    }
    return result.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  }

  /** Whether the state after this model (and after facebook-sim catches up) has one right answer. */
  isUnambiguous(): boolean {
    if (!this.sameProviderDuplicatesAreStrong()) return false;
    try {
      this.groups();
      const synced = this.clone();
      synced.facebookSynced();
      synced.groups();
      return true;
    } catch (error) {
      if (error instanceof AmbiguousState) return false;
      throw error;
    }
  }

  /** The people one reader level should see, with what it should see of each. */
  view(level: ReaderLevel, contactIdOf: ContactIdOf): ExpectedPerson[] {
    const byKey = new Map(this.records().map((r) => [r.key, r]));
    const people: ExpectedPerson[] = [];
    for (const group of this.groups()) {
      const readable = group.map((k) => byKey.get(k)!).filter((r) => mayRead(level, r.provider));
      if (readable.length === 0) continue;
      const ordered = [...readable].sort((a, b) => comparePrimary(a, b, contactIdOf));
      const primary = ordered[0]!;
      const identity = identityOf(primary);
      people.push({
        sources: readable.map((r) => r.key).sort(),
        displayName: `${identity.given} ${identity.family}`,
        org: markerOf(primary.key, primary),
        phones: [...new Set(readable.filter(hasPhone).map((r) => significantDigits(phoneWritten(r))))].sort(),
        emails: [...new Set(readable.filter(hasEmail).map((r) => emailWritten(r).toLowerCase()))].sort(),
      });
    }
    return people.sort((a, b) => (a.sources[0]! < b.sources[0]! ? -1 : 1));
  }
}

/**
 * Same identity and a shared number or address; within one provider the same numbers (an identity's one
 * number on both) or both keys shared, which with one number each comes to both holding the number.
 */
function autoLinked(x: ModelRecord, y: ModelRecord): boolean {
  if (x.identity !== y.identity) return false;
  const phone = hasPhone(x) && hasPhone(y);
  const email = hasEmail(x) && hasEmail(y);
  return x.provider === y.provider ? phone : phone || email;
}

/** The user's own contacts first, then the widest-readable provider, then the source key. */
function comparePrimary(a: ModelRecord, b: ModelRecord, contactIdOf: ContactIdOf): number {
  const local = Number(a.provider !== 'local') - Number(b.provider !== 'local');
  if (local !== 0) return local;
  const level = LEVEL_RANK[PROVIDER_LEVEL[a.provider]] - LEVEL_RANK[PROVIDER_LEVEL[b.provider]];
  if (level !== 0) return level;
  const ka = `${a.provider}\u001f${contactIdOf(a)}`;
  const kb = `${b.provider}\u001f${contactIdOf(b)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
