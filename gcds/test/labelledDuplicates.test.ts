import { describe, expect, it } from 'vitest';
import { startPipeline } from '../src/testing';
import { labelledDuplicateSet, scorePairs } from './labelledDuplicates';

describe('passive merge on the labelled duplicate set', () => {
  it('keeps precision at or above 99% and reports recall', async () => {
    const records = labelledDuplicateSet();
    const p = await startPipeline();
    const stores = {
      local: await p.install('local', 'privileged'),
      vcard: await p.install('vcard', 'privileged'),
      'facebook-sim': await p.install('facebook-sim', 'certified'),
    };
    for (const provider of ['local', 'vcard', 'facebook-sim'] as const) {
      await stores[provider].bulk(
        records
          .filter((r) => r.provider === provider)
          .map((r) => ({ operation: 'put' as const, id: r.contact.id, data: r.contact })),
      );
    }
    await p.gcds.whenIdle();
    const groupOf = new Map<string, string>();
    for (const person of await p.people()) {
      for (const pointer of person.pointers)
        groupOf.set(`${pointer.provider}:${pointer.contactId}`, person.id);
    }
    const score = scorePairs(records, (r) => groupOf.get(`${r.provider}:${r.contact.id}`) ?? 'missing');
    console.info(
      `labelled duplicate set: ${records.length} records, precision ${(score.precision * 100).toFixed(2)}%, ` +
        `recall ${(score.recall * 100).toFixed(2)}% (${score.truePositives} true, ${score.falsePositives} false, ` +
        `${score.falseNegatives} missed pairs)`,
    );
    expect(groupOf.size).toBe(records.length);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
