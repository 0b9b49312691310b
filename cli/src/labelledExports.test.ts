import {
  EXPORTERS,
  HARD_NEGATIVE_KINDS,
  type LabelledCard,
  labelledAddressBook,
  labelledExports,
  mergeQualityTable,
  scoreMerge,
} from '@gcds/gcds/testing';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './testing/inMemoryRun';

interface MergedJson {
  contacts: Array<{ id: string; sources: Array<{ file: string; index: number }> }>;
  errors: unknown[];
}

describe('gcds merge --json on the four exports of the labelled book', () => {
  it('finds at least 95 % of the true pairs at 99.8 % precision, with no hard negative merged', async () => {
    const cards = labelledAddressBook();
    const { files, cardAt } = labelledExports(cards);
    const inputs = Object.fromEntries(Object.entries(files).map(([name, text]) => [`${name}.vcf`, text]));
    const { code, stdout } = await runInMemory(['merge', '--json', ...EXPORTERS.map((e) => `${e}.vcf`)], {
      files: inputs,
    });
    expect(code).toBe(0);
    const merged = JSON.parse(stdout) as MergedJson;
    expect(merged.errors).toEqual([]);
    const personOf = new Map<LabelledCard, string>();
    for (const contact of merged.contacts) {
      for (const source of contact.sources) {
        const card = cardAt[source.file.replace(/\.vcf$/, '') as keyof typeof cardAt][source.index];
        if (card !== undefined) personOf.set(card, contact.id);
      }
    }
    expect(personOf.size).toBe(cards.length);
    const quality = scoreMerge(
      cards,
      cards.map((card) => personOf.get(card)!),
    );
    console.info(`gcds merge --json, four exports:\n${mergeQualityTable(quality)}`);
    expect(quality.precision).toBeGreaterThanOrEqual(0.998);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of HARD_NEGATIVE_KINDS) expect(quality.hardNegatives[kind].merged, kind).toBe(0);
  }, 120_000);
});
