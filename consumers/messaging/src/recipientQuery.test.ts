import { describe, expect, it } from 'vitest';
import { parseRecipientQuery } from './recipientQuery';

describe('parseRecipientQuery', () => {
  it('reads digits as a number, also without its international or trunk prefix', () => {
    expect(parseRecipientQuery('+44 20')).toEqual({ kind: 'phone', prefixes: ['4420'] });
    expect(parseRecipientQuery('0044 (20)')).toEqual({ kind: 'phone', prefixes: ['004420', '4420'] });
    expect(parseRecipientQuery('011 44-20')).toEqual({
      kind: 'phone',
      prefixes: ['0114420', '114420', '4420'],
    });
    expect(parseRecipientQuery('07400')).toEqual({ kind: 'phone', prefixes: ['07400', '7400'] });
    expect(parseRecipientQuery('000')).toEqual({ kind: 'phone', prefixes: ['000'] });
  });

  it('reads text as folded name words and, in one chunk, an email prefix', () => {
    expect(parseRecipientQuery('  ÉMILE  ådahl ')).toEqual({
      kind: 'text',
      words: ['emile', 'adahl'],
      emailPrefix: undefined,
    });
    expect(parseRecipientQuery("O'Ne")).toEqual({ kind: 'text', words: ['one'], emailPrefix: "o'ne" });
    expect(parseRecipientQuery('Ada.L@EX')).toEqual({ kind: 'text', words: [], emailPrefix: 'ada.l@ex' });
  });

  it('asks for nothing when nothing was typed, and refuses what is not text', () => {
    expect(parseRecipientQuery('   ')).toBeUndefined();
    expect(parseRecipientQuery('+ ( )')).toBeUndefined();
    expect(() => parseRecipientQuery(12 as never)).toThrow(TypeError);
  });
});
