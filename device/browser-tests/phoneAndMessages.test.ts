import { describe, expect, it } from 'vitest';
import { demoActivity } from '../src/demo/demoActivity';
import { book, facebookOnly, localOnly, vcardOnly } from './demoFacts';
import { chromiumForThisFile, dial, Phone } from './phone';

const activity = demoActivity(book);

const browser = chromiumForThisFile();

describe('the Phone app', () => {
  it('suggests contacts while dialling, names an incoming caller, and names the call log', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const app = await phone.openApp('phone');
    const number = localOnly.phones[0]!;
    const tail = number.slice(-6);
    await dial(app, tail);
    expect(await app.getByTestId('dial-input').inputValue()).toBe(tail);
    const suggestion = app
      .getByTestId('dial-suggestions')
      .getByRole('button', { name: new RegExp(localOnly.name) });
    await expect.poll(() => suggestion.count()).toBeGreaterThan(0);
    // The typed digits are marked inside the suggested number.
    expect((await suggestion.first().locator('mark').allTextContents()).join('').replace(/\D/g, '')).toBe(
      tail,
    );
    await phone.screenshot('14-phone-suggestions');

    // A simulated incoming call from the number: caller ID names the contact.
    await app.getByTestId('dial-input').fill(number);
    await app.getByRole('button', { name: 'Simulate an incoming call from this number' }).click();
    const call = app.getByRole('dialog');
    await expect.poll(() => call.getByTestId('call-status').textContent()).toBe('Incoming call');
    expect(await call.getByTestId('caller-name').textContent()).toBe(localOnly.name);
    await phone.screenshot('15-phone-incoming-call');
    await call.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => call.getByTestId('call-status').textContent()).toBe('On call');
    await call.getByRole('button', { name: 'Hang up' }).click();

    // The call log: the new call on top, named; the demo's calls named when the Phone app may know them.
    await app.getByRole('tab', { name: 'Recents' }).click();
    const log = app.getByTestId('call-log');
    await expect.poll(() => log.getByTestId('call-name').first().textContent()).toBe(localOnly.name);
    expect(await log.getByRole('button').first().getAttribute('aria-label')).toMatch(/^Incoming call, /);
    const names = await log.getByTestId('call-name').allTextContents();
    for (const demo of activity.calls) {
      if (demo.party !== undefined && !demo.party.sources.every((s) => s === 'facebook-sim')) {
        expect(names).toContain(demo.party.name);
      }
    }
    await phone.screenshot('16-phone-call-log');
    await phone.close();
  });
});

describe('the Messages app', () => {
  it('finds a recipient while typing, sends, and titles conversations with names', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const app = await phone.openApp('messages');
    const titles = app.getByTestId('threads').getByTestId('thread-name');
    await expect.poll(() => titles.count()).toBeGreaterThan(3);
    const shown = await titles.allTextContents();
    for (const demo of activity.messages) {
      if (demo.party !== undefined && !demo.party.sources.every((s) => s === 'facebook-sim')) {
        expect(shown).toContain(demo.party.name);
      }
    }
    await phone.screenshot('17-messages-threads');

    await app.getByRole('button', { name: 'New message' }).click();
    const to = app.getByRole('combobox');
    await to.fill(vcardOnly.name.split(' ')[0]!);
    const option = app.getByRole('option', { name: new RegExp(vcardOnly.name) });
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    expect(await option.first().locator('mark').first().textContent()).toBe(vcardOnly.name.split(' ')[0]);
    await phone.screenshot('18-messages-recipient-search');
    // With the keyboard: down to the person, Enter takes them.
    const options = await app.getByRole('option').allTextContents();
    const at = options.findIndex((text) => text.startsWith(vcardOnly.name));
    for (let i = 0; i <= at; i += 1) await to.press('ArrowDown');
    await to.press('Enter');
    expect(await app.getByTestId('recipients').textContent()).toContain(vcardOnly.name);
    await app.getByRole('textbox', { name: 'Message' }).fill('See you at the station at 6.');
    await app.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => app.getByTestId('thread-title').textContent()).toBe(vcardOnly.name);
    expect(await app.locator('.bubble.out .bubble-text').last().textContent()).toBe(
      'See you at the station at 6.',
    );
    await phone.screenshot('19-messages-thread');

    // A recipient that is neither a number nor an email is refused, saying which.
    await app.getByRole('button', { name: 'Back to conversations' }).click();
    await expect.poll(() => titles.first().textContent()).toBe(vcardOnly.name);
    await app.getByRole('button', { name: 'New message' }).click();
    await to.fill('Bob from work');
    await app.getByRole('textbox', { name: 'Message' }).fill('Hi');
    await app.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => app.getByTestId('compose-error').textContent())
      .toBe('“Bob from work” is neither a phone number nor an email address');
    await phone.close();
  });
});

