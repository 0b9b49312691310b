import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** One workspace package as its package.json declares it. */
export interface Workspace {
  /** Its folder, relative to the repository root (`providers/vcard`). */
  folder: string;
  name: string;
  dependencies: string[];
  devDependencies: string[];
  /** Export subpath (`.`, `./testing`) → the file it points at, relative to the repository root. */
  exports: Map<string, string>;
}

/** One import or re-export of a source file, resolved to a file of the repository when it is one. */
export interface SourceImport {
  specifier: string;
  /** The imported file, relative to the repository root; undefined for a library or a non-TS asset. */
  file?: string;
  /** The workspace package imported by name (`@gcds/shared`), when the specifier names one. */
  packageName?: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git']);

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function namesOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

/** The workspace packages listed in the root package.json. */
export function readWorkspaces(root: string): Workspace[] {
  const folders = readJson(join(root, 'package.json')).workspaces as string[];
  return folders.map((folder) => {
    const manifest = readJson(join(root, folder, 'package.json'));
    const exports = new Map<string, string>();
    const declared = manifest.exports;
    if (typeof declared === 'string') exports.set('.', posix.join(folder, declared));
    else if (declared !== null && typeof declared === 'object')
      for (const [subpath, target] of Object.entries(declared))
        if (typeof target === 'string') exports.set(subpath, posix.join(folder, target));
    return {
      folder,
      name: String(manifest.name),
      dependencies: namesOf(manifest.dependencies),
      devDependencies: namesOf(manifest.devDependencies),
      exports,
    };
  });
}

/** Every TypeScript file of the repository (not dependencies or build output), relative to the root. */
export function sourceFiles(root: string, folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder))) {
    if (SKIPPED_FOLDERS.has(entry)) continue;
    const path = folder === '' ? entry : `${folder}/${entry}`;
    if (statSync(join(root, path)).isDirectory()) files.push(...sourceFiles(root, path));
    else if (path.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

/** The workspace whose folder holds a repository path, if any. */
export function workspaceOf(workspaces: readonly Workspace[], path: string): Workspace | undefined {
  return workspaces.find((workspace) => path.startsWith(`${workspace.folder}/`));
}

function resolveRelative(root: string, from: string, specifier: string): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`])
    if (candidate.endsWith('.ts') && existsSync(join(root, candidate))) return candidate;
  return undefined;
}

/**
 * The imports, re-exports and dynamic `import()`s of one file, as the TypeScript compiler's
 * pre-processor reads them (type-only imports included: a cycle of types is still a cycle).
 */
export function importsOf(root: string, file: string, workspaces: readonly Workspace[]): SourceImport[] {
  const text = readFileSync(join(root, file), 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName: specifier }): SourceImport => {
    if (specifier.startsWith('.')) {
      const resolved = resolveRelative(root, file, specifier);
      return resolved === undefined ? { specifier } : { specifier, file: resolved };
    }
    const workspace = workspaces.find(
      (candidate) => specifier === candidate.name || specifier.startsWith(`${candidate.name}/`),
    );
    if (workspace === undefined) return { specifier };
    const subpath = `.${specifier.slice(workspace.name.length)}`;
    const target = workspace.exports.get(subpath);
    return target === undefined
      ? { specifier, packageName: workspace.name }
      : { specifier, packageName: workspace.name, file: target };
  });
}
