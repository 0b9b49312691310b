import { describe, expect, it } from 'vitest';
import { ChangeBus } from './changeBus';

const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the change bus bridge', () => {
  it('tells the verifier whether anyone in this context listens to the key, so nobody is told nothing', async () => {
    const bridgeName = `bus-test-${Math.random()}`;
    const writer = new ChangeBus({ bridgeName });
    const reader = new ChangeBus({ bridgeName });
    const checked: Array<[unknown, boolean]> = [];
    reader.verifyBridged('store', (hint, deliver, listening) => {
      checked.push([hint, listening]);
      deliver({ verified: hint });
    });
    const events = reader.channel<unknown>('store');
    writer.publish('store', 1);
    await delivered();
    const heard: unknown[] = [];
    const subscription = events.subscribe((event) => heard.push(event));
    writer.publish('store', 2);
    await delivered();
    subscription.unsubscribe();
    writer.publish('store', 3);
    await delivered();
    expect(checked).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(heard).toEqual([{ verified: 2 }]);
    writer.close();
    reader.close();
  });
});
