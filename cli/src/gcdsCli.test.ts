import { describe, expect, it } from 'vitest';
import { type InMemoryFiles, runInMemory } from './testing/inMemoryRun';

const PEOPLE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:ada-1',
  'FN:Ada Lovelace',
  'N:Lovelace;Ada;;;',
  'TEL;TYPE=CELL:(415) 555-0100',
  'EMAIL:ada@example.com',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Broken Card',
  'TEL;TYPE=HOME',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Grace Hopper',
  'N:Hopper;Grace;;;',
  'TEL:12345',
  'EMAIL:grace@navy.example',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Friends',
  'X-ADDRESSBOOKSERVER-KIND:group',
  'END:VCARD',
].join('\r\n');
/** 1-based line of the broken TEL above. */
const BROKEN_LINE = 12;

const PHONE_21 = [
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N:Lovelace;Ada',
  'TEL;CELL:+1 415 555 0100',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N:Turing;Alan',
  'TEL;HOME;VOICE:020 7946 0958',
  'END:VCARD',
].join('\r\n');

/** `gcds <argv>` over input `files`, with `fs` for files already there and a write that fails. */
const run = (argv: string[], files: Record<string, string> = {}, fs: InMemoryFiles = {}) =>
  runInMemory(argv, { ...fs, files: { ...files, ...fs.files } });

const FILES = { 'cards/people.vcf': PEOPLE, 'phone.vcf': PHONE_21 };

describe('gcds merge --json', () => {
  it('prints exactly the contract: merged people with their sources, broken cards as errors', async () => {
    const { code, stdout, stderr } = await run(['merge', '--json', 'cards/people.vcf', 'phone.vcf'], FILES);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    const json = JSON.parse(stdout);
    expect(json).toEqual({
      contacts: [
        {
          id: expect.any(String),
          name: 'Ada Lovelace',
          tel: ['+14155550100'],
          email: ['ada@example.com'],
          sources: [
            { provider: 'vcard', file: 'cards/people.vcf', uid: 'ada-1', index: 0 },
            { provider: 'vcard', file: 'phone.vcf', uid: null, index: 0 },
          ],
        },
        {
          id: expect.any(String),
          name: 'Grace Hopper',
          // Not a number in any plan: kept exactly as written.
          tel: ['12345'],
          email: ['grace@navy.example'],
          sources: [{ provider: 'vcard', file: 'cards/people.vcf', uid: null, index: 2 }],
        },
        {
          id: expect.any(String),
          name: 'Alan Turing',
          // A UK national number read in the default region (US) does not parse: as written.
          tel: ['020 7946 0958'],
          email: [],
          sources: [{ provider: 'vcard', file: 'phone.vcf', uid: null, index: 1 }],
        },
      ],
      errors: [{ file: 'cards/people.vcf', line: BROKEN_LINE, message: expect.stringContaining('TEL') }],
    });
    const ids = json.contacts.map((contact: { id: string }) => contact.id);
    expect(new Set(ids).size).toBe(3);
    // Keys in the contract's order, nothing more.
    expect(Object.keys(json)).toEqual(['contacts', 'errors']);
    expect(Object.keys(json.contacts[0])).toEqual(['id', 'name', 'tel', 'email', 'sources']);
  });

  it('reads national numbers in the region given', async () => {
    const { stdout } = await run(['merge', '--json', '--region', 'GB', 'phone.vcf'], FILES);
    const turing = JSON.parse(stdout).contacts.find((c: { name: string }) => c.name === 'Alan Turing');
    expect(turing.tel).toEqual(['+442079460958']);
  });

  it('still prints valid JSON when every card of a file is broken', async () => {
    const broken = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nTEL;TYPE=HOME\r\nEND:VCARD\r\nnot a card\r\n';
    const { code, stdout } = await run(['merge', '--json', 'broken.vcf'], { 'broken.vcf': broken });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.contacts).toEqual([]);
    expect(json.errors.map((error: { file: string; line: number }) => [error.file, error.line])).toEqual([
      ['broken.vcf', 4],
      ['broken.vcf', 6],
    ]);
  });
});

