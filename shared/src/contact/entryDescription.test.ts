import { describe, expect, it } from 'vitest';
import { entryDescriptionOf } from './entryDescription';

describe('entryDescriptionOf', () => {
  it('keeps the types, the label and a true pref, copying the type list', () => {
    const type = ['cell', 'voice'];
    const description = entryDescriptionOf({ type, label: 'Office', pref: true });
    expect(description).toEqual({ type: ['cell', 'voice'], label: 'Office', pref: true });
    expect(description.type).not.toBe(type);
  });

  it('drops what says nothing: an empty type list, a blank label, pref false or missing', () => {
    expect(entryDescriptionOf({ type: [], label: '  ', pref: false })).toEqual({});
    expect(entryDescriptionOf({})).toEqual({});
  });
});
