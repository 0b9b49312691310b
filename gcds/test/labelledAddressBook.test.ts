import { describe, expect, it } from 'vitest';
import { sourceMatchKeys } from '../src/matchKeys';
import { SUGGESTION_THRESHOLD, suggestionFor } from '../src/suggestions';
import {
  contact,
  HARD_NEGATIVE_KINDS,
  labelledAddressBook,
  mergeQualityTable,
  passiveMergeOf,
  scoreMerge,
  startPipeline,
  VARIANT_CLASSES,
} from '../src/testing';
import type { SourceRecord } from '../src/types';

describe('passive merge on the generated labelled address book (3,000 people, four exports)', () => {
  const cards = labelledAddressBook();
  const quality = scoreMerge(cards, passiveMergeOf(cards));

  it('finds at least 95 % of the true pairs at 99.8 % precision, every class reported', () => {
    console.info(`labelled address book, passive merge in memory:\n${mergeQualityTable(quality)}`);
    expect(quality.people).toBeGreaterThanOrEqual(3000);
    expect(quality.precision).toBeGreaterThanOrEqual(0.998);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
    for (const name of VARIANT_CLASSES) expect(quality.byClass[name].pairs, name).toBeGreaterThan(0);
  });

  it('merges no hard negative of any kind', () => {
    for (const kind of HARD_NEGATIVE_KINDS) {
      expect(quality.hardNegatives[kind].pairs, kind).toBeGreaterThan(0);
      expect(quality.hardNegatives[kind].merged, kind).toBe(0);
    }
  });

  it('suggests every pair with nothing in common but the name and the employer', () => {
    const byPerson = new Map<string, SourceRecord[]>();
    for (const card of cards) {
      if (card.variant !== 'nothingShared' || card.contact.org === undefined) continue;
      const source = {
        key: `${card.exporter}\u001f${card.contact.id}`,
        provider: card.exporter,
        contactId: card.contact.id,
        accessLevel: 'privileged' as const,
        revision: 1,
        personId: '',
        originPersonId: card.contact.id,
        ...sourceMatchKeys(card.contact, 'US'),
      };
      byPerson.set(card.person, [...(byPerson.get(card.person) ?? []), source]);
    }
    expect(byPerson.size).toBeGreaterThan(0);
    for (const [a, b] of byPerson.values()) {
      expect(suggestionFor(a!, b!)?.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    }
  });
});

describe('suggestions in the GCDS', () => {
  it('offers the same name and employer with no identifier in common, with the reasons, and never merges them', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put(
      'l-sam',
      contact('l-sam', {
        given: 'Sam',
        family: 'Jones',
        org: 'Acme Ltd',
        tel: [{ value: '+1 312 555 0100', type: ['work'] }],
      }),
    );
    await vcard.put(
      'v-sam',
      contact('v-sam', { formattedName: 'Sam Jones', org: 'Acme Ltd', email: [{ value: 'sam@x.example' }] }),
    );
    expect(await p.groups()).toEqual(['local:l-sam', 'vcard:v-sam']);
    const [mine, theirs] = await p.people();
    const suggestions = await p.gcds.suggestDuplicates(mine!.id);
    expect(suggestions.map((s) => s.personId)).toEqual([theirs!.id]);
    expect(suggestions[0]!.reasons).toEqual(expect.arrayContaining(['org:acme ltd']));
  });
});
