// The `gcds` process: the real file system and standard streams around runGcdsCli. The pipeline runs
// in-process over an in-memory IndexedDB (fake-indexeddb), exactly as in the flow tests.
import 'fake-indexeddb/auto';
import { open, rename, rm } from 'node:fs/promises';
import { runGcdsCli } from './gcdsCli';

import { writeAll } from './standardStreams';

/** Runs the command over the real file system; resolves to its exit code. */
export function runGcdsProcess(argv: readonly string[]): Promise<number> {
  return runGcdsCli(argv, {
    stdout: (text) => writeAll(process.stdout, text),
    stderr: (text) => writeAll(process.stderr, text),
    readFile: async (path) => {
      // Opened now, so a missing or unreadable file stops the run before anything is imported; read
      // as the import goes, so a large file is never held whole.
      const file = await open(path, 'r');
      if ((await file.stat()).isDirectory()) {
        await file.close();
        throw new Error(`EISDIR: illegal operation on a directory, read '${path}'`);
      }
      return file.createReadStream();
    },
    writeFile: async (path, text) => {
      const file = await open(path, 'w');
      try {
        await file.writeFile(text, 'utf8');
        // On disk before the rename makes it the output: a crash after it never shows a short file.
        await file.sync();
      } finally {
        await file.close();
      }
    },
    rename,
    removeFile: (path) => rm(path, { force: true }),
    processId: process.pid,
  });
}
