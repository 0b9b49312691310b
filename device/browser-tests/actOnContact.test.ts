import { describe, expect, it } from 'vitest';
import { openContact } from './appActions';
import { facebookOnly, localOnly, vcardOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('a contact is something you act on', () => {
  it('calls, messages and emails from a contact', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await openContact(contacts, localOnly.name);
    await phone.screenshot('act-01-contact-actions');

    // Call: the Phone app comes up, calling the contact by name.
    await contacts
      .getByRole('button', { name: new RegExp(`^Call ${localOnly.name} on `) })
      .first()
      .click();
    const phoneApp = phone.app('phone');
    const call = phoneApp.getByRole('dialog');
    await expect.poll(() => call.getByTestId('call-status').textContent()).toBe('Calling…');
    expect(await call.getByTestId('caller-name').textContent()).toBe(localOnly.name);
    await phone.screenshot('act-02-calling-from-contact');
    await call.getByRole('button', { name: 'Hang up' }).click();

    // Tapping the number itself calls too.
    await phone.openApp('contacts');
    await contacts.locator('.fields button.value').first().click();
    await expect.poll(() => call.getByTestId('call-status').textContent()).toBe('Calling…');
    await call.getByRole('button', { name: 'Hang up' }).click();

    // Message: a new message to the contact, ready to write.
    await phone.openApp('contacts');
    await contacts
      .getByRole('button', { name: new RegExp(`^Message ${localOnly.name} on `) })
      .first()
      .click();
    const messages = phone.app('messages');
    await expect.poll(() => messages.getByTestId('recipients').textContent()).toContain(localOnly.name);
    await expect
      .poll(() =>
        messages.getByRole('textbox', { name: 'Message' }).evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await phone.screenshot('act-03-message-from-contact');

    // Email: a mailto link; the phone has no mail app, so the shell says what would open.
    await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await openContact(contacts, facebookOnly.name);
    const email = contacts.getByRole('link', { name: `Email ${facebookOnly.emails[0]}` });
    expect(await email.getAttribute('href')).toBe(`mailto:${facebookOnly.emails[0]}`);
    await email.click();
    await expect
      .poll(() => phone.page.getByTestId('shell-notice').textContent())
      .toBe(`Would open mail to ${facebookOnly.emails[0]}`);
    await phone.screenshot('act-04-mail-notice');
    await phone.close();
  });

  it('creates a contact from the keypad, and adds a number from Recents to an imported contact', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const phoneApp = await phone.openApp('phone');
    const dialInput = phoneApp.getByTestId('dial-input');

    // An unknown number on the keypad: Create contact opens the form with the number in it.
    await dialInput.fill('06 99 88 77 66');
    const create = phoneApp.getByRole('button', { name: 'Create contact' });
    await expect.poll(() => create.isVisible()).toBe(true);
    await phone.screenshot('act-05-keypad-unknown-number');
    await create.click();
    const contacts = phone.app('contacts');
    await expect
      .poll(() => contacts.getByLabel('Phone 1', { exact: true }).inputValue())
      .toBe('06 99 88 77 66');
    await contacts.getByLabel('First name').fill('Nadia');
    await contacts.getByLabel('Last name').fill('Keypadova');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe('Nadia Keypadova');

    // Back on the keypad, the number is someone's now: no offer, and the suggestion names her.
    await phone.openApp('phone');
    await dialInput.fill('');
    await dialInput.fill('06 99 88 77 66');
    await expect
      .poll(() => phoneApp.getByTestId('dial-suggestions').textContent(), { timeout: 20_000 })
      .toContain('Nadia Keypadova');
    expect(await create.isVisible()).toBe(false);

    // A call from another unknown number, declined; in Recents its details offer to add it.
    await dialInput.fill('07 11 22 33 44');
    await phoneApp.getByRole('button', { name: 'Simulate an incoming call from this number' }).click();
    await phoneApp.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    await phoneApp.getByRole('tab', { name: 'Recents' }).click();
    await phoneApp.getByTestId('call-log').getByRole('button').first().click();
    await expect
      .poll(() => phoneApp.getByTestId('call-details-number').textContent())
      .toBe('07 11 22 33 44 · not in your contacts');
    await phone.screenshot('act-06-recents-details-unknown');
    await phoneApp.getByRole('button', { name: 'Add to an existing contact' }).click();

    // The contact is picked by search; it comes from the vCard import only, so the save is a linked copy.
    await contacts
      .getByRole('searchbox', { name: 'Search the contact to add the number to' })
      .fill(vcardOnly.name);
    await contacts
      .getByRole('list', { name: 'Contacts to add the number to' })
      .getByRole('button', { name: new RegExp(vcardOnly.name) })
      .first()
      .click();
    await expect.poll(() => contacts.getByTestId('copy-hint').isVisible()).toBe(true);
    const phoneRows = contacts.locator('.phone-row input');
    const values = await phoneRows.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values).toContain('07 11 22 33 44');
    await phone.screenshot('act-07-add-number-form');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByRole('list', { name: 'Sources of this contact' }).textContent(), {
        timeout: 20_000,
      })
      .toMatch(/Phone contacts.*vCard|vCard.*Phone contacts/);
    expect(await contacts.getByTestId('detail-name').textContent()).toBe(vcardOnly.name);
    expect(await contacts.locator('.fields').textContent()).toContain('07 11 22 33 44');
    await phone.screenshot('act-08-number-added-to-import');

    // The Phone app now names the caller.
    await phone.openApp('phone');
    await phoneApp.getByRole('button', { name: 'Back to recent calls' }).click();
    await expect
      .poll(() => phoneApp.getByTestId('call-name').first().textContent(), { timeout: 20_000 })
      .toBe(vcardOnly.name);
    await phone.close();
  });
});
