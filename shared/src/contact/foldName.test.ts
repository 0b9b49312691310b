import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, nameParts, nameWords } from './foldName';

describe('foldName', () => {
  it.each([
    // Latin: accents, case, white space
    ['  José  ÁLVAREZ ', 'jose alvarez'],
    ['Renée Zoë', 'renee zoe'],
    ['Nguyễn Thị Minh Khai', 'nguyen thi minh khai'],
    ['François Müller-Lüdenscheidt', 'francois muller-ludenscheidt'],
    ['Ana\tMaria\u00a0Lopes', 'ana maria lopes'],
    ['Ana\u200bMaria', 'anamaria'],
    // Letters NFKD does not take apart
    ['Straße', 'strasse'],
    ['GROẞ', 'gross'],
    ['Ørsted', 'orsted'],
    ['Bjørn Ærø', 'bjorn aero'],
    ['Łukasz Paweł', 'lukasz pawel'],
    ['Đorđe', 'dorde'],
    ['Þór Guðmundsdóttir', 'thor gudmundsdottir'],
    ['Œdipe', 'oedipe'],
    // Turkish dotted and dotless i
    ['İsmail', 'ismail'],
    ['IŞIK', 'isik'],
    ['ışık', 'isik'],
    // Compatibility forms
    ['ﬁona', 'fiona'],
    ['𝐀da', 'ada'],
    ['Ｊｏｈｎ', 'john'],
    ['Ŀlorenç', 'llorenc'],
    // Apostrophes and dashes unified
    ['O’Neil', "o'neil"],
    ['Jean‐Luc', 'jean-luc'],
    // Greek: accents and breathings go, final sigma is sigma
    ['Ὀδυσσεύς', 'οδυσσευσ'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['Σωκράτης', 'σωκρατησ'],
    ['Ελένη Παπαδοπούλου', 'ελενη παπαδοπουλου'],
    // Cyrillic
    ['Дмитрий Шостакович', 'дмитрии шостакович'],
    ['Фёдор Ёлкин', 'федор елкин'],
    // CJK: unchanged but for spaces and width; kana keep their voicing marks
    ['山田 太郎', '山田 太郎'],
    ['山田\u3000太郎', '山田 太郎'],
    ['がくと', 'がくと'],
    ['ｶﾞｸﾄ', 'ガクト'],
    // Hangul decomposes and composes again
    ['김민준', '김민준'],
    // Arabic: harakat, hamza carriers, tatweel, alef maqsura, teh marbuta
    ['مُحَمَّد', 'محمد'],
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['مـحـمـد', 'محمد'],
    ['مصطفى', 'مصطفي'],
    ['فاطمة', 'فاطمه'],
    // Hebrew points
    ['שָׁלוֹם', 'שלום'],
    // Devanagari vowel signs are letters, not accents
    ['प्रिया', 'प्रिया'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const once = foldName(text);
        return foldName(once) === once;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('nameWords', () => {
  it.each([
    ['Ada Lovelace', ['ada', 'lovelace']],
    ["O'Neil", ['o', 'neil', 'oneil']],
    ['Jean-Luc Picard', ['jean', 'luc', 'jeanluc', 'picard']],
    ['Dr. Ana-María García', ['dr', 'ana', 'maria', 'anamaria', 'garcia']],
    ['García García', ['garcia']],
    ['山田 太郎', ['山田', '太郎']],
    ['Ελένη (Λένα)', ['ελενη', 'λενα']],
    ['Борис 2', ['борис', '2']],
    ['  ', []],
  ])('%j → %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('nameParts', () => {
  it.each([
    ["Jean-Luc O'Neil", ['jean', 'luc', 'o', 'neil']],
    ['García García', ['garcia', 'garcia']],
    ['Dr. Ana-María', ['dr', 'ana', 'maria']],
    ['山田 太郎', ['山田', '太郎']],
    ['', []],
  ])('%j → %j', (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });
});