describe('gcds merge', () => {
  it('prints a readable summary with each merge and why', async () => {
    const { code, stdout } = await run(['merge', 'cards/people.vcf', 'phone.vcf'], FILES);
    expect(code).toBe(0);
    expect(stdout).toContain('2 files, 5 cards → 3 people (1 merge), 1 error');
    expect(stdout).toMatch(/Ada Lovelace {2}\+14155550100, ada@example\.com {2}\[2 cards\]/);
    expect(stdout).toMatch(
      /(cards\/people\.vcf #0 \+ phone\.vcf #0|phone\.vcf #0 \+ cards\/people\.vcf #0): .*phone \+14155550100/,
    );
    expect(stdout).toContain(`cards/people.vcf:${BROKEN_LINE}: `);
  });

  it('writes the merged address book as vCard 4.0 that reads back as the same people', async () => {
    const first = await run(['merge', '-o', 'merged.vcf', 'cards/people.vcf', 'phone.vcf'], FILES);
    expect(first.stdout).toContain('Wrote 3 people to merged.vcf');
    const vcf = first.written.get('merged.vcf') ?? '';
    expect(vcf.split('BEGIN:VCARD').length - 1).toBe(3);
    expect(vcf).toContain('VERSION:4.0');
    const again = await run(['merge', '--json', 'merged.vcf'], { 'merged.vcf': vcf });
    const people = JSON.parse(again.stdout).contacts.map(
      (c: { name: string; tel: string[]; email: string[] }) => [c.name, c.tel, c.email],
    );
    expect(people).toEqual([
      ['Ada Lovelace', ['+14155550100'], ['ada@example.com']],
      ['Grace Hopper', ['12345'], ['grace@navy.example']],
      ['Alan Turing', ['020 7946 0958'], []],
    ]);
  });

  it('imports a card with a bad photo without it: a warning in the summary, the JSON contract unchanged', async () => {
    const files = {
      'photo.vcf':
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pat Photo\r\nTEL:+1 415 555 0199\r\nPHOTO;ENCODING=b:%%%\r\nEND:VCARD\r\n',
    };
    const json = JSON.parse((await run(['merge', '--json', 'photo.vcf'], files)).stdout);
    expect(Object.keys(json)).toEqual(['contacts', 'errors']);
    expect(json.contacts.map((c: { name: string; tel: string[] }) => [c.name, c.tel])).toEqual([
      ['Pat Photo', ['+14155550199']],
    ]);
    expect(json.errors).toEqual([]);
    const { stdout } = await run(['merge', 'photo.vcf'], files);
    expect(stdout).toContain('1 file, 1 card → 1 person (0 merges), 0 errors, 1 warning');
    expect(stdout).toContain(
      'Warnings\n  photo.vcf:5: line 5: the PHOTO is not valid base64, so it was left out (the card "Pat Photo" starting at line 1 was imported)\n',
    );
  });

  it('writes -o to a temporary file beside the output, then renames it over the output', async () => {
    const { code, calls, written } = await run(['merge', '-o', 'out/book.vcf', 'phone.vcf'], FILES, {
      files: { 'out/book.vcf': 'the old book' },
    });
    expect(code).toBe(0);
    expect(calls).toEqual(['write out/book.vcf.tmp-4242', 'rename out/book.vcf.tmp-4242 out/book.vcf']);
    expect(written.get('out/book.vcf')).toContain('N:Turing;Alan;;;');
    expect([...written.keys()].filter((path) => path.includes('.tmp-'))).toEqual([]);
  });

  it('leaves an existing -o file intact when the write fails mid-way, and removes the partial file', async () => {
    const { code, stderr, written } = await run(['merge', '-o', 'book.vcf', 'phone.vcf'], FILES, {
      files: { 'book.vcf': 'the old book' },
      failWriteOf: 'book.vcf.tmp-4242',
    });
    expect(code).toBe(1);
    expect(stderr).toBe('gcds: cannot write book.vcf: ENOSPC: no space left on device, write\n');
    expect(written.get('book.vcf')).toBe('the old book');
    expect(written.has('book.vcf.tmp-4242')).toBe(false);
  });

  it('fails with a clear message and no output when a file cannot be read', async () => {
    const { code, stdout, stderr } = await run(['merge', '--json', 'cards/people.vcf', 'missing.vcf'], FILES);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot read missing.vcf');
  });

  it('answers a wrong command line with the usage and exit code 2', async () => {
    const { code, stderr } = await run(['merge', '--region', 'ZZ', 'a.vcf']);
    expect(code).toBe(2);
    expect(stderr).toContain('"ZZ" is not a region');
    expect(stderr).toContain('Usage:');
  });
});

describe('gcds search', () => {
  it('answers as the contacts app ranks it: a name prefix in any order, digits, email', async () => {
    const byName = JSON.parse(
      (await run(['search', '--query', 'lov', 'cards/people.vcf', 'phone.vcf'], FILES)).stdout,
    );
    expect(byName).toEqual({ results: [{ id: expect.any(String), name: 'Ada Lovelace' }] });
    const byDigits = JSON.parse((await run(['search', '--query', '7946', 'phone.vcf'], FILES)).stdout);
    expect(byDigits.results.map((r: { name: string }) => r.name)).toEqual(['Alan Turing']);
    const byEmail = JSON.parse(
      (await run(['search', '--query', 'grace@', 'cards/people.vcf'], FILES)).stdout,
    );
    expect(byEmail.results.map((r: { name: string }) => r.name)).toEqual(['Grace Hopper']);
  });

  it('answers a query that matches no one with an empty list', async () => {
    const { code, stdout } = await run(['search', '--query', 'zzz', 'cards/people.vcf'], FILES);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ results: [] });
  });
});

