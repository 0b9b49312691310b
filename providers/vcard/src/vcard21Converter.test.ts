import { describe, expect, it } from 'vitest';
import { escape21Value, modernContentLine } from './vcard21Converter';
import type { VcardVersion } from './vcardVersion';

function convert(bytes: number[] | string, version: VcardVersion, quotedPrintable = false) {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes);
  return modernContentLine({ bytes: data, line: 1, quotedPrintable }, version);
}

describe('escape21Value', () => {
  it('escapes what 3.0 reads as escapes, keeping 2.1\'s one escape "\\;"', () => {
    expect(escape21Value('NOTE', 'C:\\new, a\\;b\r\nnext')).toBe('C:\\\\new\\, a\\;b\\nnext');
  });

  it('leaves the commas of list properties as separators', () => {
    expect(escape21Value('CATEGORIES', 'a,b')).toBe('a,b');
  });
});

describe('modernContentLine', () => {
  it('turns bare types into TYPE= and drops the encoding and charset of a decoded value', () => {
    expect(convert('TEL;HOME;VOICE:123', '2.1')).toEqual({
      name: 'TEL',
      params: [
        { name: 'TYPE', value: 'HOME' },
        { name: 'TYPE', value: 'VOICE' },
      ],
      value: '123',
    });
    expect(convert('N;CHARSET=UTF-8;QUOTED-PRINTABLE:M=C3=BCller;J', '2.1', true)).toEqual({
      name: 'N',
      params: [],
      value: 'Müller;J',
    });
  });

  it('decodes quoted-printable with the declared charset and escapes its line breaks', () => {
    expect(
      convert('NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:K=F6ln=0D=0AX', '2.1', true).value,
    ).toBe('Köln\\nX');
  });

  it('decodes raw 8-bit bytes with the declared charset', () => {
    expect(convert([...Buffer.from('FN;CHARSET=Windows-1252:M'), 0xfc, 0x6c], '2.1').value).toBe('Mül');
  });

  it('keeps base64 as ENCODING=b without white space', () => {
    expect(convert('PHOTO;ENCODING=BASE64;JPEG:AA AA\tBB', '2.1')).toEqual({
      name: 'PHOTO',
      params: [
        { name: 'ENCODING', value: 'b' },
        { name: 'TYPE', value: 'JPEG' },
      ],
      value: 'AAAABB',
    });
  });

  it('leaves a 3.0 value escaped as it is, but still fixes 2.1 habits in 3.0 files', () => {
    expect(convert('NOTE:a\\, b', '3.0').value).toBe('a\\, b');
    expect(convert('TEL;CELL:1', '3.0').params).toEqual([{ name: 'TYPE', value: 'CELL' }]);
    expect(convert('NOTE;ENCODING=QUOTED-PRINTABLE:a=0Ab', '3.0', true).value).toBe('a\\nb');
  });
});
