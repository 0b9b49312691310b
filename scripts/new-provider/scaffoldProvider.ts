import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type ProviderNames, providerNames } from './providerName';
import { providerTemplate } from './providerTemplate';
import { withWorkspace } from './workspaceList';

/** The provider folder cannot be created; nothing was changed. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

export interface ScaffoldResult {
  names: ProviderNames;
  /** The files written, relative to the repository root. */
  files: string[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes providers/<name>/ under `rootDir` and adds it to the root package.json workspaces.
 * Every check runs before the first write; a failure while writing removes the new folder again.
 */
export async function scaffoldProvider(rootDir: string, rawName: string): Promise<ScaffoldResult> {
  const names = providerNames(rawName);
  const folder = join(rootDir, names.folder);
  const packageJsonPath = join(rootDir, 'package.json');
  if (await exists(folder)) {
    throw new ScaffoldError(
      `${names.folder} already exists: choose another name, or remove that folder first`,
    );
  }
  let rootPackageJson: string;
  try {
    rootPackageJson = await readFile(packageJsonPath, 'utf8');
  } catch {
    throw new ScaffoldError(`no package.json in ${rootDir}: run this from the repository root`);
  }
  const updatedPackageJson = withWorkspace(rootPackageJson, names.folder);
  const files = [...providerTemplate(names)];

  await mkdir(dirname(folder), { recursive: true });
  // Not recursive: if someone created the folder since the check, this fails instead of mixing files.
  await mkdir(folder);
  try {
    for (const [path, content] of files) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), content, { flag: 'wx' });
    }
    await writeFile(packageJsonPath, updatedPackageJson);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { names, files: files.map(([path]) => `${names.folder}/${path}`) };
}
