import { serialize } from 'node:v8';
import { contact } from '@gcds/shared/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incomingSource } from './providerIngest';
import { type StoredSource, sourceFromStored, storedSource } from './storedSource';
import type { SourceRecord } from './types';

const reader = { owner: 'local', accessLevel: 'privileged' } as const;

function source(id: string, fields: Parameters<typeof contact>[1], origin?: string): SourceRecord {
  const incoming = incomingSource(reader, id, contact(id, fields), 3, 'US');
  return { ...incoming, personId: 'p1', originPersonId: origin ?? 'p1' };
}

describe('a source as the sources store keeps it', () => {
  it('leaves out what follows from the rest, and reads back exactly what was kept', () => {
    const ada = source('a\u001fb', {
      given: 'Ada',
      family: 'Lovelace',
      org: 'Analytical Engines',
      tel: [{ value: '+1 415 555 0100', type: ['cell'] }, { value: '611' }],
      email: [{ value: 'Ada@Example.org' }],
    });
    const stored = storedSource(ada);
    expect(Object.keys(stored).sort()).toEqual(
      [
        'accessLevel',
        'displayName',
        'emails',
        'key',
        'nameKeys',
        'names',
        'org',
        'personId',
        'phones',
        'revision',
      ].sort(),
    );
    expect(stored.phones.map((phone) => phone.isShortCode)).toEqual([undefined, true]);
    // A contact id may hold the separator itself: only the first one ends the provider.
    expect(sourceFromStored(stored)).toEqual(ada);
    expect(serialize(stored).length).toBeLessThan(serialize(ada).length * 0.75);
  });

  it('keeps an origin that is not the person, and reads a source stored whole before (older databases)', () => {
    const moved = source('c1', { given: 'Grace', family: 'Hopper' }, 'p0');
    expect(storedSource(moved).originPersonId).toBe('p0');
    expect(sourceFromStored(storedSource(moved))).toEqual(moved);
    // Schema 3 and before stored the whole record: it reads back as itself.
    expect(sourceFromStored(moved as unknown as StoredSource)).toEqual(moved);
  });

  it('round-trips any well-formed record (property)', () => {
    const tel = fc.constantFrom(
      '+1 415 555 0100',
      '(212) 555-0101',
      '112',
      '611',
      '+44 20 7946 0958',
      '5550',
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.string({ maxLength: 10 }),
        fc.array(tel, { maxLength: 3 }),
        fc.boolean(),
        (id, given, numbers, sameOrigin) => {
          const record = source(
            id,
            { given, tel: numbers.map((value) => ({ value })) },
            sameOrigin ? undefined : 'p9',
          );
          expect(sourceFromStored(storedSource(record))).toEqual(record);
        },
      ),
    );
  });
});
