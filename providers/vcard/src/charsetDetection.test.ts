import { describe, expect, it } from 'vitest';
import { detectFileEncoding, Utf8Chunks } from './charsetDetection';
import { concatBytes } from './concatBytes';
import { parseVcardFile } from './parseVcardFile';

const utf8 = (text: string) => new TextEncoder().encode(text);
const CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ødegaard\r\nEND:VCARD\r\n';

function throughChunks(bytes: Uint8Array, size: number): Uint8Array {
  const converter = new Utf8Chunks();
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...converter.push(bytes.subarray(at, at + size)));
  out.push(...converter.finish());
  return concatBytes(out);
}

describe('the encoding of a file', () => {
  it('trusts a UTF-16 byte-order mark when the content is UTF-16, in either byte order', () => {
    expect(detectFileEncoding(Uint8Array.from([0xff, 0xfe, ...Buffer.from(CARD, 'utf16le')]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    const be = Buffer.from(`\ufeff${CARD}`, 'utf16le').swap16();
    expect(detectFileEncoding(Uint8Array.from(be))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('reads a UTF-8 file that starts with FF FE as UTF-8, and says the mark contradicted it', () => {
    const decision = detectFileEncoding(Uint8Array.from([0xff, 0xfe, ...utf8(CARD)]));
    expect(decision).toEqual({
      encoding: 'utf-8',
      bomLength: 2,
      warning:
        'the file starts with FF FE, the byte-order mark of UTF-16LE, but its content is not UTF-16: it was read as UTF-8 without those two bytes',
    });
    const parsed = parseVcardFile('f.vcf', Uint8Array.from([0xff, 0xfe, ...utf8(CARD)]));
    expect(parsed.cards.map((c) => c.contact.formattedName)).toEqual(['Zoë Ødegaard']);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([{ file: 'f.vcf', line: 1, message: decision.warning }]);
  });

  it('transcodes UTF-16 fed in chunks of any size, a character cut between chunks included', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(`${CARD}😀`, 'utf16le')]);
    for (const size of [1, 3, 7, 4096])
      expect(new TextDecoder().decode(throughChunks(le, size))).toBe(`${CARD}😀`);
    const plain = utf8(CARD);
    expect(throughChunks(plain, 5)).toEqual(plain);
  });
});

describe('what a card needed to be read, reported per card', () => {
  it('says when bytes were not UTF-8 and had no CHARSET, and reads them as windows-1252', () => {
    const bytes = Uint8Array.from([
      ...utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren'),
      0xe9,
      ...utf8('e\r\nNOTE:caf'),
      0xe9,
      ...utf8('\r\nEND:VCARD\r\n'),
    ]);
    const parsed = parseVcardFile('f.vcf', bytes);
    expect(parsed.cards[0]!.contact).toMatchObject({ formattedName: 'Renée', note: 'café' });
    expect(parsed.warnings).toEqual([
      {
        file: 'f.vcf',
        line: 3,
        message:
          'line 3: not valid UTF-8 and no CHARSET is declared: read as windows-1252 (lines 3, 4) (the card "Renée" starting at line 1 was imported)',
      },
    ]);
  });

  it('says so of the file when it starts with the UTF-8 mark but a card is not UTF-8', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...utf8('BEGIN:VCARD\r\nFN:Ren'),
      0xe9,
      ...utf8('e\r\nEND:VCARD\r\n'),
    ]);
    expect(parseVcardFile('f.vcf', bytes).warnings.map((w) => [w.line, w.message])).toEqual([
      [
        1,
        'the file starts with the byte-order mark of UTF-8, but one card is not UTF-8 (see their warnings)',
      ],
      [2, expect.stringMatching(/^line 2: not valid UTF-8 and no CHARSET is declared/)],
    ]);
    expect(parseVcardFile('f.vcf', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CARD)])).warnings).toEqual([]);
  });

  it('says nothing of bytes in the CHARSET a 2.1 card declares, nor of UTF-8', () => {
    const declared = Uint8Array.from([
      ...utf8('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M'),
      0xfc,
      ...utf8('ller;Hans\r\nEND:VCARD\r\n'),
    ]);
    const parsed = parseVcardFile('f.vcf', declared);
    expect(parsed.cards[0]!.contact.family).toBe('Müller');
    expect(parsed.warnings).toEqual([]);
    expect(parseVcardFile('f.vcf', utf8(CARD)).warnings).toEqual([]);
  });

  it('removes NUL bytes from names and says where', () => {
    const parsed = parseVcardFile(
      'f.vcf',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\u0000da\r\nN:Love\u0000\u0000lace;Ada;;;\r\nEND:VCARD\r\n',
    );
    expect(parsed.cards[0]!.contact).toMatchObject({ formattedName: 'Ada', family: 'Lovelace' });
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'line 3: 3 NUL bytes were removed (lines 3, 4) (the card "Ada" starting at line 1 was imported)',
    ]);
  });
});
