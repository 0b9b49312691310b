import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../bin/gcds.mjs', import.meta.url).pathname;
const BUILD = new URL('../build.mjs', import.meta.url).pathname;

const CARDS = [
  'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u1\r\nFN:Zoë Ødegaard\r\nTEL:+47 412 34 567\r\nEND:VCARD\r\n',
  'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoe Odegaard\r\nTEL:0047 41234567\r\nEMAIL:zoe@example.no\r\nEND:VCARD\r\n',
  'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:No Colon\r\nTEL\r\nEND:VCARD\r\n',
];

describe('the gcds command (a real process, as `npx gcds` runs it)', () => {
  // The command runs the built JavaScript: build it from the sources under test first.
  beforeAll(async () => {
    await run(process.execPath, [BUILD]);
  });

  it('merge --json writes only the JSON object to stdout, and -o a vCard file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gcds-cli-'));
    const phone = join(dir, 'phone.vcf');
    const mail = join(dir, 'mail.vcf');
    await writeFile(phone, CARDS[0] ?? '');
    await writeFile(mail, `${CARDS[1]}${CARDS[2]}`);
    const out = join(dir, 'merged.vcf');
    await writeFile(out, 'an earlier book');
    const before = await stat(out);
    const { stdout } = await run(process.execPath, [BIN, 'merge', '--json', '-o', out, phone, mail], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const json = JSON.parse(stdout);
    expect(json.contacts).toEqual([
      {
        id: expect.any(String),
        name: 'Zoë Ødegaard',
        tel: ['+4741234567'],
        email: ['zoe@example.no'],
        sources: [
          { provider: 'vcard', file: phone, uid: 'u1', index: 0 },
          { provider: 'vcard', file: mail, uid: null, index: 0 },
        ],
      },
    ]);
    expect(json.errors).toEqual([{ file: mail, line: 10, message: expect.any(String) }]);
    expect(await readFile(out, 'utf8')).toContain('FN:Zoë Ødegaard');
    // A new file renamed over the old one (a write in place would keep the inode), and none left beside it.
    expect((await stat(out)).ino).not.toBe(before.ino);
    expect((await readdir(dir)).sort()).toEqual(['mail.vcf', 'merged.vcf', 'phone.vcf']);
  });

  it('is built JavaScript that imports nothing but Node built-ins and its own chunks (no TypeScript compiled at run time)', async () => {
    const meta = JSON.parse(await readFile(new URL('../dist/meta.json', import.meta.url), 'utf8'));
    const outputs = Object.entries(meta.outputs) as [
      string,
      { entryPoint?: string; imports: { path: string; kind: string }[] },
    ][];
    const built = new Set(outputs.map(([file]) => file));
    expect(meta.outputs['cli/dist/gcds.mjs'].entryPoint).toBe('cli/src/main.ts');
    const imports = outputs.flatMap(([, output]) => output.imports.map((entry) => entry.path));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((path) => !path.startsWith('node:') && !built.has(path))).toEqual([]);
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain('gcds/src/gcdsService.ts');
    expect(inputs.filter((file) => file.includes('node_modules/tsx/'))).toEqual([]);
  });

  it('answers --help without loading the pipeline (the entry imports it only for a command)', async () => {
    const meta = JSON.parse(await readFile(new URL('../dist/meta.json', import.meta.url), 'utf8'));
    const entry = meta.outputs['cli/dist/gcds.mjs'] as { imports: { path: string; kind: string }[] };
    const pipeline = Object.entries(meta.outputs as Record<string, { inputs: Record<string, unknown> }>)
      .filter(([, output]) => 'gcds/src/gcdsService.ts' in output.inputs)
      .map(([file]) => file);
    expect(pipeline).toHaveLength(1);
    const statically = entry.imports
      .filter((entry) => entry.kind === 'import-statement')
      .map((entry) => entry.path);
    expect(statically).not.toContain(pipeline[0]);
    const { stdout } = await run(process.execPath, [BIN, '--help']);
    expect(stdout).toContain('Usage:');
  });

  it('exits with 2 and the usage on a wrong command line', async () => {
    await expect(run(process.execPath, [BIN, 'merge'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage:'),
    });
  });
});
