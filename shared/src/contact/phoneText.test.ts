import { describe, expect, it } from 'vitest';
import { asciiDigits, splitPhoneText, vanityDigits } from './phoneText';

describe('asciiDigits', () => {
  it.each([
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'], // Arabic-Indic
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'], // Persian (extended Arabic-Indic)
    ['०१२३४५६७८९', '0123456789'], // Devanagari
    ['০১২৩৪৫৬৭৮৯', '0123456789'], // Bengali
    ['๐๑๒๓๔๕๖๗๘๙', '0123456789'], // Thai
    ['０１２３４５６７８９', '0123456789'], // fullwidth
    ['𝟎𝟏𝟐', '012'], // mathematical bold
    ['＋４４ (20)', '+44 (20)'],
    ['+1 415', '+1 415'],
  ])('%s → %s', (text, expected) => {
    expect(asciiDigits(text)).toBe(expected);
  });
});

describe('splitPhoneText', () => {
  it.each([
    ['415 555 0132', '415 555 0132', undefined],
    ['415 555 0132 x12', '415 555 0132', '12'],
    ['415 555 0132 X 12', '415 555 0132', '12'],
    ['415 555 0132 ext 12', '415 555 0132', '12'],
    ['415 555 0132 ext.12', '415 555 0132', '12'],
    ['415 555 0132, ext. 12', '415 555 0132', '12'],
    ['415 555 0132 extn 12', '415 555 0132', '12'],
    ['415 555 0132 extension: 12', '415 555 0132', '12'],
    ['(415) 555-0132 #12', '(415) 555-0132', '12'],
    ['030 901820 DW 12', '030 901820', '12'],
    ['01 23 45 67 89 poste 4', '01 23 45 67 89', '4'],
    ['02 345 6789 anexo 4', '02 345 6789', '4'],
    ['020 1234 5678 toestel 4', '020 1234 5678', '4'],
    ['tel:+1-415-555-0132;ext=99', '+1-415-555-0132', '99'],
    ['tel:+1-415-555-0132;phone-context=example.com', '+1-415-555-0132', undefined],
    ['+1 415 555 0132;ext=99;isub=1', '+1 415 555 0132', '99'],
    ['415 555 0132,,123#', '415 555 0132', '123#'],
    ['415 555 0132;123', '415 555 0132', '123'],
    ['415 555 0132p1p2', '415 555 0132', '12'],
    ['415 555 0132 w 9', '415 555 0132', '9'],
    ['*#06#', '*#06#', undefined],
    ['1-800-FLOWERS', '1-800-FLOWERS', undefined],
  ])('%j → %j + %s', (text, main, ext) => {
    expect(splitPhoneText(text)).toEqual(ext === undefined ? { main } : { main, ext });
  });
});

describe('vanityDigits', () => {
  it.each([
    ['1-800-FLOWERS', '1-800-3569377'],
    ['0800 florist', '0800 3567478'],
    ['+44 800 CALL NOW', '+44 800 2255 669'],
    ['415 555 0132', undefined],
    ['Home 415 555 0132', undefined],
    ['call me', undefined],
  ])('%j → %j', (text, expected) => {
    expect(vanityDigits(text)).toBe(expected);
  });
});
