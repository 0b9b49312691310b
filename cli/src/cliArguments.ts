import { phoneRegion } from '@gcds/shared';

/** What the command line asked for. Every command reads the same vCard files through the same pipeline. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'merge'; region: string; json: boolean; output?: string; files: string[] }
  | { command: 'lookup'; region: string; number: string; files: string[] }
  | { command: 'search'; region: string; query: string; files: string[] };

/** A command line that cannot be run; the message says what to change. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const USAGE = `Usage:
  gcds merge  [--region CC] [--json] [-o out.vcf] FILE...
  gcds lookup [--region CC] --number NUMBER FILE...
  gcds search [--region CC] --query TEXT FILE...

Each FILE (.vcf, vCard 2.1/3.0/4.0) becomes its own vCard provider; the GCDS merges the same people
across them and the consumers answer as the phone's apps would.
A FILE may be a CardDAV address-book URL (https://user@host/…/contacts/): downloaded and read as one
more vCard provider; the password from the URL or GCDS_CARDDAV_USER / GCDS_CARDDAV_PASSWORD.

  merge    prints the merged people (--json: one JSON object), -o writes them as vCard 4.0
  lookup   caller ID for a number, as the dialer resolves it (JSON)
  search   the contacts app's ranked search (JSON)
  --region the region numbers without a country code are read in (ISO 3166, default US)
`;

const FLAGS_WITH_VALUE = new Set(['--region', '-o', '--output', '--number', '--query']);

interface Scanned {
  values: Map<string, string>;
  switches: Set<string>;
  files: string[];
}

function scan(args: readonly string[]): Scanned {
  const scanned: Scanned = { values: new Map(), switches: new Set(), files: [] };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      scanned.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS_WITH_VALUE.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new CliUsageError(`${flag} needs a value`);
      if (scanned.values.has(flag)) throw new CliUsageError(`${flag} is given twice`);
      scanned.values.set(flag, value);
    } else if (flag === '--json' || flag === '--help' || flag === '-h') {
      scanned.switches.add(flag);
    } else {
      throw new CliUsageError(`unknown option ${arg}`);
    }
  }
  return scanned;
}

function allow(scanned: Scanned, command: string, allowed: readonly string[]): void {
  for (const flag of [...scanned.values.keys(), ...scanned.switches]) {
    if (!allowed.includes(flag)) throw new CliUsageError(`${flag} does not apply to "gcds ${command}"`);
  }
}

function regionOf(scanned: Scanned): string {
  const region = scanned.values.get('--region') ?? 'US';
  try {
    return phoneRegion(region);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function filesOf(scanned: Scanned, command: string): string[] {
  if (scanned.files.length === 0) throw new CliUsageError(`gcds ${command} needs at least one .vcf FILE`);
  const seen = new Set<string>();
  for (const file of scanned.files) {
    if (seen.has(file)) throw new CliUsageError(`${file} is given twice`);
    seen.add(file);
  }
  return scanned.files;
}

function required(scanned: Scanned, flag: string, command: string): string {
  const value = scanned.values.get(flag);
  if (value === undefined) throw new CliUsageError(`gcds ${command} needs ${flag}`);
  return value;
}

/** Reads `gcds <command> ...` (the arguments after the program name). */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  const scanned = scan(rest);
  if (scanned.switches.has('--help') || scanned.switches.has('-h')) return { command: 'help' };
  switch (command) {
    case 'merge': {
      allow(scanned, command, ['--region', '--json', '-o', '--output']);
      if (scanned.values.has('-o') && scanned.values.has('--output')) {
        throw new CliUsageError('-o and --output are the same option: give it once');
      }
      const output = scanned.values.get('-o') ?? scanned.values.get('--output');
      return {
        command,
        region: regionOf(scanned),
        json: scanned.switches.has('--json'),
        ...(output === undefined ? {} : { output }),
        files: filesOf(scanned, command),
      };
    }
    case 'lookup':
      allow(scanned, command, ['--region', '--number']);
      return {
        command,
        region: regionOf(scanned),
        number: required(scanned, '--number', command),
        files: filesOf(scanned, command),
      };
    case 'search':
      allow(scanned, command, ['--region', '--query']);
      return {
        command,
        region: regionOf(scanned),
        query: required(scanned, '--query', command),
        files: filesOf(scanned, command),
      };
    default:
      throw new CliUsageError(`unknown command "${command}": use merge, lookup or search`);
  }
}
