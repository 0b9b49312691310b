import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles';

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('importCycles', () => {
  it('finds none in a tree or a diamond', () => {
    expect(importCycles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('finds a two-file cycle and a longer one, each once, files sorted', () => {
    const graph = graphOf({ a: ['b'], b: ['a', 'c'], c: ['d'], d: ['e'], e: ['c'], f: ['a'] });
    expect(importCycles(graph)).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('counts a file that imports itself', () => {
    expect(importCycles(graphOf({ a: ['a'] }))).toEqual([['a']]);
  });

  it('follows an import chain longer than the call stack allows recursion for', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 50_000; i += 1) edges[`f${i}`] = [`f${i + 1}`];
    edges.f50000 = ['f0'];
    expect(importCycles(graphOf(edges))[0]).toHaveLength(50_001);
  });
});
