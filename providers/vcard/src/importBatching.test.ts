import { DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { withWrappedStore } from '../test/wrappedStore';
import { createVcardProvider, type VcardImportProgress, type VcardProviderApi } from './vcardProvider';

/* How an import splits a file into transactions: growing batches by default, fixed ones when asked. */

let counter = 0;

/** The provider with every store transaction it makes counted: the number of writes and removals in each. */
async function setup() {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `vcard-import-batching-${counter}` });
  const registry = new ProviderRegistry(platform, { now: () => 1_700_000_000_000 });
  const definition = createVcardProvider();
  const bulks: Array<{ puts: number; removes: number }> = [];
  const counted = withWrappedStore(definition, (store) => ({
    bulk: (operations, options) => {
      const puts = operations.filter((o) => o.operation === 'put').length;
      bulks.push({ puts, removes: operations.length - puts });
      return store.bulk(operations, options);
    },
  }));
  const api = (await registry.install(counted)).api as VcardProviderApi;
  return { api, bulks };
}

/** `count` cards of five lines each (card i starts at line 5i + 1); the card at `broken` is not one. */
function vcf(count: number, broken?: number): string {
  return Array.from({ length: count }, (_, i) =>
    ['BEGIN:VCARD', 'VERSION:3.0', `FN:P${i}`, i === broken ? 'BEGIN:foo' : `UID:p${i}`, 'END:VCARD'].join(
      '\r\n',
    ),
  ).join('\r\n');
}

const puts = (bulks: Array<{ puts: number }>) => bulks.map((b) => b.puts).filter((n) => n > 0);
const removes = (bulks: Array<{ removes: number }>) => bulks.map((b) => b.removes).filter((n) => n > 0);

describe('the batches of a vCard import', () => {
  it('start with four batches of 250 cards, then double up to 2,000 when no batchSize is given, errors and progress intact', async () => {
    const { api, bulks } = await setup();
    const progress: VcardImportProgress[] = [];
    const report = await api.importFile('big.vcf', vcf(5_000, 3_000), {
      onProgress: (event) => progress.push(event),
    });
    // The card at 3,000 is broken: its batch (2,500 to 4,500) writes one card fewer.
    expect(puts(bulks)).toEqual([250, 250, 250, 250, 500, 1_000, 1_999, 500]);
    expect(progress.map(({ done }) => done)).toEqual([250, 500, 750, 1_000, 1_500, 2_500, 4_500, 5_000]);
    expect(report).toMatchObject({ total: 5_000, added: 4_999 });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'big.vcf', line: 5 * 3_000 + 4 });
    expect(report.errors[0]!.message).toContain('the card "P3000" starting at line 15001 was not imported');
  });

  it('removes what is gone from a re-imported file in growing batches too', async () => {
    const { api, bulks } = await setup();
    await api.importFile('big.vcf', vcf(4_500));
    bulks.length = 0;
    const report = await api.importFile('big.vcf', vcf(500));
    expect(report).toMatchObject({ unchanged: 500, removed: 4_000 });
    expect(removes(bulks)).toEqual([250, 250, 250, 250, 500, 1_000, 1_500]);
    bulks.length = 0;
    expect(await api.removeFile('big.vcf')).toBe(500);
    expect(removes(bulks)).toEqual([250, 250]);
  });

  it('keeps every batch at batchSize when the caller gives one', async () => {
    const { api, bulks } = await setup();
    const progress: number[] = [];
    await api.importFile('big.vcf', vcf(2_000), {
      batchSize: 300,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(puts(bulks)).toEqual([300, 300, 300, 300, 300, 300, 200]);
    expect(progress).toEqual([300, 600, 900, 1_200, 1_500, 1_800, 2_000]);
    bulks.length = 0;
    await api.importFile('big.vcf', vcf(100), { batchSize: 700 });
    expect(removes(bulks)).toEqual([700, 700, 500]);
  });
});
