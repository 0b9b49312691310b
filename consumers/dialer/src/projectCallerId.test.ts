import { serialize } from 'node:v8';
import { type ContactTel, type MergedContact, phoneKeys } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import { rankCallerId } from './callerIdMatch';
import { dialForms } from './dialForms';
import { DialIndex } from './dialIndex';
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
    expect(row?.phones.flatMap((p) => dialForms(p.keys))).toEqual([
      '442079460958',
      '2079460958',
      '02079460958',
      '112',
    ]);
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

  it('stores a typical person compactly: the keys matching reads, nothing undefined, the number once', () => {
    const row = callerIdRowOf(
      merged({ given: { value: 'Ada', source }, family: { value: 'Lovelace', source } }, [
        { value: '(415) 555-0101', type: ['cell'] },
        { value: '+1 212 555 0199 x12', type: ['work'] },
      ]),
      'US',
    );
    expect(row).toEqual({
      personId: 'p1',
      displayName: 'Ada Lovelace',
      nameKey: 'ada lovelace',
      phones: [
        {
          value: '(415) 555-0101',
          keys: { digits: '4155550101', e164: '+14155550101', national: '4155550101' },
          type: ['cell'],
        },
        {
          value: '+1 212 555 0199 x12',
          keys: { digits: '12125550199', e164: '+12125550199', national: '2125550199', ext: '12' },
          type: ['work'],
        },
      ],
      lookupKeys: ['e:+14155550101', 's:5550101', 'e:+12125550199', 's:5550199'],
    });
    // What IndexedDB clones: 713 bytes for this row while it held the whole parsed keys and dial forms.
    expect(serialize(row).length).toBeLessThan(420);
  });

  it('keeps a trunk form only where the keys do not give it', () => {
    const keysOf = (value: string, region: string) =>
      callerIdRowOf(merged({}, [{ value }]), region)?.phones[0]?.keys;
    expect(keysOf('020 7946 0958', 'GB')).toEqual({
      digits: '02079460958',
      e164: '+442079460958',
      national: '2079460958',
    });
    expect(keysOf('+44 20 7946 0958', 'GB')?.trunk).toBe('02079460958');
    expect(keysOf('+1 415 555 0101', 'US')).not.toHaveProperty('trunk');
  });

  it('answers caller ID and dial suggestions from the stored row as from the typed numbers', () => {
    const row = callerIdRowOf(
      merged({ given: { value: 'Ada', source } }, [
        { value: '+44 20 7946 0958 ext. 4' },
        { value: '112' },
        { value: '555 0101' },
      ]),
      'GB',
    );
    // As read back from IndexedDB.
    const stored = structuredClone(row!);
    const callerId = (number: string) =>
      rankCallerId(phoneKeys(number, 'GB'), [stored]).map((m) => [
        m.matchedTel.value,
        m.matchedTel.ext,
        m.match,
      ]);
    expect(callerId('020 7946 0958')).toEqual([['+44 20 7946 0958 ext. 4', '4', 'e164']]);
    expect(callerId('020 7946 0958 ext. 5')).toEqual([]);
    expect(callerId('112')).toEqual([['112', undefined, 'short-code']]);
    expect(callerId('01632 555 0101')).toEqual([['555 0101', undefined, 'suffix']]);
    const suggested = (digits: string) =>
      DialIndex.from([stored])
        .suggest(digits, 10)
        .map((s) => `${s.matchedTel.value}|${s.match}`);
    expect(suggested('0207')).toEqual(['+44 20 7946 0958 ext. 4|prefix']);
    expect(suggested('4420')).toEqual(['+44 20 7946 0958 ext. 4|prefix']);
    expect(suggested('112')).toEqual(['112|exact']);
  });
});
