import { describe, expect, it } from 'vitest';
import { PHONE_TYPES, phoneTypeLabel, phoneTypeOf } from './phoneTypeLabel';

describe('phone type labels', () => {
  it('says Mobile for a vCard cell, and a word for every type the form offers', () => {
    expect(PHONE_TYPES.map((type) => phoneTypeLabel({ type: [type] }))).toEqual([
      'Mobile',
      'Home',
      'Work',
      'Main',
      'Other',
    ]);
    expect(phoneTypeLabel({ type: ['CELL'] })).toBe('Mobile');
  });

  it('puts the contact’s own label first, and a telling type before a generic voice', () => {
    expect(phoneTypeLabel({ type: ['cell'], label: 'Boat' })).toBe('Boat');
    expect(phoneTypeLabel({ type: ['voice', 'home'] })).toBe('Home');
    expect(phoneTypeLabel({ type: ['voice'] })).toBe('Phone');
    expect(phoneTypeLabel({ type: ['x-strange'] })).toBeUndefined();
    expect(phoneTypeLabel({ label: '  ' })).toBeUndefined();
  });

  it('gives the form the kind to preselect', () => {
    expect(phoneTypeOf({ type: ['voice', 'work'] })).toBe('work');
    expect(phoneTypeOf({ type: ['main'] })).toBe('main');
    expect(phoneTypeOf({ type: ['cell'], label: 'Boat' })).toBe('custom');
    expect(phoneTypeOf({})).toBe('cell');
  });
});
