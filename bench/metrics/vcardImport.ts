import { createVcardProvider, exportVcards } from '@gcds/provider-vcard';
import { DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import { allRecords, type BenchDataset } from '../dataset';
import type { RowSink } from '../rows';
import { timed } from '../stats';

/** The process's resident memory, where the runtime tells it (Node); undefined in a page. */
function residentBytes(): number | undefined {
  const memory = (globalThis as { process?: { memoryUsage?: () => { rss: number } } }).process?.memoryUsage;
  return memory === undefined ? undefined : memory().rss;
}

/**
 * A .vcf file of all n records (vCard 4.0, as our export writes it) imported into a fresh vCard
 * provider from a Blob, as the phone imports a picked file: `vcard_import_ms` from the call to the
 * report, and in Node `vcard_import_peak_bytes`, the most the resident memory grew over the import
 * (sampled every 20 ms; it includes fake-indexeddb's in-memory copy of the records the import wrote).
 */
export async function measureVcardImport(dataset: BenchDataset, sink: RowSink, tag: string): Promise<void> {
  const file = new Blob([exportVcards(allRecords(dataset).map(({ contact }) => contact))]);
  const platform = new DataStorePlatform({ namespace: `${tag}-${Date.now().toString(36)}:vcard-import` });
  const registry = new ProviderRegistry(platform, {});
  const { api } = await registry.install(createVcardProvider({ id: 'vcard-import' }));
  const before = residentBytes();
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes() ?? 0);
  }, 20);
  let added = 0;
  try {
    const elapsed = await timed(async () => {
      added = (await api.importFile('bench.vcf', file)).added;
    });
    if (added !== dataset.n) throw new Error(`the vCard import added ${added} of ${dataset.n} cards`);
    sink.add('vcard_import_ms', elapsed, 'ms');
  } finally {
    clearInterval(sampler);
    await registry.shutdown();
  }
  if (before !== undefined) sink.add('vcard_import_peak_bytes', Math.max(0, peak - before), 'bytes');
}
