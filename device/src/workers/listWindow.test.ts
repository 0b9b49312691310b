import { describe, expect, it } from 'vitest';
import { CHUNK, ListWindow, type PagedItem, type PageReader } from './listWindow';

/** A sorted list of places, read the way IndexedDB key ranges read: from or after a place. */
function fakeReader(places: string[]) {
  const reads: string[] = [];
  const item = (position: string): PagedItem<string> => ({ position, value: position });
  const reader: PageReader<string> = {
    async from(position, limit) {
      reads.push(`from ${position}`);
      return places
        .filter((p) => p >= position)
        .slice(0, limit)
        .map(item);
    },
    async after(position, limit) {
      reads.push(`after ${position}`);
      return places
        .filter((p) => p > position)
        .slice(0, limit)
        .map(item);
    },
  };
  return { reader, reads };
}

const names = (letter: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${letter}${String(i).padStart(4, '0')}`);

describe('ListWindow', () => {
  const a = names('a', 130);
  const b = names('b', 7);
  const sections = [
    { start: 'a', count: a.length },
    { start: 'b', count: b.length },
  ];

  it('reads the first screen with one page', async () => {
    const { reader, reads } = fakeReader([...a, ...b]);
    const window = new ListWindow(sections, reader);
    expect(await window.rows(0, 0, 20)).toEqual(a.slice(0, 20));
    expect(reads).toEqual(['from a']);
  });

  it('gives any stretch of a section, across page boundaries, without spilling into the next section', async () => {
    const { reader } = fakeReader([...a, ...b]);
    const window = new ListWindow(sections, reader);
    expect(await window.rows(0, CHUNK - 5, 10)).toEqual(a.slice(CHUNK - 5, CHUNK + 5));
    expect(await window.rows(0, 120, 50)).toEqual(a.slice(120));
    expect(await window.rows(1, 0, 50)).toEqual(b);
  });

  it('reads each page once and reuses the places it learnt for later jumps', async () => {
    const { reader, reads } = fakeReader([...a, ...b]);
    const window = new ListWindow(sections, reader);
    await window.rows(0, 110, 5);
    expect(reads).toEqual(['from a', `after ${a[CHUNK - 1]}`, `after ${a[2 * CHUNK - 1]}`]);
    await window.rows(0, 60, 5);
    await window.rows(0, 0, 5);
    expect(reads).toHaveLength(3);
  });

  it('refuses a section or a range that does not exist', async () => {
    const window = new ListWindow(sections, fakeReader(a).reader);
    await expect(window.rows(2, 0, 1)).rejects.toThrow(/no section 2/);
    await expect(window.rows(0, -1, 1)).rejects.toThrow(/whole offset/);
  });

  it('forgets a page whose read failed, so the next ask tries again', async () => {
    let fail = true;
    const { reader } = fakeReader(a);
    const flaky: PageReader<string> = {
      from: (p, l) => (fail ? Promise.reject(new Error('closed')) : reader.from(p, l)),
      after: reader.after,
    };
    const window = new ListWindow([{ start: 'a', count: a.length }], flaky);
    await expect(window.rows(0, 0, 3)).rejects.toThrow('closed');
    fail = false;
    expect(await window.rows(0, 0, 3)).toEqual(a.slice(0, 3));
  });
});
