import { describe, expect, it } from 'vitest';
import { contactDisplayName, contactSortText, type NameFields } from './displayName';

describe('contactDisplayName', () => {
  it.each<[NameFields, string]>([
    [{ formattedName: ' Ada King, Countess of Lovelace ', given: 'Ada' }, 'Ada King, Countess of Lovelace'],
    [
      { prefix: 'Dr.', given: 'Grace', additional: 'Brewster', family: 'Hopper', suffix: 'PhD' },
      'Dr. Grace Brewster Hopper PhD',
    ],
    [{ formattedName: '  ', given: 'Alan', family: ' Turing ' }, 'Alan Turing'],
    [{ org: 'Acme Ltd', email: [{ value: 'info@acme.example' }] }, 'Acme Ltd'],
    [{ nickname: ['  ', 'Ace'], email: [{ value: 'a@b.example' }] }, 'Ace'],
    [{ email: [{ value: ' ada@example.org ' }], tel: [{ value: '555 0100' }] }, 'ada@example.org'],
    [{ tel: [{ value: ' +1 415 555 0100 ' }] }, '+1 415 555 0100'],
    [{}, ''],
  ])('%j → %j', (contact, name) => {
    expect(contactDisplayName(contact)).toBe(name);
  });
});

describe('contactSortText', () => {
  it.each<[NameFields, 'givenFirst' | 'familyFirst', string]>([
    [{ given: 'Ada', additional: 'King', family: 'Lovelace' }, 'givenFirst', 'Ada King Lovelace'],
    [{ given: 'Ada', additional: 'King', family: 'Lovelace' }, 'familyFirst', 'Lovelace Ada King'],
    [{ formattedName: 'The Doctor', given: 'John' }, 'familyFirst', 'John'],
    [{ formattedName: 'Acme Help Desk' }, 'familyFirst', 'Acme Help Desk'],
    [{ org: 'Acme Ltd' }, 'givenFirst', 'Acme Ltd'],
  ])('%j %s → %j', (contact, order, text) => {
    expect(contactSortText(contact, order)).toBe(text);
  });
});
