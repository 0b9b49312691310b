// Builds the `gcds` command into plain JavaScript ES modules: dist/gcds.mjs, the entry, and the chunks it
// imports (dist/chunks/), every workspace package and library bundled, so a run starts without resolving
// or compiling anything. The pipeline is a chunk of its own, so `gcds --help` never loads it.
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const OUTDIR = fileURLToPath(new URL('./dist', import.meta.url));
/** esbuild's account of the build: what went in and what the output still imports at run time. */
export const METAFILE = fileURLToPath(new URL('./dist/meta.json', import.meta.url));

export async function buildCli() {
  await rm(OUTDIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./src/main.ts', import.meta.url))],
    outdir: OUTDIR,
    entryNames: 'gcds',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // Bundled CommonJS libraries call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  await writeFile(METAFILE, JSON.stringify(result.metafile));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
