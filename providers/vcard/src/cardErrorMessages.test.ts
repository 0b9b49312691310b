import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, corpusBytes } from '../test/corpusFiles';
import { parseVcardFile } from './parseVcardFile';

const card = (name: string, ...lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, ...lines, 'END:VCARD'].join('\r\n');

const names = (text: string) => parseVcardFile('f.vcf', text).cards.map((c) => c.contact.formattedName);

/** What a JavaScript engine says about its own faults: never something a person should read about a card. */
const INTERNAL = [
  /Cannot read propert/i,
  /undefined/,
  /is not a function/,
  /is not iterable/,
  /is not defined/,
  /Maximum call stack/i,
  /\bat .*\(.*:\d+:\d+\)/,
  /\.ts:\d+/,
  /TypeError|RangeError|ReferenceError/,
];

describe('a property named BEGIN or END inside a card', () => {
  it.each([
    ['BEGIN:foo', 'BEGIN'],
    ['END:foo', 'END'],
    ['BEGIN;X-A=1:VCARD', 'BEGIN'],
    ['item1.END:VCARD', 'END'],
    ['begin:vcalendar', 'BEGIN'],
  ])('%s: the card is reported by its line and name, the cards around it import', (line, property) => {
    const text = [card('Before'), card('Ada Lovelace', 'TEL:+1 415 555 0100', line), card('After')].join(
      '\r\n',
    );
    const result = parseVcardFile('f.vcf', text);
    expect(result.cards.map((c) => c.contact.formattedName)).toEqual(['Before', 'After']);
    expect(result.errors).toEqual([
      {
        file: 'f.vcf',
        line: 9,
        message: `line 9: a property named ${property} inside the card (only BEGIN:VCARD and END:VCARD go around a card, and a card holds no other component) (the card "Ada Lovelace" starting at line 5 was not imported)`,
      },
    ]);
  });

  it('a nested BEGIN:VCARD … END:VCARD: the outer card is reported with its name, the inner and later cards import', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Lovelace;Ada;;;',
      card('Inner'),
      'END:VCARD',
      card('After'),
    ].join('\r\n');
    const result = parseVcardFile('f.vcf', text);
    expect(result.cards.map((c) => c.contact.formattedName)).toEqual(['Inner', 'After']);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [
        1,
        'the card has no END:VCARD before the next BEGIN:VCARD at line 4 (the card "Ada Lovelace" starting at line 1 was not imported)',
      ],
      [8, 'END:VCARD without a BEGIN:VCARD'],
    ]);
  });

  it('a card without a name is named by its line only', () => {
    const result = parseVcardFile(
      'f.vcf',
      ['BEGIN:VCARD', 'VERSION:3.0', 'TEL:1', 'END:x', 'END:VCARD'].join('\n'),
    );
    expect(result.errors[0]!.message).toMatch(/\(the card starting at line 1 was not imported\)$/);
  });

  it('a name full of control characters is shown cleaned and cut short', () => {
    const result = parseVcardFile('f.vcf', card(`A\u0007\u0000${'b'.repeat(100)}`, 'END:x'));
    expect(result.errors[0]!.message).toContain(`(the card "A ${'b'.repeat(58)}…" starting at line 1`);
    expect(names(card('Fine'))).toEqual(['Fine']);
  });
});

describe('every per-card error is a sentence about the card', () => {
  const hostileLine = fc.oneof(
    fc.constantFrom(
      'BEGIN:VCARD',
      'END:VCARD',
      'BEGIN:',
      'END:',
      'BEGIN;=:x',
      'END;X="',
      'VERSION:4.0',
      'VERSION:2.1',
      'TEL;;;:',
      'TEL;TYPE="a,"b":1',
      'X-A;VALUE=uri;;=:',
      'PHOTO;ENCODING=b:%%%',
      'PHOTO:data:image/png;base64,%%',
      'N;CHARSET=bogus;ENCODING=QUOTED-PRINTABLE:=C3=',
      'ADR;;;;;;;;:',
      'BDAY;VALUE=date:--13-45',
      'item1.:x',
      '.X:',
      ':',
      ';;;:',
      'GEO:geo:',
      'REV:99999999T999999Z',
    ),
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 10 }).map((s) => `${s}:${s}`),
    fc.string({ maxLength: 10 }).map((s) => `X-${s};${s}=${s}:${s}`),
  );

  it('never an internal message of the engine (fuzzed lines, every corpus file)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CORPUS_FILES),
        fc.array(fc.tuple(fc.nat(), hostileLine), { minLength: 1, maxLength: 6 }),
        (file, inserts) => {
          const lines = new TextDecoder('latin1').decode(corpusBytes(file)).split(/\r\n|\n/);
          for (const [at, line] of inserts) lines.splice(at % lines.length, 0, line);
          for (const error of parseVcardFile(file, lines.join('\r\n')).errors) {
            for (const pattern of INTERNAL) expect(error.message).not.toMatch(pattern);
            expect(error.message).toMatch(/^[a-zA-Z"].*\S$/s);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
