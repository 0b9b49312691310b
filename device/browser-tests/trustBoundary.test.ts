import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { facebookOnly, localOnly } from './demoFacts';
import { type AppId, chromiumForThisFile, Phone } from './phone';

/*
 * The red team's attacks, from inside each app's sandboxed frame and from the shell's own origin, each
 * written as the attack: it succeeds (and the test fails) if the boundary it aims at is open.
 */

const APP_LEVELS: Record<AppId, string> = {
  contacts: 'certified',
  phone: 'privileged',
  messages: 'privileged',
};
const CHANNEL = 'gcds-device-changes';

const browser = chromiumForThisFile();

async function contactCount(contacts: FrameLocator): Promise<number> {
  return Number(await contacts.locator('.list-status[data-count]').getAttribute('data-count'));
}

interface FrameAttack {
  /** What the engine's code execution returned, if it ran: the engine worker's name. */
  ran: unknown;
  /** Every reply to comlink's GET, SET, CONSTRUCT, ENDPOINT and APPLY messages. */
  comlinkReplies: unknown[];
  /** Calls of names the allow-list does not hold: their replies. */
  unlisted: unknown[];
  who: unknown;
}

/** Runs inside an app's frame: asks the shell for another port to its engine, then attacks the engine. */
async function attackFromFrame(app: FrameLocator, channel: string): Promise<FrameAttack> {
  return app.locator('body').evaluate(async (_body, channelName) => {
    const newPort = () =>
      new Promise<MessagePort>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if (event.ports[0] === undefined) return;
          window.removeEventListener('message', onMessage);
          resolve(event.ports[0]);
        };
        window.addEventListener('message', onMessage);
        // A forger's handshake: it claims to be Contacts at the certified level.
        window.parent.postMessage({ type: 'gcds:ready', appId: 'contacts', accessLevel: 'certified' }, '*');
      });
    const collect = async (port: MessagePort, messages: unknown[], ms = 800): Promise<unknown[]> => {
      const replies: unknown[] = [];
      port.addEventListener('message', (event) => replies.push(event.data));
      port.start();
      for (const message of messages) port.postMessage(message);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return replies;
    };
    // The published attack: the constructor of a method is Function; construct one and call it.
    const code = "return self.name + ' ' + typeof indexedDB";
    const port = await newPort();
    const constructed = (await collect(port, [
      {
        id: 'construct',
        type: 'CONSTRUCT',
        path: ['whoAmI', 'constructor'],
        argumentList: [{ type: 'RAW', value: code }],
      },
    ])) as Array<{ type?: string; name?: string; value?: unknown }>;
    let ran: unknown;
    const handler = constructed.find((reply) => reply.type === 'HANDLER' && reply.name === 'proxy');
    if (handler !== undefined) {
      const fnPort = handler.value as MessagePort;
      const applied = (await collect(fnPort, [
        { id: 'apply', type: 'APPLY', path: [], argumentList: [] },
      ])) as Array<{
        value?: unknown;
      }>;
      ran = applied[0]?.value;
    }
    const other = await newPort();
    const comlinkReplies = [
      ...constructed,
      ...(await collect(other, [
        { id: 'get', type: 'GET', path: ['whoAmI', 'constructor', 'name'] },
        { id: 'set', type: 'SET', path: ['whoAmI'], value: { type: 'RAW', value: 'forged' } },
        { id: 'endpoint', type: 'ENDPOINT', path: [] },
        { id: 'apply', type: 'APPLY', path: ['whoAmI', 'call'], argumentList: [] },
      ])),
    ];
    const unlisted = await collect(await newPort(), [
      { kind: 'call', id: 1, method: 'constructor', args: [code] },
      { kind: 'call', id: 2, method: '__proto__', args: [] },
      { kind: 'call', id: 3, method: 'whoAmI.constructor', args: [code] },
      { kind: 'call', id: 4, method: 'registerApp', args: [{ appId: 'x', accessLevel: 'certified' }] },
      { kind: 'call', id: 5, method: 'platform', args: [] },
    ]);
    const who = await collect(await newPort(), [{ kind: 'call', id: 6, method: 'whoAmI', args: [] }], 300);
    // The frame's own BroadcastChannel: an opaque origin, so it reaches no one of the device.
    const forged = new BroadcastChannel(channelName);
    forged.postMessage({
      source: 'frame',
      key: 'platform:announcements',
      event: { type: 'uninstalled', store: { name: 'contacts', owner: 'local', accessLevel: 'web' } },
    });
    forged.close();
    return { ran, comlinkReplies, unlisted, who };
  }, channel);
}

