import { describe, expect, it } from 'vitest';
import { CallLogStore } from './callLogStore';

describe('CallLogStore', () => {
  it('keeps calls with ids and gives the newest first, up to the limit', async () => {
    const log = await CallLogStore.open('calls-order');
    let changes = 0;
    log.changes$.subscribe(() => {
      changes += 1;
    });
    const added = await log.add([
      { number: '+33612345678', kind: 'incoming', at: 1_000 },
      { number: '0612345678', kind: 'outgoing', at: 3_000 },
      { number: '3665', kind: 'missed', at: 2_000 },
    ]);
    expect(added.map((call) => typeof call.id)).toEqual(['number', 'number', 'number']);
    expect(new Set(added.map((call) => call.id)).size).toBe(3);
    expect(changes).toBe(1);
    expect((await log.recent(10)).map((call) => call.number)).toEqual(['0612345678', '3665', '+33612345678']);
    expect((await log.recent(1)).map((call) => call.kind)).toEqual(['outgoing']);
    expect(await log.count()).toBe(3);
    log.close();
  });

  it('survives a reopen (it is the app’s own database)', async () => {
    const first = await CallLogStore.open('calls-reopen');
    await first.add([{ number: '112', kind: 'outgoing', at: 5 }]);
    first.close();
    const again = await CallLogStore.open('calls-reopen');
    expect((await again.recent(5)).map((call) => call.number)).toEqual(['112']);
    again.close();
  });
});
