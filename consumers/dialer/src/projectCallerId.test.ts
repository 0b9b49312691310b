import type { ContactTel, MergedContact } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import { callerIdRowOf } from './projectCallerId';

const source = { provider: 'local', contactId: 'c1' };

function merged(fields: Partial<MergedContact>, tels: unknown[] = []): MergedContact {
  const tel = tels.map((value) => ({ value: value as ContactTel, source, alsoIn: [] }));
  return mergedContact({ sources: [source], tel, ...fields });
}

describe('callerIdRowOf', () => {
  it('keeps each number as written with its keys, type, label and preference', () => {
    const row = callerIdRowOf(
      merged({ given: { value: 'Ada', source }, family: { value: 'Lovelace', source } }, [
        { value: '+44 20 7946 0958', type: ['work'], label: 'Office', pref: true },
        { value: '112' },
      ]),
      'GB',
    );
    expect(row?.displayName).toBe('Ada Lovelace');
    expect(row?.nameKey).toBe('ada lovelace');
    expect(row?.phones.map((p) => [p.value, p.keys.e164, p.type, p.label, p.pref])).toEqual([
      ['+44 20 7946 0958', '+442079460958', ['work'], 'Office', true],
      ['112', undefined, undefined, undefined, undefined],
    ]);
    expect(row?.lookupKeys).toEqual(['e:+442079460958', 's:9460958', 'r:112']);
    expect(row?.phones.flatMap((p) => p.forms)).toEqual(['442079460958', '2079460958', '02079460958', '112']);
    expect(row?.personId).toBe('p1');
  });

  it('stores nobody without a usable number, and skips numbers without digits or of the wrong type', () => {
    expect(callerIdRowOf(merged({ given: { value: 'Ada', source } }), 'US')).toBeUndefined();
    expect(callerIdRowOf(merged({}, [{ value: 'n/a' }, { value: 42 }, null]), 'US')).toBeUndefined();
    const row = callerIdRowOf(merged({}, [{ value: 'n/a' }, { value: '555 0101' }]), 'US');
    expect(row?.phones.map((p) => p.value)).toEqual(['555 0101']);
  });

  it('names a person as the Contacts app does (formatted, parts, organisation, nickname), never by an address', () => {
    const tel = [{ value: '+1 415 555 0101' }];
    const name = (fields: Partial<MergedContact>) => callerIdRowOf(merged(fields, tel), 'US')?.displayName;
    const countess = [{ value: 'Countess', source, alsoIn: [] }];
    expect(name({ formattedName: { value: 'Dr. Ada', source }, given: { value: 'Ada', source } })).toBe(
      'Dr. Ada',
    );
    expect(name({ given: { value: 'Ada', source }, org: { value: 'Analytical', source } })).toBe('Ada');
    expect(name({ nickname: countess, org: { value: 'Analytical Engines', source } })).toBe(
      'Analytical Engines',
    );
    expect(name({ nickname: countess })).toBe('Countess');
    expect(name({ email: [{ value: { value: 'ada@example.org' }, source, alsoIn: [] }] })).toBe('');
  });
});
