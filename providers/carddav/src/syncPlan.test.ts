import { describe, expect, it } from 'vitest';
import type { CardState } from './cardState';
import { cardsToFetch, localSideOf, uploadActionFor } from './syncPlan';

const state = (over: Partial<CardState> = {}): CardState => ({
  url: 'https://dav.example/b/x.vcf',
  uid: 'x',
  etag: '"1"',
  localRevision: 3,
  uploadedRevision: 3,
  ...over,
});
const record = { id: 'x', formattedName: 'X', updatedAt: 50 };

describe('sync planning', () => {
  it('fetches only the cards whose ETag we do not hold', () => {
    const listed = [
      { url: 'https://dav.example/b/a.vcf', etag: '"1"' },
      { url: 'https://dav.example/b/b.vcf', etag: '"2"' },
      { url: 'https://dav.example/b/c.vcf' },
      { url: 'https://dav.example/b/d.vcf', etag: '"4"' },
    ];
    const known = [state({ etag: '"1"' }), state({ etag: '"old"' }), state(), undefined];
    expect(cardsToFetch(listed, known).map((ref) => ref.url.slice(-5))).toEqual(['b.vcf', 'c.vcf', 'd.vcf']);
  });

  it('tells a clean record from each kind of local change', () => {
    expect(localSideOf(record, state())).toEqual({ kind: 'clean' });
    expect(localSideOf(undefined, undefined)).toEqual({ kind: 'clean' });
    expect(localSideOf(record, state({ localRevision: 4 }))).toEqual({
      kind: 'changed',
      conflict: 'update/update',
      side: { deleted: false, changedAt: 50 },
    });
    expect(localSideOf(record, undefined)).toMatchObject({ kind: 'changed', conflict: 'create/create' });
    const { etag: _e, ...unsent } = state({ localRevision: 4, uploadedRevision: 0 });
    expect(localSideOf(record, unsent)).toMatchObject({ conflict: 'create/create' });
    expect(localSideOf(undefined, state({ localRevision: 4, deletedAt: 70 }))).toEqual({
      kind: 'changed',
      conflict: 'delete/update',
      side: { deleted: true, changedAt: 70 },
    });
  });

  it('uploads creates, updates against the ETag they are based on, deletes; nothing for clean or refused records', () => {
    const { etag: _e, ...unsent } = state({ localRevision: 4, uploadedRevision: 0 });
    expect(uploadActionFor(record, undefined)).toEqual({ kind: 'create' });
    expect(uploadActionFor(record, unsent)).toEqual({ kind: 'create' });
    expect(uploadActionFor(record, state({ localRevision: 4 }))).toEqual({ kind: 'update', etag: '"1"' });
    expect(uploadActionFor(record, state())).toEqual({ kind: 'none' });
    expect(uploadActionFor(undefined, state({ localRevision: 4, deletedAt: 9 }))).toEqual({
      kind: 'delete',
      etag: '"1"',
    });
    expect(uploadActionFor(undefined, { ...unsent, deletedAt: 9 })).toEqual({ kind: 'delete' });
    const refused = state({
      localRevision: 4,
      refused: { localRevision: 4, status: 413, message: 'too large' },
    });
    expect(uploadActionFor(record, refused)).toEqual({ kind: 'none' });
    expect(uploadActionFor(record, { ...refused, localRevision: 5 })).toEqual({
      kind: 'update',
      etag: '"1"',
    });
  });
});
