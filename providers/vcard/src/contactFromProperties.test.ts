import { describe, expect, it } from 'vitest';
import { parseVcardFile } from './parseVcardFile';

function card(...lines: string[]) {
  const result = parseVcardFile(
    't.vcf',
    ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n'),
  );
  expect(result.errors).toEqual([]);
  return result.cards[0]!.contact;
}

describe('mapping properties onto the contact', () => {
  it('keeps what the model has no room for as extras, in order: second NOTE, photo links, text dates', () => {
    expect(
      card(
        'FN:A',
        'NOTE:first',
        'NOTE:second',
        'PHOTO;VALUE=uri:https://example.com/a.jpg',
        'BDAY;VALUE=text:circa 1800',
        'ROLE:Lead',
        'REV:last tuesday',
      ),
    ).toStrictEqual({
      formattedName: 'A',
      note: 'first',
      extra: [
        { name: 'NOTE', value: 'second' },
        { name: 'PHOTO', params: { VALUE: 'uri' }, value: 'https://example.com/a.jpg' },
        { name: 'BDAY', params: { VALUE: 'text' }, value: 'circa 1800' },
        { name: 'ROLE', value: 'Lead' },
        { name: 'REV', value: 'last tuesday' },
      ],
    });
  });

  it('labels only the property of the same group, case-insensitively; a lone X-ABLabel stays an extra', () => {
    expect(
      card(
        'FN:A',
        'ITEM1.TEL:1',
        'item1.X-ABLabel:Pager',
        'item2.X-ABRELATEDNAMES:Bo',
        'item2.X-ABLabel:_$!<Brother>!$_',
        'item3.EMAIL:a@b.c',
        'X-ABLabel:orphan',
      ),
    ).toStrictEqual({
      formattedName: 'A',
      tel: [{ value: '1', label: 'Pager' }],
      email: [{ value: 'a@b.c' }],
      extra: [
        { name: 'X-ABRELATEDNAMES', group: 'item2', value: 'Bo' },
        { name: 'X-ABLABEL', group: 'item2', value: '_$!<Brother>!$_' },
        { name: 'X-ABLABEL', value: 'orphan' },
      ],
    });
  });

  it('takes a 3.0 X-ANNIVERSARY as the anniversary, and a PREF parameter as pref', () => {
    expect(card('FN:A', 'X-ANNIVERSARY:2001-02-03', 'EMAIL;PREF=1:a@b.c')).toStrictEqual({
      formattedName: 'A',
      email: [{ value: 'a@b.c', pref: true }],
      anniversary: { year: 2001, month: 2, day: 3 },
    });
  });

  it('keeps extra N, ADR and ORG components instead of dropping them', () => {
    expect(card('N:F;G;A;P;S;extra', 'ADR:;;s;l;r;p;c;more', 'ORG:O;D;Sub')).toStrictEqual({
      prefix: 'P',
      given: 'G',
      additional: 'A',
      family: 'F',
      suffix: 'S;extra',
      adr: [{ street: 's', locality: 'l', region: 'r', postalCode: 'p', countryName: 'c;more' }],
      org: 'O',
      department: 'D;Sub',
    });
  });

  it('drops the FN we derived on export, and ignores empty N and FN', () => {
    expect(card('FN;X-GCDS-DERIVED=TRUE:Ann Lee', 'N:Lee;Ann;;;')).toStrictEqual({
      given: 'Ann',
      family: 'Lee',
    });
    expect(card('FN:', 'N:;;;;', 'TEL:1')).toStrictEqual({ tel: [{ value: '1' }] });
  });

  it('keeps empty values of other properties as extras (nothing is silently dropped)', () => {
    expect(card('FN:A', 'TEL;TYPE=CELL:', 'EMAIL:')).toStrictEqual({
      formattedName: 'A',
      extra: [
        { name: 'TEL', params: { TYPE: 'CELL' }, value: '' },
        { name: 'EMAIL', value: '' },
      ],
    });
  });

  it('repeats NICKNAME and CATEGORIES lines into one list', () => {
    expect(card('FN:A', 'NICKNAME:a,b\\,c', 'NICKNAME:d', 'CATEGORIES:x', 'CATEGORIES:y,z')).toStrictEqual({
      formattedName: 'A',
      nickname: ['a', 'b,c', 'd'],
      category: ['x', 'y', 'z'],
    });
  });

  it('reports a card with only VERSION and PRODID as empty', () => {
    const result = parseVcardFile('t.vcf', 'BEGIN:VCARD\nVERSION:3.0\nPRODID:x\nEND:VCARD\n');
    expect(result.cards).toEqual([]);
    expect(result.errors).toEqual([
      {
        file: 't.vcf',
        line: 1,
        message: 'the card has no properties (the card starting at line 1 was not imported)',
      },
    ]);
  });

  it('reads a card without VERSION as 3.0', () => {
    const result = parseVcardFile('t.vcf', 'BEGIN:VCARD\nFN:No Version\nNOTE:a\\nb\nEND:VCARD\n');
    expect(result.cards[0]!.contact).toStrictEqual({ formattedName: 'No Version', note: 'a\nb' });
  });
});
