import { describe, expect, it } from 'vitest';
import { unfoldCard } from './logicalLines';
import { physicalLines } from './physicalLines';
import type { VcardVersion } from './vcardVersion';

function unfold(lines: Array<string | number[]>, version: VcardVersion) {
  const parts = lines.map((line) => (typeof line === 'string' ? [...Buffer.from(line)] : line));
  const bytes = Uint8Array.from(parts.flatMap((part, i) => (i === 0 ? part : [0x0d, 0x0a, ...part])));
  return unfoldCard(physicalLines(bytes), version).map((line) => ({
    text: Buffer.from(line.bytes).toString('utf8'),
    line: line.line,
    qp: line.quotedPrintable,
  }));
}

describe('unfoldCard', () => {
  it('drops the one white-space character of a 3.0/4.0 fold, and joins bytes of a split character', () => {
    expect(unfold(['NOTE:caf', [0x20, 0xc3], [0x20, 0xa9], 'FN:x'], '3.0')).toEqual([
      { text: 'NOTE:café', line: 1, qp: false },
      { text: 'FN:x', line: 4, qp: false },
    ]);
  });

  it('keeps the white space of a 2.1 fold (2.1 folds at white space that belongs to the value)', () => {
    expect(unfold(['NOTE:a long', ' note'], '2.1')).toEqual([
      { text: 'NOTE:a long note', line: 1, qp: false },
    ]);
    expect(unfold(['NOTE:a long', ' note'], '3.0')).toEqual([
      { text: 'NOTE:a longnote', line: 1, qp: false },
    ]);
  });

  it('joins quoted-printable soft breaks whatever the next line starts with', () => {
    expect(
      unfold(['NOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=', '=A9 =', 'END-LIKE:text', 'FN:x'], '2.1'),
    ).toEqual([
      { text: 'NOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 END-LIKE:text', line: 1, qp: true },
      { text: 'FN:x', line: 4, qp: false },
    ]);
  });

  it('recognises a bare QUOTED-PRINTABLE and ignores white space after the soft break', () => {
    expect(unfold(['N;CHARSET=UTF-8;QUOTED-PRINTABLE:a=  ', 'b'], '2.1')).toEqual([
      { text: 'N;CHARSET=UTF-8;QUOTED-PRINTABLE:ab', line: 1, qp: true },
    ]);
  });

  it('does not treat a trailing "=" of a non-QP value as a soft break', () => {
    expect(unfold(['NOTE:a=', 'FN:b'], '2.1').map((l) => l.text)).toEqual(['NOTE:a=', 'FN:b']);
  });

  it('continues 2.1 base64 on unindented lines until a blank line', () => {
    expect(unfold(['PHOTO;ENCODING=BASE64;JPEG:AAAA', 'BBBB', '  CCCC', '', 'FN:x'], '2.1')).toEqual([
      // White space inside base64 is ignored when it is decoded.
      { text: 'PHOTO;ENCODING=BASE64;JPEG:AAAABBBB CCCC', line: 1, qp: false },
      { text: 'FN:x', line: 5, qp: false },
    ]);
  });

  it('drops blank lines inside a card', () => {
    expect(unfold(['FN:a', '', '   ', 'N:b;;;;'], '3.0').map((l) => [l.text, l.line])).toEqual([
      ['FN:a', 1],
      ['N:b;;;;', 4],
    ]);
  });
});
