import { describe, expect, it } from 'vitest';
import { UndoShelf } from './undoShelf';

describe('UndoShelf', () => {
  it('keeps a removed record for its window, and no longer', () => {
    let now = 1_000;
    const shelf = new UndoShelf<string>(60_000, () => now);
    shelf.put('a', 'Ada');
    now += 60_000;
    expect(shelf.get('a')).toBe('Ada');
    now += 1;
    expect(shelf.get('a')).toBeUndefined();
  });

  it('gives a record back once, and knows nothing it was not given', () => {
    const shelf = new UndoShelf<string>(60_000, () => 0);
    shelf.put('a', 'Ada');
    expect(shelf.get('b')).toBeUndefined();
    shelf.delete('a');
    expect(shelf.get('a')).toBeUndefined();
  });

  it('forgets expired records as new ones arrive', () => {
    let now = 0;
    const shelf = new UndoShelf<string>(10, () => now);
    shelf.put('a', 'Ada');
    now = 11;
    shelf.put('b', 'Grace');
    now = 0;
    // Even with the clock back, the expired one was dropped, not merely hidden.
    expect(shelf.get('a')).toBeUndefined();
    expect(shelf.get('b')).toBe('Grace');
  });
});
