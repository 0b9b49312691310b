import { parseVcardFile } from '@gcds/provider-vcard';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_PEOPLE, demoAccountCards, demoAccountVcf } from './demoAccountBook';

describe('the demo CardDAV account', () => {
  it('holds a few hundred people with unique UIDs, the same on every run', () => {
    const cards = demoAccountCards();
    expect(cards).toHaveLength(DEMO_ACCOUNT_PEOPLE);
    expect(new Set(cards.map((c) => c.uid)).size).toBe(DEMO_ACCOUNT_PEOPLE);
    expect(demoAccountCards(5)).toEqual(cards.slice(0, 5));
    expect(cards.every((c) => c.given !== undefined && (c.tel?.length ?? 0) > 0)).toBe(true);
  });

  it('is one vCard 3.0 file whose cards read back as the people written', () => {
    const cards = demoAccountCards(20);
    const parsed = parseVcardFile('demo.vcf', demoAccountVcf(20));
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards.map(({ contact: c }) => [c.uid, c.given, c.family])).toEqual(
      cards.map((c) => [c.uid, c.given, c.family]),
    );
  });
});
