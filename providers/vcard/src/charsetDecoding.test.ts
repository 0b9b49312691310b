import { describe, expect, it } from 'vitest';
import { decodeDeclaredText, decodeRawText, UnknownCharsetError } from './charsetDecoding';

describe('decodeRawText (bytes as the file carried them)', () => {
  it('reads valid UTF-8 as UTF-8, whatever CHARSET says', () => {
    expect(decodeRawText(Uint8Array.from([0x4d, 0xc3, 0xbc]), 'windows-1252')).toBe('Mü');
  });

  it('reads other bytes in the declared charset, else windows-1252', () => {
    expect(decodeRawText(Uint8Array.from([0x4d, 0xfc]), 'iso-8859-1')).toBe('Mü');
    expect(decodeRawText(Uint8Array.from([0x80, 0x20, 0x93, 0x94]), undefined)).toBe('€ “”');
    expect(decodeRawText(Uint8Array.from([0xe4, 0xbd]), 'ISO-8859-7')).toBe('δ½');
  });
});

describe('decodeDeclaredText (quoted-printable bytes)', () => {
  it('trusts a declared charset, even when the bytes happen to be valid UTF-8', () => {
    expect(decodeDeclaredText(Uint8Array.from([0xc3, 0xa9]), 'windows-1252')).toBe('Ã©');
    expect(decodeDeclaredText(Uint8Array.from([0xc3, 0xa9]), undefined)).toBe('é');
  });

  it('refuses an unknown charset by name', () => {
    expect(() => decodeDeclaredText(Uint8Array.from([0x41]), 'x-klingon')).toThrow(UnknownCharsetError);
    expect(() => decodeDeclaredText(Uint8Array.from([0x41]), 'x-klingon')).toThrow(
      'unknown CHARSET "x-klingon"',
    );
  });
});