describe('access levels', () => {
  it('shows a facebook-only friend in Contacts (certified) but never in Phone or Messages (privileged)', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const number = facebookOnly.phones[0]!;
    const email = facebookOnly.emails[0]!;

    const contacts = await phone.openApp('contacts');
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(facebookOnly.name);
    await contacts
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: new RegExp(facebookOnly.name) })
      .click();
    await expect
      .poll(() => contacts.getByRole('list', { name: 'Sources of this contact' }).textContent())
      .toBe('from Facebook (simulated)');

    const dialer = await phone.openApp('phone');
    await dialer.getByTestId('dial-input').fill(number);
    await expect.poll(() => dialer.getByText(/^\d+ suggestions$/).textContent()).toBe('0 suggestions');
    expect(await dialer.getByTestId('dial-suggestions').textContent()).toBe('');
    await dialer.getByRole('button', { name: 'Simulate an incoming call from this number' }).click();
    await expect.poll(() => dialer.getByTestId('caller-number').textContent()).toBe('Not in your contacts');
    expect(await dialer.getByTestId('caller-name').textContent()).not.toContain(
      facebookOnly.name.split(' ')[0],
    );
    await phone.screenshot('20-phone-facebook-friend-unnamed');
    await dialer.getByRole('button', { name: 'Decline' }).click();
    await dialer.getByRole('tab', { name: 'Recents' }).click();
    await expect
      .poll(() => dialer.getByTestId('call-log').getByRole('button').first().getAttribute('aria-label'))
      .toMatch(/^Declined call, /);

    const messages = await phone.openApp('messages');
    await messages.getByRole('button', { name: 'New message' }).click();
    for (const query of [facebookOnly.name, email, number]) {
      // Cleared first, so the count read next is the new query's.
      await messages.getByRole('combobox').fill('');
      await expect.poll(() => messages.getByText(/^\d+ suggestions$/).count()).toBe(0);
      await messages.getByRole('combobox').fill(query);
      await expect.poll(() => messages.getByText(/^\d+ suggestions$/).textContent()).toBe('0 suggestions');
      expect(await messages.locator('#recipient-options').textContent()).toBe('');
    }
    await messages.getByRole('button', { name: 'Back to conversations' }).click();

    // Whatever was on their screens, neither privileged app ever showed the name or the email.
    for (const app of [dialer, messages]) {
      const text = await app.locator('body').textContent();
      expect(text).not.toContain(facebookOnly.name);
      expect(text).not.toContain(email);
    }
    for (const demo of activity.calls.filter((c) => c.party?.sources.join() === 'facebook-sim')) {
      expect(await dialer.locator('body').textContent()).not.toContain(demo.party!.name);
    }
    await phone.close();
  });

  it('gives an app that claims to be Contacts, certified, only its own engine at its own level', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const dialer = await phone.openApp('phone');
    // Sandboxed with an opaque origin: the frame cannot open the device's databases.
    expect(await dialer.locator('body').getAttribute('data-storage')).toMatch(/^IndexedDB blocked/);
    const asked = await dialer.locator('body').evaluate(async (_body, number) => {
      // The frame asks the shell again, as a forger would, and calls on the port it gets.
      const port = await new Promise<MessagePort>((resolve) => {
        window.addEventListener('message', (event) => {
          if (event.ports[0] !== undefined) resolve(event.ports[0]);
        });
        window.parent.postMessage({ type: 'gcds:ready', appId: 'contacts', accessLevel: 'certified' }, '*');
      });
      let next = 0;
      const call = (method: string, args: unknown[]) =>
        new Promise<unknown>((resolve) => {
          const id = next++;
          port.addEventListener('message', (event) => {
            if ((event.data as { id?: number }).id === id) resolve(event.data);
          });
          port.start();
          port.postMessage({ kind: 'call', id, method, args });
        });
      return {
        who: await call('whoAmI', []),
        caller: await call('callerId', [number]),
        contactsOnly: await call('search', ['a']),
      };
    }, facebookOnly.phones[0]!);
    expect(asked.who).toMatchObject({ kind: 'result', value: { appId: 'phone', accessLevel: 'privileged' } });
    expect(asked.caller).toMatchObject({ kind: 'result', value: { number: facebookOnly.phones[0] } });
    expect((asked.caller as { value: { name?: string } }).value.name).toBeUndefined();
    // The Contacts engine's search is not there: the port leads to the Phone engine and nothing else.
    expect(asked.contactsOnly).toMatchObject({ kind: 'refused' });
    await phone.close();
  });
});
