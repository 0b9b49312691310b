import { describe, expect, it } from 'vitest';
import { ContentLineError, contentLineHeader, tokenizeContentLine } from './contentLine';

describe('tokenizeContentLine', () => {
  it('splits group, name, parameters and the value as written', () => {
    expect(tokenizeContentLine('item1.TEL;type=CELL;type=pref:+1 555')).toEqual({
      group: 'item1',
      name: 'TEL',
      params: [
        { name: 'type', value: 'CELL' },
        { name: 'type', value: 'pref' },
      ],
      value: '+1 555',
    });
  });

  it('reads quoted parameter values holding ":" ";" and ",", and comma lists', () => {
    expect(tokenizeContentLine('X-A;X-P="a:b;c";TYPE="x,y",z:v:w')).toEqual({
      name: 'X-A',
      params: [
        { name: 'X-P', value: '"a:b;c"' },
        { name: 'TYPE', value: '"x,y",z' },
      ],
      value: 'v:w',
    });
  });

  it('keeps bare 2.1 parameters as bare tokens', () => {
    expect(tokenizeContentLine('TEL;HOME;VOICE:1').params).toEqual([
      { name: null, value: 'HOME' },
      { name: null, value: 'VOICE' },
    ]);
  });

  it('takes a quote inside an unquoted value as a character', () => {
    expect(tokenizeContentLine('X-A;X-P=a"b:c')).toMatchObject({
      params: [{ name: 'X-P', value: 'a"b' }],
      value: 'c',
    });
  });

  it('refuses lines that are not properties, saying why', () => {
    expect(() => tokenizeContentLine('no colon here')).toThrow(ContentLineError);
    expect(() => tokenizeContentLine('no colon here')).toThrow('no ":"');
    expect(() => tokenizeContentLine('two words:x')).toThrow('"two words" is not a property name');
    expect(() => tokenizeContentLine('a.b.C:x')).toThrow('is not a property name');
    expect(() => tokenizeContentLine('X;P="open:x')).toThrow('unclosed quote in parameter P');
    expect(() => tokenizeContentLine('X;=v:x')).toThrow('a parameter has no name');
    expect(() => tokenizeContentLine('X;P="a"b:x')).toThrow('no ":" after the parameters of X');
  });

  it('writes the header back as it was', () => {
    const line = 'item2.ADR;TYPE=HOME;PREF;X-P="a:b"';
    expect(contentLineHeader(tokenizeContentLine(`${line}:v`))).toBe(line);
  });
});
