import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArguments } from './cliArguments';

describe('parseCliArguments', () => {
  it.each([
    [['merge', 'a.vcf'], { command: 'merge', region: 'US', json: false, files: ['a.vcf'] }],
    [
      ['merge', '--json', '--region', 'gb', '-o', 'out.vcf', 'a.vcf', 'b.vcf'],
      { command: 'merge', region: 'GB', json: true, output: 'out.vcf', files: ['a.vcf', 'b.vcf'] },
    ],
    [
      ['merge', '--region=FR', '--output=x.vcf', 'a.vcf'],
      { command: 'merge', region: 'FR', json: false, output: 'x.vcf', files: ['a.vcf'] },
    ],
    [
      ['merge', '--', '--odd-name.vcf'],
      { command: 'merge', region: 'US', json: false, files: ['--odd-name.vcf'] },
    ],
    [
      ['lookup', '--number', '+44 20 7946 0958', 'a.vcf'],
      { command: 'lookup', region: 'US', number: '+44 20 7946 0958', files: ['a.vcf'] },
    ],
    [
      ['search', '--region', 'DE', '--query', 'mül', 'a.vcf'],
      { command: 'search', region: 'DE', query: 'mül', files: ['a.vcf'] },
    ],
    [[], { command: 'help' }],
    [['--help'], { command: 'help' }],
    [['merge', '-h'], { command: 'help' }],
  ])('reads %j', (argv, expected) => {
    expect(parseCliArguments(argv)).toEqual(expected);
  });

  it.each([
    [['frobnicate', 'a.vcf'], 'unknown command "frobnicate"'],
    [['merge'], 'needs at least one .vcf FILE'],
    [['merge', '--region', 'XX', 'a.vcf'], '"XX" is not a region'],
    [['merge', '--region'], '--region needs a value'],
    [['merge', '--verbose', 'a.vcf'], 'unknown option --verbose'],
    [['merge', 'a.vcf', 'a.vcf'], 'a.vcf is given twice'],
    [['merge', '-o', 'a', '--output', 'b', 'x.vcf'], 'give it once'],
    [['lookup', 'a.vcf'], 'gcds lookup needs --number'],
    [['search', '--number', '1', '--query', 'x', 'a.vcf'], '--number does not apply to "gcds search"'],
    [['merge', '--query', 'x', 'a.vcf'], '--query does not apply'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(CliUsageError);
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
