import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderNameError, providerNames } from './providerName';
import { providerTemplate } from './providerTemplate';
import { ScaffoldError, scaffoldProvider } from './scaffoldProvider';
import { WorkspaceListError } from './workspaceList';

const ROOT_PACKAGE = `${JSON.stringify({ name: 'repo', workspaces: ['shared', 'providers/local'] }, null, 2)}\n`;
const roots: string[] = [];

async function scratchRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'gcds-scaffold-'));
  roots.push(root);
  await writeFile(join(root, 'package.json'), ROOT_PACKAGE);
  return root;
}

afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('scaffoldProvider', () => {
  it('writes the template files and adds the workspace', async () => {
    const root = await scratchRoot();
    const result = await scaffoldProvider(root, 'my-crm');
    const template = providerTemplate(providerNames('my-crm'));
    expect(result.files).toEqual([...template.keys()].map((path) => `providers/my-crm/${path}`));
    for (const [path, content] of template) {
      expect(await readFile(join(root, 'providers/my-crm', path), 'utf8')).toBe(content);
    }
    const rootPackage = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(rootPackage.workspaces).toEqual(['shared', 'providers/local', 'providers/my-crm']);
  });

  it('refuses an existing folder and changes nothing', async () => {
    const root = await scratchRoot();
    await mkdir(join(root, 'providers/my-crm/src'), { recursive: true });
    await writeFile(join(root, 'providers/my-crm/src/mine.ts'), 'export const mine = 1;\n');
    await expect(scaffoldProvider(root, 'my-crm')).rejects.toThrow(ScaffoldError);
    await expect(scaffoldProvider(root, 'my-crm')).rejects.toThrow(/providers\/my-crm already exists/);
    expect(await readdir(join(root, 'providers/my-crm/src'))).toEqual(['mine.ts']);
    expect(await readFile(join(root, 'package.json'), 'utf8')).toBe(ROOT_PACKAGE);
  });

  it('refuses a bad name before touching anything', async () => {
    const root = await scratchRoot();
    await expect(scaffoldProvider(root, 'My CRM')).rejects.toBeInstanceOf(ProviderNameError);
    await expect(scaffoldProvider(root, '../outside')).rejects.toBeInstanceOf(ProviderNameError);
    expect(await readdir(root)).toEqual(['package.json']);
  });

  it('refuses a name already in the workspaces without creating its folder', async () => {
    const root = await scratchRoot();
    await expect(scaffoldProvider(root, 'local')).rejects.toBeInstanceOf(WorkspaceListError);
    expect(await readdir(root)).toEqual(['package.json']);
  });

  it('says where to run it from when there is no package.json', async () => {
    const root = await scratchRoot();
    await rm(join(root, 'package.json'));
    await expect(scaffoldProvider(root, 'my-crm')).rejects.toThrow(/run this from the repository root/);
    expect(await readdir(root)).toEqual([]);
  });
});
