import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ContactsSettingsStore, nameOrderOf } from './contactsSettingsStore';

describe('Contacts settings', () => {
  it('keeps the list order across opens, given-name order until one is chosen', async () => {
    const name = `settings-${Math.random()}`;
    const first = await ContactsSettingsStore.open(name);
    expect(await first.nameOrder()).toBe('givenFirst');
    await first.setNameOrder('familyFirst');
    expect(await (await ContactsSettingsStore.open(name)).nameOrder()).toBe('familyFirst');
  });

  it('reads anything else saved as the default order', () => {
    expect([nameOrderOf(undefined), nameOrderOf('surname'), nameOrderOf('familyFirst')]).toEqual([
      'givenFirst',
      'givenFirst',
      'familyFirst',
    ]);
  });
});
