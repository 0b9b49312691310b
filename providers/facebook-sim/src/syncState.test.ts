import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATE, isPhotoRef, readSyncState, startPass } from './syncState';

describe('readSyncState', () => {
  it('tells a first run, a valid state and something it did not write apart', () => {
    expect(readSyncState(undefined)).toEqual({ kind: 'missing' });
    const state = startPass(INITIAL_SYNC_STATE, 'first', 'first-sync');
    expect(readSyncState(state)).toEqual({ kind: 'ok', state });
    for (const bad of [
      null,
      7,
      { version: 2 },
      { ...state, servercounter_lastsync: -1 },
      { ...state, pass: { kind: 'x' } },
    ]) {
      expect(readSyncState(bad)).toEqual({ kind: 'unreadable' });
    }
  });
});

describe('startPass', () => {
  it('numbers passes and marks a replaced pass with pages for cleanup', () => {
    const first = startPass(INITIAL_SYNC_STATE, 'first', 'first-sync');
    expect(first.pass).toEqual({ kind: 'first', reason: 'first-sync', id: 1, position: 0, pages: 0 });
    const advanced = { ...first, pass: { ...first.pass!, position: 40, pages: 3 } };
    const full = startPass(advanced, 'full', 'requested');
    expect(full.passes).toBe(2);
    expect(full.pass).toEqual({
      kind: 'full',
      reason: 'requested',
      id: 2,
      position: 0,
      pages: 0,
      abandoned: { id: 1, pages: 3 },
    });
    // A replacement replaced before its first page keeps the older leftovers to clean.
    expect(startPass(full, 'full', 'server-required').pass?.abandoned).toEqual({ id: 1, pages: 3 });
  });
});

describe('isPhotoRef', () => {
  it('accepts only what a PhotoRef looks like', () => {
    expect(isPhotoRef({ id: 'a', thumbnailId: 'a', mediaType: 'image/png' })).toBe(true);
    expect(isPhotoRef({ id: 'a' })).toBe(false);
    expect(isPhotoRef('a')).toBe(false);
  });
});
