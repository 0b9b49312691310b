import { describe, expect, it } from 'vitest';
import { MessageStore } from './messageStore';

const ana = {
  id: 'tel:+33612345678',
  address: '06 12 34 56 78',
  displayAddress: '06 12 34 56 78',
  kind: 'phone' as const,
};
const bo = {
  id: 'mailto:bo@example.com',
  address: 'Bo@example.com',
  displayAddress: 'Bo@example.com',
  kind: 'email' as const,
};

describe('MessageStore', () => {
  it('keeps one thread per address with its latest text and count, most recent thread first', async () => {
    const store = await MessageStore.open('messages-threads');
    expect(await store.isEmpty()).toBe(true);
    await store.add([
      { thread: ana, direction: 'in', text: 'Lunch?', at: 100 },
      { thread: bo, direction: 'out', text: 'Report attached', at: 150 },
      { thread: ana, direction: 'out', text: 'Yes, 12:30', at: 200 },
    ]);
    const threads = await store.threads();
    expect(threads.map((t) => [t.id, t.lastText, t.count])).toEqual([
      ['tel:+33612345678', 'Yes, 12:30', 2],
      ['mailto:bo@example.com', 'Report attached', 1],
    ]);
    expect(await store.isEmpty()).toBe(false);
    store.close();
  });

  it('gives a thread’s messages oldest first, and an older message does not replace the latest text', async () => {
    const store = await MessageStore.open('messages-order');
    await store.add([{ thread: ana, direction: 'out', text: 'second', at: 20 }]);
    await store.add([{ thread: ana, direction: 'in', text: 'first', at: 10 }]);
    await store.add([{ thread: bo, direction: 'in', text: 'other thread', at: 15 }]);
    const found = await store.thread(ana.id);
    expect(found?.messages.map((m) => [m.text, m.direction])).toEqual([
      ['first', 'in'],
      ['second', 'out'],
    ]);
    expect(found?.thread.lastText).toBe('second');
    expect(found?.thread.count).toBe(2);
    expect(await store.thread('tel:+1999')).toBeUndefined();
    store.close();
  });

  it('announces each write once', async () => {
    const store = await MessageStore.open('messages-changes');
    let changes = 0;
    store.changes$.subscribe(() => {
      changes += 1;
    });
    await store.add([
      { thread: ana, direction: 'in', text: 'a', at: 1 },
      { thread: bo, direction: 'in', text: 'b', at: 2 },
    ]);
    await store.add([]);
    expect(changes).toBe(1);
    store.close();
  });
});
