import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { liveQuery } from './liveQuery';

/** A promise the test settles by hand, so runs can overlap in a known order. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('liveQuery', () => {
  it('answers now, again after each change, and not again when the answer is equal', async () => {
    const changes = new Subject<void>();
    const answers = [['ada'], ['ada'], ['ada', 'bea'], ['bea']];
    let runs = 0;
    const seen: string[][] = [];
    const subscription = liveQuery(changes, async () => answers[runs++] ?? []).subscribe((answer) => {
      seen.push(answer);
    });
    await tick();
    for (let i = 0; i < 3; i += 1) {
      changes.next();
      await tick();
    }
    subscription.unsubscribe();
    expect(runs).toBe(4);
    expect(seen).toEqual([['ada'], ['ada', 'bea'], ['bea']]);
  });

  it('drops a run still reading when a newer change comes in', async () => {
    const changes = new Subject<void>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const pending = [slow, fast];
    const seen: string[] = [];
    const subscription = liveQuery(
      changes,
      () => pending.shift()?.promise ?? Promise.resolve('none'),
    ).subscribe((answer) => seen.push(answer));
    changes.next();
    fast.resolve('new');
    await tick();
    slow.resolve('old');
    await tick();
    subscription.unsubscribe();
    expect(seen).toEqual(['new']);
  });
});
