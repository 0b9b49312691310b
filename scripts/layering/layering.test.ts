import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles';
import { isTestCode, layerOfPackage, mayImport, type Unit, unitOfLoosePath } from './layerRules';
import { importsOf, readWorkspaces, type SourceImport, sourceFiles, workspaceOf } from './repositoryImports';

const root = fileURLToPath(new URL('../..', import.meta.url));
const workspaces = readWorkspaces(root);
const files = sourceFiles(root);
const imports = new Map<string, SourceImport[]>(
  files.map((file) => [file, importsOf(root, file, workspaces)]),
);

function packageUnit(name: string): Unit {
  const layer = layerOfPackage(name);
  if (layer === undefined) throw new Error(`${name} has no layer: add it to layerRules.ts`);
  return { name, layer };
}

function unitOf(path: string): Unit {
  const workspace = workspaceOf(workspaces, path);
  return workspace === undefined ? unitOfLoosePath(path) : packageUnit(workspace.name);
}

describe('layering', () => {
  it('gives every workspace package a layer', () => {
    for (const workspace of workspaces) expect(layerOfPackage(workspace.name), workspace.name).toBeDefined();
  });

  it('has @gcds/gcds depend on @gcds/shared alone among the workspace packages', () => {
    const gcds = workspaces.find((workspace) => workspace.name === '@gcds/gcds')!;
    expect(gcds.dependencies.filter((name) => name.startsWith('@gcds/'))).toEqual(['@gcds/shared']);
  });

  it('has every package depend only downward (package.json dependencies)', () => {
    const wrong = workspaces.flatMap((workspace) =>
      workspace.dependencies
        .filter((name) => workspaces.some((other) => other.name === name))
        .filter((name) => !mayImport(packageUnit(workspace.name), packageUnit(name)))
        .map((name) => `${workspace.name} → ${name}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has no cycle between packages, test dependencies included', () => {
    const graph = new Map(
      workspaces.map((workspace) => [
        workspace.name,
        [...workspace.dependencies, ...workspace.devDependencies].filter((name) =>
          workspaces.some((other) => other.name === name),
        ),
      ]),
    );
    expect(importCycles(graph)).toEqual([]);
  });

  it('has every file import only downward; tests may also use what their package declares for tests', () => {
    const wrong: string[] = [];
    for (const [file, found] of imports) {
      const from = unitOf(file);
      const workspace = workspaceOf(workspaces, file);
      for (const { specifier, file: target, packageName } of found) {
        if (target === undefined && packageName === undefined) continue;
        const to = target === undefined ? packageUnit(packageName!) : unitOf(target);
        if (mayImport(from, to)) continue;
        const declaredForTests = isTestCode(file) && workspace?.devDependencies.includes(to.name) === true;
        if (!declaredForTests) wrong.push(`${file} imports ${specifier} (${from.layer} → ${to.layer})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has every product import of another package declared in its package.json dependencies', () => {
    const undeclared: string[] = [];
    for (const [file, found] of imports) {
      const workspace = workspaceOf(workspaces, file);
      if (workspace === undefined || isTestCode(file)) continue;
      for (const { specifier, packageName } of found)
        if (
          packageName !== undefined &&
          packageName !== workspace.name &&
          !workspace.dependencies.includes(packageName)
        )
          undeclared.push(`${file} imports ${specifier}`);
    }
    expect(undeclared).toEqual([]);
  });

  it('imports only what a package exports', () => {
    const missing = [...imports].flatMap(([file, found]) =>
      found
        .filter((entry) => entry.packageName !== undefined && entry.file === undefined)
        .map((entry) => `${file} imports ${entry.specifier}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const graph = new Map(
      [...imports].map(([file, found]) => [
        file,
        found.flatMap((entry) => (entry.file === undefined ? [] : [entry.file])),
      ]),
    );
    expect(importCycles(graph).map((files) => files.join(' ↔ '))).toEqual([]);
  });
});
