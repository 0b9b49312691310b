import type { Contact, DataStoreOwner } from '@gcds/shared';

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

type CrashPoint = { in: number; when: 'before-commit' | 'after-commit' };

/** When to crash: on the n-th coming bulk or blob transaction (1 = the next), before it commits or just after. */
export interface CrashPlan {
  bulk?: CrashPoint;
  putBlobs?: CrashPoint;
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
  // The owner handle is a frozen object of closures: a copy with some of them replaced behaves the same.
  return {
    ...store,
    bulk: async (...args: Parameters<DataStoreOwner<Contact>['bulk']>) => {
      const crash = counted(plan.bulk) ? plan.bulk?.when : undefined;
      if (crash === 'before-commit') throw new SimulatedCrash('crashed before the commit');
      const revision = await store.bulk(...args);
      if (crash === 'after-commit') throw new SimulatedCrash('crashed after the commit');
      return revision;
    },
    putBlobs: async (...args: Parameters<DataStoreOwner<Contact>['putBlobs']>) => {
      const crash = counted(plan.putBlobs) ? plan.putBlobs?.when : undefined;
      if (crash === 'before-commit') throw new SimulatedCrash('crashed before writing blobs');
      await store.putBlobs(...args);
      if (crash === 'after-commit') throw new SimulatedCrash('crashed after writing blobs');
    },
  };
}
