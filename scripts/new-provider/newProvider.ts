import { fileURLToPath } from 'node:url';
import { ProviderNameError } from './providerName';
import { ScaffoldError, scaffoldProvider } from './scaffoldProvider';
import { WorkspaceListError } from './workspaceList';

/*
 * `npm run new-provider -- <name> [--root <repository>]`: generates providers/<name>/ as a working
 * workspace package. --root exists for tests that scaffold into a scratch copy of the repository.
 */

const USAGE = 'usage: npm run new-provider -- <name>   (lower-case letters, digits and dashes, e.g. my-crm)';
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

function parseArguments(args: readonly string[]): { name?: string; root: string; help: boolean } {
  let name: string | undefined;
  let root = repositoryRoot;
  let help = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--root') {
      const value = args[i + 1];
      if (value === undefined) throw new ScaffoldError('--root needs a directory');
      root = value;
      i += 1;
    } else if (arg?.startsWith('-')) throw new ScaffoldError(`unknown option ${arg}\n${USAGE}`);
    else if (name !== undefined) throw new ScaffoldError(`one name at a time (got "${name}" and "${arg}")`);
    else name = arg;
  }
  return { name, root, help };
}

async function main(args: readonly string[]): Promise<number> {
  const { name, root, help } = parseArguments(args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  if (name === undefined) throw new ScaffoldError(USAGE);
  const { names, files } = await scaffoldProvider(root, name);
  console.log(`Created ${names.folder} (${names.packageName}):`);
  for (const file of files) console.log(`  ${file}`);
  console.log(`Added "${names.folder}" to the workspaces in package.json.`);
  console.log('\nNext:');
  console.log('  npm install                          link the workspace and update package-lock.json');
  console.log(`  npx vitest run ${names.folder}   run its example test`);
  console.log('  then replace InMemoryContactSource with your source: see docs/adding-a-provider.md');
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof ScaffoldError ||
    error instanceof ProviderNameError ||
    error instanceof WorkspaceListError
  ) {
    console.error(`new-provider: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
