#!/usr/bin/env node
// The `gcds` command runs plain JavaScript that `npm ci` built (the root `prepare` script); it never
// compiles TypeScript at run time.
try {
  await import('../dist/gcds.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/gcds.mjs')) throw error;
  process.stderr.write(
    'gcds: the command is not built yet: run `npm ci` (or `npm run build -w @gcds/cli`)\n',
  );
  process.exit(1);
}