const HOUSEHOLD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Tom Smith',
  'TEL;TYPE=HOME:020 7946 0000',
  'TEL;TYPE=CELL:07911 123456',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ann Smith',
  'TEL;TYPE=HOME:+44 20 7946 0000',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Voicemail',
  'TEL:121',
  'END:VCARD',
].join('\r\n');

describe('gcds lookup', () => {
  async function lookup(number: string) {
    const result = await run(['lookup', '--region', 'GB', '--number', number, 'home.vcf'], {
      'home.vcf': HOUSEHOLD,
    });
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout).matches as Array<{
      id: string;
      name: string;
      tel: string[];
      matchedTel: string;
    }>;
  }

  it('returns everyone a shared number belongs to, each with the entry that matched', async () => {
    const matches = await lookup('+442079460000');
    expect(matches.map((match) => match.name).sort()).toEqual(['Ann Smith', 'Tom Smith']);
    expect(matches.every((match) => match.matchedTel === '+442079460000')).toBe(true);
    expect(matches.find((match) => match.name === 'Tom Smith')?.tel).toEqual([
      '+442079460000',
      '+447911123456',
    ]);
  });

  it('reads the number in the region, as the dialer does: national and 00 forms', async () => {
    expect((await lookup('07911 123456')).map((match) => match.name)).toEqual(['Tom Smith']);
    expect((await lookup('0044 7911 123456')).map((match) => match.name)).toEqual(['Tom Smith']);
  });

  it('matches a short code only exactly, and an unknown number not at all', async () => {
    expect((await lookup('121')).map((match) => match.name)).toEqual(['Voicemail']);
    expect(await lookup('+44 121 496 0121')).toEqual([]);
    expect(await lookup('+1 415 555 0100')).toEqual([]);
  });
});
