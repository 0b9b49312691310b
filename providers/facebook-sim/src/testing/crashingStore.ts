import type { Contact, DataStoreOwner } from '@gcds/shared';

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/** When to crash: on the n-th coming bulk (1 = the next), before it commits or just after; or on a blob write. */
export interface CrashPlan {
  bulk?: { in: number; when: 'before-commit' | 'after-commit' };
  putBlob?: { in: number };
}

/**
 * An owner handle that dies at a planned write. "before-commit" throws instead of writing (the
 * transaction never commits); "after-commit" writes, then throws, as a process killed between IndexedDB's
 * commit and the code after it would. The plan is mutable so a test can arm it at any moment.
 */
export function crashingStore(store: DataStoreOwner<Contact>, plan: CrashPlan): DataStoreOwner<Contact> {
  const counted = (step: { in: number } | undefined): boolean => {
    if (step === undefined) return false;
    step.in -= 1;
    return step.in === 0;
  };
  // The owner handle is a frozen object of closures: a copy with two of them replaced behaves the same.
  return {
    ...store,
    bulk: async (...args: Parameters<DataStoreOwner<Contact>['bulk']>) => {
      const crash = counted(plan.bulk) ? plan.bulk?.when : undefined;
      if (crash === 'before-commit') throw new SimulatedCrash('crashed before the commit');
      const revision = await store.bulk(...args);
      if (crash === 'after-commit') throw new SimulatedCrash('crashed after the commit');
      return revision;
    },
    putBlob: async (...args: Parameters<DataStoreOwner<Contact>['putBlob']>) => {
      if (counted(plan.putBlob)) throw new SimulatedCrash('crashed writing a blob');
      return store.putBlob(...args);
    },
  };
}
