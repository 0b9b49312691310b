// The `gcds` entry point. `gcds --help` answers from the argument parser alone; every other command
// loads the pipeline (a chunk of its own in the build), so asking for help never waits for it.
import { CliUsageError, parseCliArguments, USAGE } from './cliArguments';
import { writeAll } from './standardStreams';

function asksForHelp(argv: readonly string[]): boolean {
  try {
    return parseCliArguments(argv).command === 'help';
  } catch (error) {
    if (error instanceof CliUsageError) return false;
    throw error;
  }
}

const argv = process.argv.slice(2);
if (asksForHelp(argv)) {
  await writeAll(process.stdout, USAGE);
  process.exit(0);
}
const { runGcdsProcess } = await import('./gcdsProcess');
process.exit(await runGcdsProcess(argv));
