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
import { type CliIo, runGcdsCli } from './gcdsCli';

interface MergedJson {
  contacts: Array<{ id: string; sources: Array<{ file: string; index: number }> }>;
  errors: unknown[];
}

describe('gcds merge --json on the four exports of the labelled book', () => {
  it('finds at least 95 % of the true pairs at 99.8 % precision, with no hard negative merged', async () => {
    const cards = labelledAddressBook();
    const { files, cardAt } = labelledExports(cards);
    let out = '';
    const io: CliIo = {
      stdout: async (text) => {
        out += text;
      },
      stderr: async () => {},
      readFile: async (path) =>
        new TextEncoder().encode(files[path.replace(/\.vcf$/, '') as keyof typeof files]),
      writeFile: async () => {},
      rename: async () => {},
      removeFile: async () => {},
      processId: process.pid,
    };
    const code = await runGcdsCli(['merge', '--json', ...EXPORTERS.map((e) => `${e}.vcf`)], io);
    expect(code).toBe(0);
    const merged = JSON.parse(out) as MergedJson;
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
