import { describe, expect, it } from 'vitest';
import { ProviderNameError, providerNames } from './providerName';

describe('providerNames', () => {
  it('derives every name from a dashed provider name', () => {
    expect(providerNames('my-crm')).toEqual({
      id: 'my-crm',
      packageName: '@gcds/provider-my-crm',
      folder: 'providers/my-crm',
      camel: 'myCrm',
      pascal: 'MyCrm',
      constant: 'MY_CRM',
      displayName: 'My Crm',
    });
    expect(providerNames('  carddav2 ')).toMatchObject({
      id: 'carddav2',
      camel: 'carddav2',
      pascal: 'Carddav2',
    });
  });

  it.each([
    ['', /give the provider a name/],
    ['My-CRM', /not a valid provider name/],
    ['my_crm', /not a valid provider name/],
    ['my crm', /not a valid provider name/],
    ['2crm', /starting with a letter/],
    ['crm-', /not a valid provider name/],
    ['my--crm', /not a valid provider name/],
    ['../evil', /not a valid provider name/],
    ['provider-crm', /leave out the "provider-" prefix/],
    ['gcds', /reserved/],
    ['a'.repeat(33), /too long: at most 32/],
  ])('refuses %j', (name, message) => {
    expect(() => providerNames(name)).toThrow(ProviderNameError);
    expect(() => providerNames(name)).toThrow(message);
  });

  it('accepts the longest allowed name', () => {
    expect(providerNames('a'.repeat(32)).id).toHaveLength(32);
  });
});
