import { describe, expect, it } from 'vitest';
import { parseActivity } from './activities';

describe('parseActivity', () => {
  it('accepts a number for calls, messages and contacts, and an address for mail, trimmed', () => {
    expect(parseActivity({ name: 'dial', value: ' +33 6 12 34 56 78 ' })).toEqual({
      name: 'dial',
      value: '+33 6 12 34 56 78',
    });
    expect(parseActivity({ name: 'add-to-contact', value: '0612345678' })?.name).toBe('add-to-contact');
    expect(parseActivity({ name: 'mail', value: 'ana@example.com' })).toEqual({
      name: 'mail',
      value: 'ana@example.com',
    });
  });

  it('refuses unknown names, non-text values, letters in numbers and non-addresses', () => {
    expect(parseActivity({ name: 'install', value: '1' })).toBeUndefined();
    expect(parseActivity({ name: 'dial', value: 42 })).toBeUndefined();
    expect(parseActivity({ name: 'dial', value: 'javascript:alert(1)' })).toBeUndefined();
    expect(parseActivity({ name: 'dial', value: '()' })).toBeUndefined();
    expect(parseActivity({ name: 'mail', value: 'not an address' })).toBeUndefined();
    expect(parseActivity(null)).toBeUndefined();
  });
});