describe('trust boundaries on the running phone', () => {
  it('no app frame can run code in its engine, reach past its allow-list or raise its level', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const before = await contactCount(contacts);
    for (const id of ['contacts', 'phone', 'messages'] as const) {
      const app = await phone.openApp(id);
      const attack = await attackFromFrame(app, CHANNEL);
      expect(attack.ran, `${id}: code ran in the engine`).toBeUndefined();
      for (const reply of attack.comlinkReplies) {
        expect(reply, `${id}: comlink was answered`).toMatchObject({ kind: 'refused' });
      }
      expect(attack.comlinkReplies).toHaveLength(5);
      expect(attack.unlisted, JSON.stringify(attack.unlisted)).toHaveLength(5);
      for (const reply of attack.unlisted) expect(reply, id).toMatchObject({ kind: 'refused' });
      expect(attack.who).toEqual([
        { kind: 'result', id: 6, value: { appId: id, accessLevel: APP_LEVELS[id] } },
      ]);
    }
    // Nothing the frames sent changed what the device holds.
    await phone.openApp('contacts');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await contactCount(contacts)).toBe(before);
    await phone.close();
  });

  it('forged announcements and change events on the device channel change nothing', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const before = await contactCount(contacts);
    // From the shell's own origin (what a compromised worker could post): every kind of forgery.
    await phone.page.evaluate((channelName) => {
      const bridge = new BroadcastChannel(channelName);
      const announce = (type: string, owner: string, accessLevel: string) =>
        bridge.postMessage({
          source: 'forger',
          key: 'platform:announcements',
          event: { type, store: { name: 'contacts', owner, accessLevel } },
        });
      announce('uninstalled', 'local', 'web');
      announce('uninstalled', 'vcard', 'web');
      announce('installed', 'no-such-provider', 'web');
      announce('installed', 'facebook-sim', 'web');
      bridge.postMessage({
        source: 'forger',
        key: 'gcds:store:local:contacts',
        event: { store: 'contacts', owner: 'local', revision: 1e9, ids: ['forged'], operation: 'clear' },
      });
      bridge.postMessage({ source: 'forger', key: 'gcds:store:gcds:gcds', event: 'not an event' });
      bridge.close();
    }, CHANNEL);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await phone.converged();
    expect(await contactCount(contacts)).toBe(before);
    const panel = phone.panel();
    for (const provider of ['local', 'vcard', 'facebook-sim']) {
      expect(await panel.getByTestId(`provider-state-${provider}`).getAttribute('data-state')).toBe(
        'installed',
      );
    }
    // The phone still names its own contacts, and still never a facebook-only friend.
    const dialer = await phone.openApp('phone');
    for (const [number, name] of [
      [localOnly.phones[0]!, localOnly.name],
      [facebookOnly.phones[0]!, undefined],
    ] as const) {
      await dialer.getByTestId('dial-input').fill(number);
      await dialer.getByRole('button', { name: 'Simulate an incoming call from this number' }).click();
      if (name === undefined) {
        await expect
          .poll(() => dialer.getByTestId('caller-number').textContent())
          .toBe('Not in your contacts');
      } else {
        await expect.poll(() => dialer.getByTestId('caller-name').textContent()).toBe(name);
      }
      await dialer.getByRole('button', { name: 'Decline' }).click();
    }
    // And Contacts can still save a new contact.
    await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('First name').fill('Forgery');
    await contacts.getByLabel('Last name').fill('Survivor');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe('Forgery Survivor');
    await phone.close();
  });
});
