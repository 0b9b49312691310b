#!/usr/bin/env node
// The `gcds` command. The product ships TypeScript source, so tsx compiles it on the fly; the pipeline
// runs in-process over an in-memory IndexedDB (fake-indexeddb), exactly as in the flow tests.
import { readFile, writeFile } from 'node:fs/promises';
import { register } from 'tsx/esm/api';
import 'fake-indexeddb/auto';

register();
const { runGcdsCli } = await import('../src/cli/gcdsCli.ts');

/** Writes all of `text` before returning: a large JSON must not be cut short by the exit. */
function write(stream, text) {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

const code = await runGcdsCli(process.argv.slice(2), {
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
});
process.exit(code);
