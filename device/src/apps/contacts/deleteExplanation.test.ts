import { describe, expect, it } from 'vitest';
import { deleteQuestion, listOfNames, withHideOffer } from './deleteExplanation';

const local = { provider: 'local', contactId: 'l1' };
const vcard = { provider: 'vcard', contactId: 'v1' };
const facebook = { provider: 'facebook-sim', contactId: 'f1' };

describe('deleteQuestion', () => {
  it('asks plainly when only the phone has the person', () => {
    expect(deleteQuestion('Ana Lima', [local])).toBe('Delete Ana Lima from your phone contacts?');
  });

  it('says the person stays, and which sources keep them, when others have them too', () => {
    expect(deleteQuestion('Ana Lima', [local, vcard])).toBe(
      'Delete Ana Lima from Phone contacts? Ana Lima stays in your contacts, because vCard file also has them.',
    );
    expect(deleteQuestion('Ana Lima', [vcard, local, facebook, { ...vcard, contactId: 'v2' }])).toBe(
      'Delete Ana Lima from Phone contacts? Ana Lima stays in your contacts, because vCard file and Facebook (simulated) also have them.',
    );
  });
});

describe('deleteQuestion of an address book card', () => {
  const card = { provider: 'carddav-0123abcd', contactId: 'c1' };
  const names = { 'carddav-0123abcd': 'Work' };

  it('names the address book the card goes from, and what keeps the person', () => {
    expect(deleteQuestion('Ana Lima', [card], card.provider, names)).toBe('Delete Ana Lima from Work?');
    expect(deleteQuestion('Ana Lima', [card, local], card.provider, names)).toBe(
      'Delete Ana Lima from Work? Ana Lima stays in your contacts, because Phone contacts also has them.',
    );
  });
});

describe('listOfNames', () => {
  it('joins with commas and a last "and"', () => {
    expect(listOfNames([])).toBe('');
    expect(listOfNames(['A'])).toBe('A');
    expect(listOfNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('withHideOffer', () => {
  it('adds what Hide does to the question when what stays is read-only', () => {
    expect(withHideOffer(deleteQuestion('Ana Lima', [local, vcard]), 'Ana Lima')).toBe(
      'Delete Ana Lima from Phone contacts? Ana Lima stays in your contacts, because vCard file also has them. Or hide Ana Lima from every app: nothing is deleted, and Hidden contacts shows them again.',
    );
  });

  it('asks an import-only delete by the import it goes from', () => {
    expect(deleteQuestion('Ana Lima', [vcard], 'vcard')).toBe('Delete Ana Lima from vCard file?');
    expect(deleteQuestion('Ana Lima', [vcard, facebook], 'vcard')).toBe(
      'Delete Ana Lima from vCard file? Ana Lima stays in your contacts, because Facebook (simulated) also has them.',
    );
  });
});
