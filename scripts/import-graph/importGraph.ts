import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** File → the files it imports by relative path (type-only imports too: a cycle of types is one still). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']*)'/g;

/** The relative import specifiers of one TypeScript source. */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) => match[1]!);
}

function sourcesUnder(folder: string, found: string[]): string[] {
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) sourcesUnder(path, found);
    else if (path.endsWith('.ts')) found.push(path);
  }
  return found;
}

/** The import graph of every .ts file under the folders, named relative to `root`. */
export function importGraphOf(root: string, folders: readonly string[]): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourcesUnder(resolve(root, folder), []))) {
    const targets = relativeImports(readFileSync(file, 'utf8')).flatMap((specifier) => {
      const base = resolve(dirname(file), specifier);
      const target = [base, `${base}.ts`, join(base, 'index.ts')].find(
        (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
      );
      return target === undefined ? [] : [relative(root, target)];
    });
    graph.set(relative(root, file), targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files around it (first file repeated last). */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push([...path.slice(path.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}
