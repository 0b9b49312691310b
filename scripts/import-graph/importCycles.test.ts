import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraphOf, relativeImports } from './importGraph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRODUCT = [
  'shared',
  'gcds',
  'providers',
  'consumers',
  'cli',
  'device/src',
  'convergence',
  'bench',
  'scripts',
];

describe('import cycles', () => {
  it('finds cycles, type-only imports included', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(
      relativeImports("import type { A } from './a';\nimport { b } from '../b/b';\nimport 'rxjs';"),
    ).toEqual(['./a', '../b/b']);
  });

  it('has none between the files of the workspace', () => {
    const graph = importGraphOf(ROOT, PRODUCT);
    expect(graph.size).toBeGreaterThan(300);
    expect(importCycles(graph)).toEqual([]);
  });
});
