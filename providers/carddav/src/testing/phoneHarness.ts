import {
  type Contact,
  type DataStoreOwner,
  DataStorePlatform,
  PROVIDER_STORE_NAME,
  type ProviderContext,
} from '@gcds/shared';
import type { CardDavApi, CardDavProviderOptions } from '../cardDavApi';
import { createCardDavProvider } from '../cardDavProvider';
import type { FetchLike } from '../davTransport';
import type { AddressBookInfo } from '../types';

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/**
 * Where a test kills the sync: on the n-th coming store bulk (before it commits, or just after), or on the
 * n-th coming HTTP request (before it is sent, or after the server answered: the answer is lost).
 * Mutable, so a test arms it at any moment.
 */
export interface CrashPlan {
  bulk?: { in: number; when: 'before-commit' | 'after-commit' };
  request?: { in: number; when: 'before-send' | 'after-answer' };
}

const countdown = (step: { in: number } | undefined): boolean => {
  if (step === undefined || step.in <= 0) return false;
  step.in -= 1;
  return step.in === 0;
};

function crashingStore(
  store: DataStoreOwner<Contact>,
  plan: CrashPlan,
  counts: { bulks: number },
): DataStoreOwner<Contact> {
  // The owner handle is a frozen object of closures: a copy with `bulk` replaced behaves the same.
  return {
    ...store,
    bulk: async (...args: Parameters<DataStoreOwner<Contact>['bulk']>) => {
      counts.bulks += 1;
      const crash = countdown(plan.bulk) ? plan.bulk?.when : undefined;
      if (crash === 'before-commit') throw new SimulatedCrash('killed before the commit');
      const revision = await store.bulk(...args);
      if (crash === 'after-commit') throw new SimulatedCrash('killed after the commit');
      return revision;
    },
  };
}

function crashingFetch(plan: CrashPlan, requests: string[], network: FetchLike): FetchLike {
  return async (input, init) => {
    requests.push(`${init.method ?? 'GET'} ${new URL(input).pathname}`);
    const crash = countdown(plan.request) ? plan.request?.when : undefined;
    if (crash === 'before-send') throw new SimulatedCrash('killed before the request went out');
    const response = await network(input, init);
    if (crash === 'after-answer') {
      await response.arrayBuffer();
      throw new SimulatedCrash('killed after the server answered');
    }
    return response;
  };
}

let namespaces = 0;

/** A simulated phone with one CardDAV provider: its own platform (IndexedDB namespace), restartable. */
export interface Phone {
  api: CardDavApi;
  /** Its IndexedDB namespace: `startPhone(book, { namespace })` is the same phone, started again. */
  namespace: string;
  store: DataStoreOwner<Contact>;
  /** HTTP requests since the phone started ("METHOD /path"). */
  requests: string[];
  /** Store bulks the provider made since the phone started. */
  counts: { bulks: number };
  plan: CrashPlan;
  /** Every record, sorted by id. */
  records(): Promise<Contact[]>;
  /** Kills the provider (its signal aborts) and starts it again on the same IndexedDB: a phone restart. */
  restart(): Promise<Phone>;
  stop(): Promise<void>;
}

export interface PhoneOptions extends Omit<CardDavProviderOptions, 'url'> {
  url?: string;
  namespace?: string;
  now?: () => number;
}

export async function startPhone(book: AddressBookInfo, options: PhoneOptions): Promise<Phone> {
  namespaces += 1;
  const namespace = options.namespace ?? `carddav-phone-${process.pid}-${namespaces}`;
  const platform = new DataStorePlatform({ namespace });
  const plan: CrashPlan = {};
  const requests: string[] = [];
  const counts = { bulks: 0 };
  // A given `fetch` is the phone's network (one a test can cut); the crash plan still sits in front of it.
  const { fetch: network = (input, init) => fetch(input, init), ...rest } = options;
  const definition = createCardDavProvider({
    url: book.url,
    addressBook: book,
    retryBaseMs: 0,
    ...rest,
    fetch: crashingFetch(plan, requests, network),
  });
  const identity = platform.registerApp({
    appId: definition.id,
    accessLevel: definition.manifest.accessLevel,
  });
  const owner = await platform.ownStore<Contact>(identity, {
    name: PROVIDER_STORE_NAME,
    access: 'readonly',
    accessLevel: definition.manifest.accessLevel,
  });
  const store = crashingStore(owner, plan, counts);
  const controller = new AbortController();
  const ctx: ProviderContext = {
    providerId: definition.id,
    store,
    signal: controller.signal,
    defaultRegion: 'US',
    now: options.now ?? (() => Date.now()),
  };
  const api = await definition.start(ctx);
  const stop = async () => {
    controller.abort();
    await definition.stop?.();
    await platform.close();
  };
  return {
    api,
    namespace,
    store: owner,
    requests,
    counts,
    plan,
    async records() {
      const ids = await owner.keys(undefined, 100_000);
      return (await owner.getMany(ids)).filter((c): c is Contact => c !== undefined);
    },
    async restart() {
      await stop();
      return startPhone(book, { ...options, namespace });
    },
    stop,
  };
}
