import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable } from './quotedPrintable';

const decode = (text: string) => [...decodeQuotedPrintable(new TextEncoder().encode(text))];

describe('decodeQuotedPrintable', () => {
  it('decodes =XX in either case to bytes, leaving other bytes alone', () => {
    expect(decode('a=C3=a9b')).toEqual([0x61, 0xc3, 0xa9, 0x62]);
  });

  it('keeps a "=" that does not start an escape, and drops a dangling soft break at the end', () => {
    expect(decode('1+1=2 =ZZ')).toEqual([...Buffer.from('1+1=2 =ZZ')]);
    expect(decode('end=')).toEqual([...Buffer.from('end')]);
    expect(decode('=4')).toEqual([...Buffer.from('=4')]);
  });
});
