import { describe, expect, it } from 'vitest';
import type { FileImportState } from './fileImportState';
import { FileReconciler } from './fileReconciler';
import { RecordIdAllocator } from './recordIds';
import type { ParsedCard } from './vcardParseResult';

function parsed(uid: string | null, contentHash: string, index = 0): ParsedCard {
  return { contact: { formattedName: contentHash }, source: { uid, index, line: 1, contentHash } };
}

function idOf(uid: string | null, hash: string): string {
  return new RecordIdAllocator('f.vcf').idFor({ uid, contentHash: hash });
}

function previous(entries: Array<[string | null, string, string[]?]>): FileImportState {
  const records: FileImportState['records'] = {};
  for (const [uid, hash, blobs] of entries) records[idOf(uid, hash)] = { hash, ...(blobs ? { blobs } : {}) };
  return { records };
}

describe('FileReconciler', () => {
  it('adds new cards, updates changed ones, skips unchanged ones, removes the ones gone', () => {
    const reconciler = new FileReconciler(
      'f.vcf',
      previous([
        ['U1', 'h1'],
        ['U2', 'h2'],
        [null, 'h3'],
        [null, 'h4'],
      ]),
    );
    expect(reconciler.place(parsed('U1', 'h1'))).toEqual({ id: idOf('U1', 'h1'), action: 'unchanged' });
    expect(reconciler.place(parsed('U2', 'h2-edited'))).toEqual({ id: idOf('U2', 'x'), action: 'update' });
    expect(reconciler.place(parsed(null, 'h3'))).toEqual({ id: idOf(null, 'h3'), action: 'unchanged' });
    expect(reconciler.place(parsed('U5', 'h5'))).toEqual({ id: idOf('U5', 'h5'), action: 'add' });
    expect(reconciler.removals()).toEqual({ ids: [idOf(null, 'h4')], deferred: [] });
  });

  it('keeps the record of a broken card it can still find by UID', () => {
    const reconciler = new FileReconciler(
      'f.vcf',
      previous([
        ['U1', 'h1'],
        ['U2', 'h2'],
      ]),
    );
    reconciler.broken('U1');
    expect(reconciler.removals()).toEqual({ ids: [idOf('U2', 'h2')], deferred: [] });
  });

  it('defers every removal when a broken card has no UID (it may be any of them)', () => {
    const reconciler = new FileReconciler(
      'f.vcf',
      previous([
        ['U1', 'h1'],
        [null, 'h2'],
      ]),
    );
    reconciler.place(parsed('U1', 'h1'));
    reconciler.broken(undefined);
    expect(reconciler.removals()).toEqual({ ids: [], deferred: [idOf(null, 'h2')] });
  });

  it('tracks the state to store and the photo blobs nothing refers to any more', () => {
    const reconciler = new FileReconciler(
      'f.vcf',
      previous([
        ['U1', 'h1', ['p1', 't1']],
        ['U2', 'h2', ['p2']],
        ['U3', 'h3', ['p3']],
      ]),
    );
    const { id } = reconciler.place(parsed('U1', 'h1-new'));
    reconciler.written(id, { hash: 'h1-new', blobs: ['p9'] });
    reconciler.place(parsed('U3', 'h3'));
    reconciler.removed(reconciler.removals().ids);
    expect(reconciler.state.records).toEqual({
      [idOf('U1', '')]: { hash: 'h1-new', blobs: ['p9'] },
      [idOf('U3', '')]: { hash: 'h3', blobs: ['p3'] },
    });
    expect([...reconciler.releasedBlobs()].sort()).toEqual(['p1', 'p2', 't1']);
  });
});
