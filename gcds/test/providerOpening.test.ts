import type { DataStorePlatform } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { contact, startPipeline } from '../src/testing';

/** The platform, except that opening `owner`'s store waits for `gate` (as an owner's upgrade holds it). */
function holdingOpen(platform: DataStorePlatform, owner: string, gate: Promise<void>): DataStorePlatform {
  return new Proxy(platform, {
    get(target, property) {
      if (property === 'openStore') {
        return async (...args: Parameters<DataStorePlatform['openStore']>) => {
          if (args[2] === owner) await gate;
          return target.openStore(...args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('a GCDS starting while a provider store is still opening', () => {
  it('syncs the providers whose stores opened, and neither forgets nor skips the one still opening', async () => {
    const p = await startPipeline();
    const fast = await p.install('fast', 'privileged');
    const slow = await p.install('slow', 'privileged');
    await slow.bulk([{ operation: 'put', id: 's1', data: contact('s1', { given: 'Sam', family: 'Slow' }) }]);
    await p.gcds.whenIdle();
    await p.gcds.stop();
    await fast.bulk([{ operation: 'put', id: 'f1', data: contact('f1', { given: 'Fay', family: 'Fast' }) }]);

    let openSlow: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      openSlow = resolve;
    });
    const labels: string[] = [];
    let fastSynced: () => void = () => undefined;
    const fastDone = new Promise<void>((resolve) => {
      fastSynced = resolve;
    });
    const starting = p.restartGcds({
      platform: holdingOpen(p.platform, 'slow', gate),
      beforeCommit: (label) => {
        labels.push(label);
        if (label === 'sync:fast') fastSynced();
      },
    });
    // Before the fix the start waited for every provider's store, in turn, before syncing any.
    await fastDone;
    // Time for any job queued behind fast's sync (a forget of the provider not open yet) to commit.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(labels).not.toContain('uninstall:slow');
    openSlow();
    const gcds = await starting;
    await gcds.whenIdle();
    expect(labels).not.toContain('uninstall:slow');
    expect(await p.groups()).toEqual(['fast:f1', 'slow:s1']);
    await slow.bulk([
      { operation: 'put', id: 's2', data: contact('s2', { given: 'Sue', family: 'Slower' }) },
    ]);
    await gcds.whenIdle();
    expect(await p.groups()).toEqual(['fast:f1', 'slow:s1', 'slow:s2']);
  });
});
