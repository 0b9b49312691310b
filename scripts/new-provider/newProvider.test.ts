import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * End to end: run the real command into a scratch copy of the repository (its root config files, with
 * node_modules and shared/ linked), then run the generated provider's own test, the strict typecheck
 * and Biome there, exactly as `npm test` would in the repository.
 */

const repository = fileURLToPath(new URL('../..', import.meta.url));
const command = join(repository, 'scripts/new-provider/newProvider.ts');
const bin = (name: string) => join(repository, 'node_modules/.bin', name);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string): Promise<Outcome> {
  // The outer Vitest's variables would make the inner one think it is a worker of this run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env: { ...env, NO_COLOR: '1' }, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let sandbox = '';

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'gcds-new-provider-'));
  for (const file of ['package.json', 'tsconfig.json', 'biome.json', 'vitest.config.ts', '.gitignore']) {
    await copyFile(join(repository, file), join(sandbox, file));
  }
  await symlink(join(repository, 'node_modules'), join(sandbox, 'node_modules'), 'dir');
  await symlink(join(repository, 'shared'), join(sandbox, 'shared'), 'dir');
});

afterAll(async () => {
  // rm does not follow the symlinks: the repository's node_modules and shared/ stay untouched.
  if (sandbox !== '') await rm(sandbox, { recursive: true, force: true });
});

describe('npm run new-provider (end to end)', () => {
  it('generates a provider whose own test, the strict typecheck and Biome all pass', {
    timeout: 300_000,
  }, async () => {
    const created = await run(bin('tsx'), [command, 'sample-crm', '--root', sandbox], repository);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created providers/sample-crm (@gcds/provider-sample-crm)');
    const rootPackage = JSON.parse(await readFile(join(sandbox, 'package.json'), 'utf8'));
    expect(rootPackage.workspaces).toContain('providers/sample-crm');

    const report = join(sandbox, 'vitest-report.json');
    const tested = await run(
      bin('vitest'),
      ['run', 'providers/sample-crm', '--reporter=json', `--outputFile=${report}`],
      sandbox,
    );
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    const results = JSON.parse(await readFile(report, 'utf8'));
    const generatedTest = await readFile(
      join(sandbox, 'providers/sample-crm/src/sampleCrmProvider.test.ts'),
      'utf8',
    );
    const declared = generatedTest.match(/^ {2}it\(/gm)?.length ?? 0;
    expect(declared).toBeGreaterThan(0);
    expect(results.numFailedTests).toBe(0);
    expect(results.numPassedTests).toBe(declared);
    expect(results.testResults.map((r: { name: string }) => r.name)).toEqual([
      join(sandbox, 'providers/sample-crm/src/sampleCrmProvider.test.ts'),
    ]);

    const typechecked = await run(bin('tsc'), ['-p', 'tsconfig.json'], sandbox);
    expect(typechecked.stdout + typechecked.stderr).toBe('');
    expect(typechecked.code).toBe(0);

    const linted = await run(bin('biome'), ['check', 'providers/sample-crm'], sandbox);
    expect(linted.code, linted.stdout + linted.stderr).toBe(0);
  });

  it('exits 1 with a clear message for a bad name, an existing folder or no name', {
    timeout: 60_000,
  }, async () => {
    const bad = await run(bin('tsx'), [command, 'Bad Name', '--root', sandbox], repository);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('new-provider: "Bad Name" is not a valid provider name');

    await mkdir(join(sandbox, 'providers/taken'), { recursive: true });
    const taken = await run(bin('tsx'), [command, 'taken', '--root', sandbox], repository);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('new-provider: providers/taken already exists');

    const none = await run(bin('tsx'), [command, '--root', sandbox], repository);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('usage: npm run new-provider -- <name>');
    const rootPackage = JSON.parse(await readFile(join(sandbox, 'package.json'), 'utf8'));
    expect(rootPackage.workspaces).not.toContain('providers/taken');
  });
});
