import { describe, expect, it } from 'vitest';
import { fileBytes, physicalLines } from './physicalLines';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('fileBytes', () => {
  it('drops a UTF-8 byte-order mark from bytes and from text', () => {
    expect(text(fileBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])))).toBe('A');
    expect(text(fileBytes('\ufeffA'))).toBe('A');
  });

  it('turns UTF-16 files, with or without a BOM, into UTF-8', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from('BEGIN:é', 'utf16le')]);
    const be = Uint8Array.from(Buffer.from('\ufeffBEGIN:é', 'utf16le').swap16());
    const bare = Uint8Array.from(Buffer.from('BEGIN:é', 'utf16le'));
    for (const bytes of [le, be, bare]) expect(text(fileBytes(bytes))).toBe('BEGIN:é');
  });

  it('leaves other bytes alone, legacy 8-bit included', () => {
    const bytes = Uint8Array.from([0x4d, 0xfc]);
    expect(fileBytes(bytes)).toEqual(bytes);
  });
});

describe('physicalLines', () => {
  it('splits at CRLF, LF and a lone CR, numbering lines from 1', () => {
    const lines = physicalLines(new TextEncoder().encode('a\r\nb\nc\rd'));
    expect(lines.map((line) => [text(line.bytes), line.number])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('keeps empty lines (they count) and has no phantom line after a final break', () => {
    const lines = physicalLines(new TextEncoder().encode('a\r\n\r\nb\r\n'));
    expect(lines.map((line) => [text(line.bytes), line.number])).toEqual([
      ['a', 1],
      ['', 2],
      ['b', 3],
    ]);
  });
});
