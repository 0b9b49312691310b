import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppMethodTable, type AppRpcReply, isText, methodTable } from '../protocol/appRpc';
import { serveAppApi } from './appRpcDispatcher';

/*
 * The attacks a hostile app frame can make on the port the shell hands it, written as the attack:
 * each would run code in (or reach into) the engine if the engine exposed its API with comlink.
 */

interface TestApi {
  whoAmI(): { appId: string; accessLevel: string };
  echo(text: string): Promise<string>;
  slow(text: string, onProgress: (value: number) => void): Promise<string>;
  subscribe(onChange: () => void): void;
}

const TABLE: AppMethodTable<TestApi> = methodTable<TestApi>({
  whoAmI: { args: [] },
  echo: { args: [isText] },
  slow: { args: [isText], progress: true },
});

const pwned = globalThis as { __pwned?: unknown };
afterEach(() => {
  delete pwned.__pwned;
});

function engine() {
  const secrets = { token: 'engine-secret' };
  let changed: (() => void) | undefined;
  const api: TestApi & { secrets: typeof secrets } = {
    secrets,
    whoAmI: () => ({ appId: 'phone', accessLevel: 'privileged' }),
    echo: async (text) => `echo:${text}`,
    slow: async (text, onProgress) => {
      onProgress(1);
      onProgress(2);
      return text;
    },
    subscribe: (onChange) => {
      changed = onChange;
    },
  };
  const { port1, port2 } = new MessageChannel();
  serveAppApi(port1, api, TABLE);
  const replies: AppRpcReply[] = [];
  port2.addEventListener('message', (event: MessageEvent) => replies.push(event.data as AppRpcReply));
  port2.start();
  return { port: port2, replies, secrets, change: () => changed?.() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('an app frame attacking its engine port', () => {
  it('cannot run code in the engine through comlink (constructor of a method: CONSTRUCT, then APPLY)', async () => {
    const { port } = engine();
    const remote = Comlink.wrap<TestApi>(port) as unknown as {
      whoAmI: { constructor: new (code: string) => Promise<() => Promise<unknown>> };
    };
    const F = remote.whoAmI.constructor;
    const attack = (async () => {
      const fn = await new F('globalThis.__pwned = "ran in the engine"; return 42');
      return fn();
    })();
    const outcome = await Promise.race([
      attack.catch((error: unknown) => error),
      settle().then(() => 'no answer'),
    ]);
    expect(pwned.__pwned).toBeUndefined();
    expect(outcome).not.toBe(42);
  });

  it('answers no GET, SET, CONSTRUCT, ENDPOINT, deep path or unlisted name', async () => {
    const { port, replies, secrets } = engine();
    const attacks: unknown[] = [
      { id: 'a', type: 'GET', path: ['secrets', 'token'] },
      { id: 'b', type: 'SET', path: ['secrets', 'token'], value: { type: 'RAW', value: 'forged' } },
      {
        id: 'c',
        type: 'CONSTRUCT',
        path: ['whoAmI', 'constructor'],
        argumentList: [{ type: 'RAW', value: 'globalThis.__pwned = 1' }],
      },
      { id: 'd', type: 'ENDPOINT', path: [] },
      {
        id: 'e',
        type: 'APPLY',
        path: ['echo', 'constructor'],
        argumentList: [{ type: 'RAW', value: 'globalThis.__pwned = 1' }],
      },
      { kind: 'call', id: 1, method: 'constructor', args: ['globalThis.__pwned = 1'] },
      { kind: 'call', id: 2, method: '__proto__', args: [] },
      { kind: 'call', id: 3, method: 'secrets', args: [] },
      { kind: 'call', id: 4, method: 'echo.constructor', args: ['x'] },
      { kind: 'call', id: 5, method: 'toString', args: [] },
      { kind: 'call', id: 6, method: 'hasOwnProperty', args: ['secrets'] },
    ];
    for (const attack of attacks) port.postMessage(attack);
    await settle();
    expect(pwned.__pwned).toBeUndefined();
    expect(secrets.token).toBe('engine-secret');
    const shown = JSON.stringify(replies);
    expect(shown).not.toContain('engine-secret');
    // Every message got a refusal (or a refused call), and nothing else.
    expect(replies.every((reply) => reply.kind === 'refused')).toBe(true);
    expect(replies).toHaveLength(attacks.length);
  });

  it('refuses arguments the allow-list does not accept, and extra arguments, without calling', async () => {
    const { port, replies } = engine();
    port.postMessage({ kind: 'call', id: 1, method: 'echo', args: [{ toString: 'x' }] });
    port.postMessage({ kind: 'call', id: 2, method: 'echo', args: ['a', 'b'] });
    port.postMessage({ kind: 'call', id: 3, method: 'echo', args: [] });
    port.postMessage({ kind: 'call', id: 4, method: 'echo', args: 'a' });
    await settle();
    expect(replies.map((reply) => reply.kind)).toEqual(['refused', 'refused', 'refused', 'refused']);
  });

  it('still serves the allow-list: a call, its progress and the change subscription', async () => {
    const { port, replies, change } = engine();
    port.postMessage({ kind: 'call', id: 1, method: 'echo', args: ['hi'] });
    port.postMessage({ kind: 'call', id: 2, method: 'slow', args: ['x'] });
    port.postMessage({ kind: 'subscribe', id: 3 });
    await settle();
    change();
    await settle();
    expect(replies).toEqual([
      { kind: 'result', id: 1, value: 'echo:hi' },
      { kind: 'progress', id: 2, value: 1 },
      { kind: 'progress', id: 2, value: 2 },
      { kind: 'result', id: 2, value: 'x' },
      { kind: 'event', id: 3 },
    ]);
  });
});
