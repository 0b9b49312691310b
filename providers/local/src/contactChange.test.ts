import type { Contact } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { applyContactChange, withoutUndefined } from './contactChange';
import { ContactValidationError } from './contactValidationError';

const ada: Contact = { id: 'c1', given: 'Ada', family: 'Lovelace', note: 'math', favorite: true };

describe('applyContactChange', () => {
  it('a patch changes the named fields, removes undefined ones and keeps the rest', () => {
    expect(applyContactChange(ada, { family: 'King', note: undefined })).toEqual({
      id: 'c1',
      given: 'Ada',
      family: 'King',
      favorite: true,
    });
  });

  it('a patch with an explicit undefined id keeps the id', () => {
    expect(applyContactChange(ada, { id: undefined, note: 'x' })).toMatchObject({ id: 'c1', note: 'x' });
  });

  it('a whole contact replaces the record: fields it lacks are gone', () => {
    expect(applyContactChange(ada, { id: 'c1', given: 'Augusta' })).toEqual({ id: 'c1', given: 'Augusta' });
  });

  it('refuses to change the id', () => {
    expect(() => applyContactChange(ada, { id: 'other', given: 'Ada' })).toThrow(ContactValidationError);
    expect(() => applyContactChange(ada, { id: 'other', given: 'Ada' })).toThrow(/cannot change the id/);
  });

  it('does not modify the existing record', () => {
    applyContactChange(ada, { given: 'X' });
    expect(ada.given).toBe('Ada');
  });
});

describe('withoutUndefined', () => {
  it('drops undefined values only', () => {
    expect(withoutUndefined({ a: 1, b: undefined, c: null, d: false })).toEqual({ a: 1, c: null, d: false });
    expect(Object.keys(withoutUndefined({ a: undefined }))).toEqual([]);
  });
});
