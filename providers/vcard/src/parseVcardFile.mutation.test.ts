import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, corpusBytes } from '../test/corpusFiles';
import { parseVcardFile, splitVcardFile } from './parseVcardFile';
import { fileBytes, physicalLines } from './physicalLines';

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'insert'; at: number; text: string };

const NASTY = [
  'BEGIN:VCARD',
  'END:VCARD',
  'VERSION:2.1',
  'VERSION:4.0',
  ';ENCODING=QUOTED-PRINTABLE:=C3=',
  ';CHARSET=bogus',
  '="',
  '\r\n ',
  '\n\t',
  'PHOTO;ENCODING=b:%%%',
  'item1.X-ABLabel:',
  'TEL;;;:',
  '\u0000',
  '\ufeff',
  'BDAY:--1399',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
);

function lineSpans(bytes: Uint8Array): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < bytes.length) spans.push([start, bytes.length]);
  return spans;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  if (bytes.length === 0) return bytes;
  const at = change.at % bytes.length;
  switch (change.kind) {
    case 'flip': {
      const copy = new Uint8Array(bytes);
      copy[at] = change.byte;
      return copy;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'insert':
      return concat(bytes.subarray(0, at), new TextEncoder().encode(change.text), bytes.subarray(at));
    default: {
      const spans = lineSpans(bytes);
      const [start, end] = spans[change.at % spans.length]!;
      const line = bytes.subarray(start, end);
      return change.kind === 'duplicateLine'
        ? concat(bytes.subarray(0, end), line, bytes.subarray(end))
        : concat(bytes.subarray(0, start), bytes.subarray(end));
    }
  }
}

function checkParse(name: string, input: Uint8Array | string): void {
  const lines = physicalLines(fileBytes(input)).length;
  const blocks = splitVcardFile(name, input).blocks.length;
  const result = parseVcardFile(name, input);
  for (const error of result.errors) {
    expect(error.file).toBe(name);
    expect(Number.isInteger(error.line)).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lines);
    expect(error.message.length).toBeGreaterThan(0);
    // Every failure is one the parser understood, not an exception it merely caught.
    expect(error.message).not.toMatch(/could not be read|Cannot read propert|undefined|is not a function/);
  }
  // Every card ends up exactly once: imported, skipped as a group, or among the errors.
  expect(result.cards.length + result.skippedGroups).toBeLessThanOrEqual(blocks);
  expect(result.cards.length + result.skippedGroups + result.errors.length).toBeGreaterThanOrEqual(blocks);
  for (const card of result.cards) {
    expect(card.source.line).toBeGreaterThanOrEqual(1);
    expect(card.source.contentHash).toMatch(/^[0-9a-f]{28}$/);
  }
}

describe('mutated corpus files', () => {
  it('never throw: every problem is a card error with its file and line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CORPUS_FILES),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (name, changes) => {
          const bytes = changes.reduce(mutate, corpusBytes(name));
          checkParse(name, bytes);
          checkParse(name, new TextDecoder().decode(bytes));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a parameter ical.js cannot read is an error of its own line (a case the property above once found)', () => {
    const changes: Mutation[] = [
      { kind: 'insert', at: 484144, text: ';ENCODING=QUOTED-PRINTABLE:=C3=' },
      { kind: 'flip', at: 190315246, byte: 34 },
      { kind: 'insert', at: 3635, text: 'BEGIN:VCARD' },
    ];
    const bytes = changes.reduce(mutate, corpusBytes('outlook-2.1.vcf'));
    checkParse('outlook-2.1.vcf', bytes);
    const messages = parseVcardFile('outlook-2.1.vcf', bytes).errors.map((error) => error.message);
    expect(messages.some((message) => /the TEL property's parameters are malformed/.test(message))).toBe(
      true,
    );
  });

  it('keep importing the cards a mutation did not touch', () => {
    fc.assert(
      fc.property(fc.nat(), (at) => {
        // Break one line of the Apple file: the other person card still imports, intact.
        const bytes = corpusBytes('apple-3.0.vcf');
        const spans = lineSpans(bytes);
        const [start, end] = spans[at % 31]!;
        const broken = concat(
          bytes.subarray(0, start),
          new TextEncoder().encode('garbage\r\n'),
          bytes.subarray(end),
        );
        const result = parseVcardFile('apple-3.0.vcf', broken);
        expect(result.cards.map((card) => card.contact.formattedName)).toContain('Globex Corporation');
      }),
    );
  });
});

describe('random bytes', () => {
  it('never throw either', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uint8Array({ maxLength: 40 }),
            fc.constantFrom(...NASTY).map((t) => new TextEncoder().encode(t)),
          ),
          { maxLength: 30 },
        ),
        (parts) => checkParse('random.vcf', concat(...parts)),
      ),
      { numRuns: 1000 },
    );
  });
});
