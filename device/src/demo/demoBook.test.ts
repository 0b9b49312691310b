import { parseVcardFile } from '@gcds/provider-vcard';
import { describe, expect, it } from 'vitest';
import { generateDemoBook } from './demoBook';

const book = generateDemoBook({ people: 600 });

describe('the demo address book', () => {
  it('is the same for the same options and different for another seed', () => {
    const again = generateDemoBook({ people: 600 });
    expect(again.vcard).toBe(book.vcard);
    expect(again.local).toEqual(book.local);
    expect(again.facebook).toEqual(book.facebook);
    expect(generateDemoBook({ people: 600, seed: 5 }).vcard).not.toBe(book.vcard);
  });

  it('spreads people over the three sources and writes about a fifth of them down more than once', () => {
    const people = book.truth.filter((t) => t.hardCase === undefined);
    expect(people).toHaveLength(600);
    const duplicated = people.filter((t) => t.sources.length > 1).length / people.length;
    expect(duplicated).toBeGreaterThan(0.14);
    expect(duplicated).toBeLessThan(0.26);
    const records = people.reduce((sum, t) => sum + t.sources.length, 0);
    const hard = book.truth.filter((t) => t.hardCase !== undefined).length;
    expect(book.local.length + book.vcardCards + book.facebook.length).toBe(records + hard);
    for (const source of ['local', 'vcard', 'facebook-sim'] as const) {
      expect(people.filter((t) => t.sources.includes(source)).length).toBeGreaterThan(100);
    }
  });

  it('has duplicates of every kind', () => {
    const variants = new Set(book.truth.flatMap((t) => t.variants));
    expect([...variants].sort()).toEqual(
      ['email-case', 'email-only', 'format', 'name-order', 'nickname', 'no-diacritics', 'typo'].sort(),
    );
  });

  it('has names in Latin with diacritics, Greek, Cyrillic, CJK and Arabic scripts', () => {
    const names = book.truth.map((t) => t.name).join(' ');
    for (const script of [
      /[À-ž]/u,
      /\p{Script=Greek}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Han}/u,
      /\p{Script=Arabic}/u,
    ]) {
      expect(names).toMatch(script);
    }
  });

  it('writes a .vcf that the vCard provider reads without a single error, photos included', () => {
    const parsed = parseVcardFile('demo.vcf', book.vcard);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards).toHaveLength(book.vcardCards);
    expect(book.vcard).toContain('VERSION:4.0');
    expect(book.vcard).toContain('VERSION:3.0');
    expect(parsed.cards.filter((card) => card.photo !== undefined).length).toBeGreaterThan(5);
  });

  it('gives every person their own numbers except in the hard cases, which share on purpose', () => {
    const owners = new Map<string, Set<number>>();
    for (const t of book.truth) {
      for (const phone of t.phones) owners.set(phone, new Set([...(owners.get(phone) ?? []), t.index]));
    }
    const shared = [...owners.entries()].filter(([, who]) => who.size > 1);
    const sharers = new Set(shared.flatMap(([, who]) => [...who]));
    for (const index of sharers) expect(book.truth[index]?.hardCase).toBeDefined();
    expect(new Set(book.truth.filter((t) => sharers.has(t.index)).map((t) => t.hardCase))).toEqual(
      new Set(['family-landline', 'switchboard', 'father-son']),
    );
  });

  it('attaches real PNG photos to some local contacts', () => {
    expect(book.localPhotos.length).toBeGreaterThan(5);
    for (const { id, bytes } of book.localPhotos) {
      expect(book.local.some((draft) => draft.id === id)).toBe(true);
      expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }
  });

  it('refuses a number of people that is not a whole number', () => {
    expect(() => generateDemoBook({ people: -1 })).toThrow(/whole number/);
    expect(() => generateDemoBook({ people: 2.5 })).toThrow(/whole number/);
  });
});
