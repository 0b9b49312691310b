import { describe, expect, it } from 'vitest';
import {
  APPS,
  BUILTIN_PROVIDER_IDS,
  grants,
  isCardDavProvider,
  isProviderId,
  PROVIDER_NAMES,
  serviceKindOf,
} from './deviceConfig';

describe('the table of installed providers', () => {
  const contacts = APPS.find((app) => app.appId === 'contacts')!;
  const phone = APPS.find((app) => app.appId === 'phone')!;

  it('names every built-in provider and tells an account id from the rest', () => {
    expect(BUILTIN_PROVIDER_IDS).toEqual(['local', 'vcard', 'facebook-sim']);
    expect(PROVIDER_NAMES['facebook-sim']).toBe('Facebook (simulated)');
    expect(isCardDavProvider('carddav-0a1b2c3d')).toBe(true);
    expect(isProviderId('carddav-0a1b2c3d')).toBe(true);
    expect(isProviderId('carddav-nothex!')).toBe(false);
    expect(isProviderId('gcds')).toBe(false);
  });

  it('grants each app the kinds of service its manifest lists, accounts included', () => {
    expect(serviceKindOf('carddav-0a1b2c3d')).toBe('carddav');
    expect(serviceKindOf('vcard')).toBe('vcard');
    expect(grants(contacts, 'carddav-0a1b2c3d')).toBe(true);
    expect(grants(contacts, 'local')).toBe(true);
    expect(grants(contacts, 'facebook-sim')).toBe(false);
    expect(grants(phone, 'carddav-0a1b2c3d')).toBe(false);
    expect(grants(phone, 'gcds')).toBe(false);
  });
});
