import { describe, expect, it } from 'vitest';
import { fileMetaKey } from './fileImportState';
import { type FileStateChanges, FileStateParts, filePartKey } from './fileStateParts';

/** Owner-private metadata as a map; writing undefined leaves a key that reads as absent. */
function metaStore(initial: Record<string, unknown> = {}) {
  const meta = new Map(Object.entries(initial));
  return {
    meta,
    getMeta: async (key: string) => meta.get(key),
    write: (entries: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(entries)) meta.set(key, value);
    },
  };
}

const changes = (entries: Array<[string, string | null]>): FileStateChanges =>
  new Map(entries.map(([id, hash]) => [id, hash === null ? null : { hash }]));

describe('a file state stored in parts', () => {
  it('writes only the records a batch changed, and reads back the state with later parts winning', async () => {
    const store = metaStore();
    const { parts } = await FileStateParts.load('a.vcf', store.getMeta);
    const first = parts.append(
      changes([
        ['r1', 'h1'],
        ['r2', 'h2'],
      ]),
    );
    const second = parts.append(
      changes([
        ['r2', 'h2b'],
        ['r1', null],
        ['r3', 'h3'],
      ]),
    );
    // Each batch carries its own records and a head listing the parts: never the whole state.
    expect(first).toEqual({
      [filePartKey('a.vcf', 1)]: { r1: { hash: 'h1' }, r2: { hash: 'h2' } },
      [fileMetaKey('a.vcf')]: { parts: [1] },
    });
    expect(Object.keys(second[filePartKey('a.vcf', 2)] as object)).toEqual(['r2', 'r1', 'r3']);
    store.write(first);
    store.write(second);
    const { state } = await FileStateParts.load('a.vcf', store.getMeta);
    expect(state.records).toEqual({ r2: { hash: 'h2b' }, r3: { hash: 'h3' } });
    expect(parts.append(new Map())).toEqual({});
  });

  it('compacts into whole parts, dropping the old ones, and to nothing when the file is gone', async () => {
    const store = metaStore();
    const loaded = await FileStateParts.load('a.vcf', store.getMeta);
    store.write(loaded.parts.append(changes([['r1', 'h1']])));
    store.write(loaded.parts.append(changes([['r2', 'h2']])));
    expect(loaded.parts.fragmented).toBe(true);
    const compacted = loaded.parts.compact({ records: { r1: { hash: 'h1' }, r2: { hash: 'h2' } } });
    expect(compacted).toEqual({
      [filePartKey('a.vcf', 1)]: undefined,
      [filePartKey('a.vcf', 2)]: undefined,
      [filePartKey('a.vcf', 3)]: { r1: { hash: 'h1' }, r2: { hash: 'h2' } },
      [fileMetaKey('a.vcf')]: { parts: [3] },
    });
    store.write(compacted);
    expect(loaded.parts.fragmented).toBe(false);
    expect((await FileStateParts.load('a.vcf', store.getMeta)).state.records).toEqual({
      r1: { hash: 'h1' },
      r2: { hash: 'h2' },
    });
    expect(loaded.parts.compact({ records: {} })[fileMetaKey('a.vcf')]).toBeUndefined();
  });

  it('reads the earlier layout (the whole state in the head) and rewrites it at the next compaction', async () => {
    const store = metaStore({ [fileMetaKey('a.vcf')]: { records: { old: { hash: 'h0', blobs: ['b'] } } } });
    const { parts, state } = await FileStateParts.load('a.vcf', store.getMeta);
    expect(state.records).toEqual({ old: { hash: 'h0', blobs: ['b'] } });
    expect(parts.fragmented).toBe(true);
    store.write(parts.append(changes([['new', 'h1']])));
    expect((await FileStateParts.load('a.vcf', store.getMeta)).state.records).toEqual({
      old: { hash: 'h0', blobs: ['b'] },
      new: { hash: 'h1' },
    });
  });
});
