import type { Contact } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { sourceMatchKeys } from './matchKeys';
import { nameMatch, namesContradict } from './nameMatch';

function keys(fields: Omit<Contact, 'id'>) {
  return sourceMatchKeys({ id: 'x', ...fields }, 'US');
}

describe('name readings in the match keys', () => {
  it('reads structured names with the middle name among the given words', () => {
    expect(keys({ given: 'Ruth', additional: 'Jean', family: 'Rogers' }).names).toEqual([
      { given: ['ruth', 'jean'], family: ['rogers'] },
    ]);
  });

  it('reads "Family, Given" one way, and a formatted name without a comma both ways', () => {
    expect(keys({ formattedName: 'Moore, Terri J.' }).names).toEqual([
      { given: ['terri', 'j'], family: ['moore'] },
    ]);
    expect(keys({ formattedName: 'Terri Moore' }).names).toEqual([
      { given: ['terri'], family: ['moore'] },
      { given: ['moore'], family: ['terri'] },
    ]);
    expect(keys({ formattedName: 'Dr. Robert Brown Jr.' })).toMatchObject({
      nameSuffix: 'jr',
      names: [
        { given: ['robert'], family: ['brown'] },
        { given: ['brown'], family: ['robert'] },
      ],
    });
  });

  it('takes a card with an organisation and no person name for a company card', () => {
    expect(keys({ formattedName: 'Tidewater Freight', org: 'Tidewater Freight' })).toMatchObject({
      company: 'tidewater freight',
      names: [],
    });
    expect(keys({ org: 'Tidewater Freight' }).company).toBe('tidewater freight');
    expect(keys({ given: 'Sam', family: 'Jones', org: 'Tidewater Freight' })).toMatchObject({
      company: '',
      org: 'tidewater freight',
    });
  });
});

describe('nameMatch', () => {
  const match = (a: Omit<Contact, 'id'>, b: Omit<Contact, 'id'>) => nameMatch(keys(a), keys(b));

  it('is full between compatible given and family names, partial when one side says less', () => {
    expect(match({ given: 'Bill', family: 'Smith' }, { formattedName: 'Smith, William' })).toBe('full');
    expect(match({ given: 'Noah' }, { given: 'Noah', family: 'Pham' })).toBe('partial');
    expect(match({ given: 'R.', family: 'Rogers' }, { given: 'Ruth', family: 'Rogers' })).toBe('partial');
  });

  it('reads initials and middle names in order, and never two different middle names', () => {
    expect(match({ formattedName: 'Ruth J. Rogers' }, { formattedName: 'Ruth Jean Rogers' })).toBe('full');
    expect(match({ formattedName: 'Ruth J. Rogers' }, { formattedName: 'Ruth K. Rogers' })).toBeUndefined();
    expect(
      match({ formattedName: 'Ruth Jean Rogers' }, { formattedName: 'Ruth Kay Rogers' }),
    ).toBeUndefined();
  });

  it('never matches different family names, different suffixes, or a family name and a given name alone', () => {
    expect(match({ given: 'Maria', family: 'Garcia' }, { given: 'Maria', family: 'Lopez' })).toBeUndefined();
    expect(
      match({ given: 'Robert', family: 'Brown' }, { formattedName: 'Robert Brown Jr.' }),
    ).toBeUndefined();
    expect(match({ given: 'Noah' }, { family: 'Pham' })).toBeUndefined();
  });

  it('contradicts a company card and a person, never a card with no name at all', () => {
    const company = keys({ org: 'Tidewater Freight' });
    expect(namesContradict(company, keys({ given: 'Sam', family: 'Jones', org: 'Tidewater Freight' }))).toBe(
      true,
    );
    expect(namesContradict(company, keys({ org: 'Tidewater Dental' }))).toBe(true);
    expect(
      namesContradict(company, keys({ formattedName: 'Tidewater Freight', org: 'Tidewater Freight' })),
    ).toBe(false);
    expect(namesContradict(keys({ tel: [{ value: '+14155550100' }] }), keys({ given: 'Sam' }))).toBe(false);
  });
});
