import { describe, expect, it } from 'vitest';
import { callerIdOf, dialSuggestionOf, numberLabel } from './callerIdView';

const ana = {
  personId: 'p1',
  displayName: 'Ana Lima',
  matchedTel: { value: '06 12 34 56 78', type: ['cell'] },
};
const switchboard = {
  personId: 'p2',
  displayName: '',
  matchedTel: { value: '01 99 00 12 34', type: ['work'] },
};

describe('caller ID', () => {
  it('names the caller and the kind of number, and shows the number the phone’s way', () => {
    expect(callerIdOf('+33612345678', [ana], 'FR')).toEqual({
      number: '+33612345678',
      displayNumber: '06 12 34 56 78',
      personId: 'p1',
      name: 'Ana Lima',
      label: 'Mobile',
    });
  });

  it('is only the number when nobody the app may see has it', () => {
    expect(callerIdOf('+33612345678', [], 'FR')).toEqual({
      number: '+33612345678',
      displayNumber: '06 12 34 56 78',
    });
    expect(callerIdOf('+14155550101', [], 'FR').displayNumber).toBe('+1 415 555 0101');
  });

  it('prefers a match with a name over a nameless one, and keeps a nameless one without a name', () => {
    expect(callerIdOf('0199001234', [switchboard, ana], 'FR').name).toBe('Ana Lima');
    const nameless = callerIdOf('0199001234', [switchboard], 'FR');
    expect(nameless.personId).toBe('p2');
    expect(nameless.name).toBeUndefined();
    expect(nameless.label).toBe('Work');
  });
});

describe('number labels', () => {
  it('uses the contact’s own label first, then the type in words', () => {
    expect(numberLabel({ value: '1', type: ['cell'], label: 'Boat' })).toBe('Boat');
    expect(numberLabel({ value: '1', type: ['voice', 'home'] })).toBe('Home');
    expect(numberLabel({ value: '1', type: ['voice'] })).toBe('Phone');
    expect(numberLabel({ value: '1', type: ['HOME'] })).toBe('Home');
    expect(numberLabel({ value: '1', type: ['x-strange'] })).toBeUndefined();
    expect(numberLabel({ value: '1', label: '  ' })).toBeUndefined();
  });
});

describe('dial suggestions', () => {
  it('carry the number as written for dialling and as shown', () => {
    expect(dialSuggestionOf(ana, 'FR')).toEqual({
      personId: 'p1',
      name: 'Ana Lima',
      number: '06 12 34 56 78',
      displayNumber: '06 12 34 56 78',
      label: 'Mobile',
    });
    expect(dialSuggestionOf(switchboard, 'FR').name).toBe('01 99 00 12 34');
  });
});
