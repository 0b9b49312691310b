import { describe, expect, it } from 'vitest';
import { messageAddress } from './messageAddress';

describe('messageAddress', () => {
  it('makes every way of writing one number the same thread', () => {
    const forms = ['06 12 34 56 78', '+33 6 12 34 56 78', '0033612345678', '+33612345678'];
    expect(new Set(forms.map((form) => messageAddress(form, 'FR').id))).toEqual(
      new Set(['tel:+33612345678']),
    );
    expect(messageAddress('+33612345678', 'FR').displayAddress).toBe('06 12 34 56 78');
    expect(messageAddress('  +33612345678 ', 'FR').address).toBe('+33612345678');
  });

  it('keeps short codes and emails apart from numbers, emails folded', () => {
    expect(messageAddress('3665', 'FR')).toMatchObject({ id: 'tel:3665', kind: 'phone' });
    expect(messageAddress(' Ana.Lima@Example.COM ', 'FR')).toEqual({
      id: 'mailto:ana.lima@example.com',
      address: 'Ana.Lima@Example.COM',
      displayAddress: 'Ana.Lima@Example.COM',
      kind: 'email',
    });
  });

  it('refuses what is neither, saying why', () => {
    expect(() => messageAddress('Ana', 'FR')).toThrow('“Ana” is neither a phone number nor an email address');
    expect(() => messageAddress('  ', 'FR')).toThrow(/neither a phone number nor an email/);
    expect(() => messageAddress('ana@@example.com', 'FR')).toThrow(/more than one @/);
  });
});
