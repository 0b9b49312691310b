import { type CliIo, runGcdsCli } from '../gcdsCli';

/** A file system for one in-process run of the command: what is there before, and a write that fails. */
export interface InMemoryFiles {
  /** Files there before the run; what the run writes is readable and in `written` with them. */
  files?: Record<string, string>;
  /** A write of this path stores its first half, then fails: a full disk, or a kill mid-write. */
  failWriteOf?: string;
  /** The environment the command sees (GCDS_CARDDAV_USER / GCDS_CARDDAV_PASSWORD); default: empty. */
  env?: Record<string, string | undefined>;
}

/** What one run printed and left behind. */
export interface InMemoryRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every file at the end of the run: those there before and those it wrote. */
  written: Map<string, string>;
  /** The file-system calls, in order. */
  calls: string[];
}

/** Runs `gcds <argv>` in-process over an in-memory file system and captured standard streams. */
export async function runInMemory(argv: readonly string[], fs: InMemoryFiles = {}): Promise<InMemoryRun> {
  const result: InMemoryRun = {
    code: -1,
    stdout: '',
    stderr: '',
    written: new Map(Object.entries(fs.files ?? {})),
    calls: [],
  };
  const io: CliIo = {
    stdout: async (text) => {
      result.stdout += text;
    },
    stderr: async (text) => {
      result.stderr += text;
    },
    readFile: async (path) => {
      const text = result.written.get(path);
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return new TextEncoder().encode(text);
    },
    writeFile: async (path, text) => {
      result.calls.push(`write ${path}`);
      if (path === fs.failWriteOf) {
        result.written.set(path, text.slice(0, text.length / 2));
        throw new Error('ENOSPC: no space left on device, write');
      }
      result.written.set(path, text);
    },
    rename: async (from, to) => {
      result.calls.push(`rename ${from} ${to}`);
      const text = result.written.get(from);
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, rename '${from}'`);
      result.written.set(to, text);
      result.written.delete(from);
    },
    removeFile: async (path) => {
      result.calls.push(`remove ${path}`);
      result.written.delete(path);
    },
    processId: 4242,
    env: fs.env ?? {},
  };
  result.code = await runGcdsCli(argv, io);
  return result;
}
