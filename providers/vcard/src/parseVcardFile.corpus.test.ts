import type { ContactDraft } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import {
  bytesOfBase64,
  CORPUS_JPEG_BASE64,
  CORPUS_PNG_BASE64,
  type CorpusFile,
  corpusBytes,
} from '../test/corpusFiles';
import { parseVcardFile } from './parseVcardFile';
import type { VcardFileParse } from './vcardParseResult';

const JPEG = bytesOfBase64(CORPUS_JPEG_BASE64);
const PNG = bytesOfBase64(CORPUS_PNG_BASE64);

function parse(name: CorpusFile): VcardFileParse {
  return parseVcardFile(name, corpusBytes(name));
}

function contacts(result: VcardFileParse): ContactDraft[] {
  return result.cards.map((card) => card.contact);
}

function text(name: CorpusFile): string {
  return Buffer.from(corpusBytes(name)).toString('latin1');
}

describe('the corpus keeps its traps (a line-ending conversion would hide them)', () => {
  it('has CRLF files, LF files, a BOM, windows-1252 bytes and a fold inside a UTF-8 character', () => {
    expect(text('apple-3.0.vcf')).toContain('\r\n');
    expect(text('outlook-2.1.vcf')).toContain('\r\n');
    expect(text('android-2.1.vcf')).toContain('\r\n');
    expect(text('google-3.0.vcf')).not.toContain('\r');
    expect(text('vcard-4.0.vcf')).not.toContain('\r');
    expect([...corpusBytes('vcard-4.0.vcf').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // "Müller" in windows-1252: ü is the single byte 0xFC.
    expect(text('outlook-2.1.vcf')).toContain('M\u00fcller');
    // Apple's NOTE is folded between the two bytes of "é" (0xC3 0xA9).
    expect(text('apple-3.0.vcf')).toContain('caf\u00c3\r\n \u00a9');
  });
});

describe('Apple Contacts 3.0 export', () => {
  const result = parse('apple-3.0.vcf');

  it('skips the group card and reports nothing', () => {
    expect(result.errors).toEqual([]);
    expect(result.skippedGroups).toBe(1);
    expect(result.cards).toHaveLength(2);
  });

  it('reads a person: item labels, year-less birthday (X-APPLE-OMIT-YEAR), escapes, a fold that splits a character', () => {
    expect(result.cards[0]!.contact).toStrictEqual({
      prefix: 'Dr.',
      given: 'John',
      additional: 'Quincy',
      family: 'Appleseed',
      suffix: 'Jr.',
      nickname: ['Johnny'],
      formattedName: 'Dr. John Q. Appleseed Jr.',
      tel: [
        { value: '+1 (408) 555-0100', type: ['cell', 'voice'], pref: true },
        { value: '+1 408 555 0199', label: 'Pager line' },
      ],
      email: [
        { value: 'john@apple.example', type: ['internet', 'work'], pref: true },
        { value: 'johnny@me.example', type: ['internet', 'home'] },
      ],
      adr: [
        {
          type: ['home'],
          pref: true,
          street: '1 Infinite Loop',
          locality: 'Cupertino',
          region: 'CA',
          postalCode: '95014',
          countryName: 'United States',
        },
      ],
      org: 'Apple Inc.',
      jobTitle: 'Engineer',
      bday: { month: 4, day: 15 },
      url: [{ value: 'https://www.apple.example/john', label: 'HomePage' }],
      impp: [{ value: 'skype:john.appleseed', type: ['home'] }],
      note: 'Met at WWDC, 2019; bring the café list\nSecond line: C:\\Users\\john',
      category: ['Work', 'Friends'],
      uid: '6B29FC40-CA47-1067-B31D-00DD010662DA',
      extra: [
        { name: 'X-ABADR', group: 'item2', value: 'us' },
        {
          name: 'X-SOCIALPROFILE',
          params: { TYPE: 'twitter', 'X-USER': 'jappleseed' },
          value: 'https://twitter.com/jappleseed',
        },
        { name: 'X-ABDATE', group: 'item4', params: { TYPE: 'pref' }, value: '2010-06-12' },
        { name: 'X-ABLABEL', group: 'item4', value: '_$!<Anniversary>!$_' },
        { name: 'X-ABRELATEDNAMES', group: 'item5', params: { TYPE: 'pref' }, value: 'Jane Appleseed' },
        { name: 'X-ABLABEL', group: 'item5', value: '_$!<Spouse>!$_' },
        { name: 'X-ABUID', value: '6B29FC40-CA47-1067-B31D-00DD010662DA:ABPerson' },
      ],
    });
    expect(result.cards[0]!.photo).toEqual({ bytes: JPEG, mediaType: 'image/jpeg' });
    expect(result.cards[0]!.source).toMatchObject({
      uid: '6B29FC40-CA47-1067-B31D-00DD010662DA',
      index: 0,
      line: 1,
    });
  });

  it('reads a company card without a UID, keeping its block index past the group card', () => {
    expect(result.cards[1]!.contact).toStrictEqual({
      formattedName: 'Globex Corporation',
      tel: [{ value: '+1 555 0142', type: ['work', 'voice'], pref: true }],
      org: 'Globex Corporation',
      department: 'Research',
      extra: [{ name: 'X-ABSHOWAS', value: 'COMPANY' }],
    });
    expect(result.cards[1]!.source).toMatchObject({ uid: null, index: 2, line: 43 });
    expect(result.cards[1]!.photo).toBeUndefined();
  });
});

describe('Google Contacts 3.0 export (LF line ends, a broken card in the middle)', () => {
  const result = parse('google-3.0.vcf');

  it('reports the broken card at its bad line and imports the cards around it', () => {
    expect(result.errors).toEqual([
      {
        file: 'google-3.0.vcf',
        line: 21,
        message: expect.stringContaining('"this line lost its colon" is not a property name'),
      },
    ]);
    expect(result.errors[0]!.message).toContain(
      '(the card "Broken Card" starting at line 16 was not imported)',
    );
    expect(contacts(result).map((c) => c.formattedName)).toEqual(['Jane Doe', 'Bob Builder']);
    expect(result.cards.map((card) => card.source.index)).toEqual([0, 2]);
  });

  it('unescapes Google\'s "\\:" in URLs and reads its labels, year-less --MM-DD and escaped pauses', () => {
    expect(contacts(result)).toStrictEqual([
      {
        given: 'Jane',
        family: 'Doe',
        formattedName: 'Jane Doe',
        tel: [{ value: '+44 7700 900123', type: ['cell'] }],
        email: [{ value: 'jane.doe@gmail.example', type: ['internet', 'home'] }],
        adr: [
          {
            type: ['home'],
            street: '10 Downing Street',
            locality: 'London',
            postalCode: 'SW1A 2AA',
            countryName: 'United Kingdom',
          },
        ],
        org: 'Example Ltd',
        jobTitle: 'CEO',
        bday: { year: 1990, month: 12, day: 31 },
        url: [{ value: 'http://janedoe.example.com/blog', label: 'Blog' }],
        note: 'Likes tea, not coffee',
        category: ['myContacts', 'Starred'],
      },
      {
        given: 'Bob',
        family: 'Builder',
        formattedName: 'Bob Builder',
        tel: [{ value: '+1 555 0100,,123', type: ['work'] }],
        email: [{ value: 'bob@school.example', type: ['internet'], label: 'School' }],
        bday: { month: 5, day: 20 },
        category: ['myContacts'],
      },
    ]);
  });
});

describe('Outlook 2.1 export (windows-1252, quoted-printable, soft breaks inside characters)', () => {
  const result = parse('outlook-2.1.vcf');

  it('decodes raw windows-1252 bytes, QP in two charsets, and joins soft breaks before decoding', () => {
    expect(result.errors).toEqual([]);
    expect(contacts(result)).toStrictEqual([
      {
        given: 'Jürgen',
        family: 'Müller',
        formattedName: 'Jürgen Müller',
        tel: [
          { value: '+49 221 1234567', type: ['work', 'voice'] },
          { value: '+49 170 1234567', type: ['cell', 'voice'] },
        ],
        email: [{ value: 'juergen.mueller@contoso.example', type: ['internet'], pref: true }],
        adr: [
          {
            type: ['work'],
            pref: true,
            street: 'Straße 1',
            locality: 'Köln',
            postalCode: '50667',
            countryName: 'Deutschland',
          },
        ],
        org: 'Contoso GmbH',
        department: 'Vertrieb',
        // Raw windows-1252 bytes 0x96 0x93 0x94: what Node's own TextDecoder gets wrong.
        jobTitle: 'Verkaufsleiter – “Köln”',
        bday: { year: 1975, month: 3, day: 8 },
        url: [{ value: 'http://www.contoso.example/', type: ['work'] }],
        // 2.1 has no backslash escapes but `\;`: "C:\Pfad" keeps its backslash, the comma stays a comma.
        note: 'Café au lait ☕\nZweite Zeile, mit Komma und C:\\Pfad',
        extra: [
          { name: 'LABEL', params: { TYPE: ['WORK', 'PREF'] }, value: 'Straße 1\\nKöln 50667\\nDeutschland' },
          { name: 'X-MS-OL-DEFAULT-POSTAL-ADDRESS', value: '2' },
          {
            name: 'X-MS-OL-DESIGN',
            value:
              '<card xmlns="http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards" ver="1.0" layout="left" bgcolor="ffffff"></card>',
          },
        ],
        updatedAt: Date.UTC(2023, 0, 2, 3, 4, 5),
      },
    ]);
  });

  it('reads the BASE64 photo from indented lines ended by a blank line', () => {
    expect(result.cards[0]!.photo).toEqual({ bytes: JPEG, mediaType: 'image/jpeg' });
  });
});

describe('Android 2.1 export (bare QUOTED-PRINTABLE, bare types)', () => {
  const result = parse('android-2.1.vcf');

  it('reads UTF-8 quoted-printable names and addresses, bare types and a soft-broken note', () => {
    expect(result.errors).toEqual([]);
    expect(contacts(result)).toStrictEqual([
      {
        given: '小明',
        family: '王',
        formattedName: '王小明',
        tel: [
          { value: '+86 138 0013 8000', type: ['cell'], pref: true },
          { value: '010-12345678', type: ['home', 'voice'] },
        ],
        email: [{ value: 'wang@example.cn', type: ['home'] }],
        adr: [
          {
            type: ['home'],
            street: '长安街 1号',
            locality: '北京',
            postalCode: '100000',
            countryName: '中国',
          },
        ],
        note: '这是一个很长的备注',
        extra: [
          { name: 'X-PHONETIC-FIRST-NAME', value: 'Xiaoming' },
          { name: 'X-PHONETIC-LAST-NAME', value: 'Wang' },
          { name: 'X-ANDROID-CUSTOM', value: 'vnd.android.cursor.item/nickname;小王;1;;;;;;;;;;;;;' },
        ],
      },
      {
        given: 'Anna',
        family: 'Smith',
        formattedName: 'Anna Smith',
        tel: [{ value: '+1 555 0199', type: ['work', 'fax'] }],
        email: [{ value: 'anna@example.com', type: ['internet'], pref: true }],
        // 2.1's one escape: "\;" is a semicolon inside a component, not a separator.
        org: 'Smith & Sons; Ltd',
      },
    ]);
    expect(result.cards[0]!.photo).toEqual({ bytes: JPEG, mediaType: 'image/jpeg' });
  });
});

describe('vCard 4.0 (BOM, LF, RFC 6868, data: URI photo, --MMDD)', () => {
  const result = parse('vcard-4.0.vcf');

  it('skips KIND:group and keeps KIND:org as a contact', () => {
    expect(result.errors).toEqual([]);
    expect(result.skippedGroups).toBe(1);
    expect(result.cards[1]!.contact).toStrictEqual({
      formattedName: 'ACME',
      org: 'ACME',
      extra: [{ name: 'KIND', value: 'org' }],
    });
  });

  it('reads tel: URIs, PREF=1, quoted TYPE lists, escapes and RFC 6868 parameter values', () => {
    expect(result.cards[0]!.contact).toStrictEqual({
      given: 'Émile',
      additional: 'Édouard,Charles',
      family: 'Zola',
      nickname: ['Mimi', 'Le Maître'],
      formattedName: 'Émile Zola',
      tel: [
        { value: '+33-1-23-45-67-89', type: ['voice', 'cell'], pref: true },
        { value: '+33 1 98 76 54 32', type: ['work'] },
      ],
      email: [{ value: 'emile@zola.example', type: ['work'] }],
      adr: [
        {
          type: ['home'],
          street: '12 rue de la Paix',
          locality: 'Paris',
          postalCode: '75002',
          countryName: 'France',
        },
      ],
      bday: { month: 4, day: 15 },
      anniversary: { year: 1870, month: 5, day: 31 },
      url: [{ value: 'https://zola.example/' }],
      note: 'Virgule, point-virgule; retour\nbarre \\ fin',
      category: ['Writers', 'Naturalism'],
      uid: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      extra: [
        { name: 'KIND', value: 'individual' },
        { name: 'GENDER', value: 'M' },
        { name: 'LANG', params: { PREF: '1' }, value: 'fr' },
        {
          name: 'X-MASTODON',
          params: { 'X-NOTE': 'He said "J"accuse"\nthen left ^' },
          value: '@emile@zola.social',
        },
      ],
      updatedAt: Date.UTC(2024, 0, 1),
    });
    expect(result.cards[0]!.photo).toEqual({ bytes: PNG, mediaType: 'image/png' });
  });
});

describe('a file of broken things', () => {
  const result = parse('broken.vcf');

  it('imports the two good cards, and the card with a bad photo without it', () => {
    expect(contacts(result)).toStrictEqual([
      { formattedName: 'First Good' },
      { formattedName: 'Bad Photo' },
      { formattedName: 'Second Good' },
    ]);
    expect(result.cards[1]!.photo).toBeUndefined();
    expect(result.warnings).toEqual([
      {
        file: 'broken.vcf',
        line: 13,
        message:
          'line 13: the PHOTO is not valid base64, so it was left out (the card "Bad Photo" starting at line 10 was imported)',
      },
    ]);
  });

  it('reports every problem with its file and line, in line order', () => {
    expect(result.errors.map(({ file, line }) => ({ file, line }))).toEqual(
      [5, 6, 17, 21, 23, 30, 31].map((line) => ({ file: 'broken.vcf', line })),
    );
    const messages = result.errors.map((error) => error.message);
    expect(messages[0]).toMatch(/outside any BEGIN:VCARD/);
    expect(messages[1]).toMatch(/no END:VCARD before the next BEGIN:VCARD at line 10/);
    expect(messages[2]).toMatch(/unknown CHARSET "x-no-such-charset"/);
    expect(messages[3]).toMatch(/unclosed quote in parameter X-P/);
    expect(messages[4]).toMatch(/no properties/);
    expect(messages[5]).toMatch(/END:VCARD without a BEGIN:VCARD/);
    expect(messages[6]).toMatch(/file ends before END:VCARD/);
  });
});

describe('the same card in any form gives the same content hash', () => {
  it('is blind to line ends, folding, a BOM and bytes-versus-text input', () => {
    const lf = 'BEGIN:VCARD\nVERSION:3.0\nFN:Same Person\nNOTE:a long note that is folded\nEND:VCARD\n';
    const crlfFolded =
      '\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Same Person\r\nNOTE:a long note th\r\n at is folded\r\nEND:VCARD\r\n';
    const hashes = [
      parseVcardFile('a.vcf', lf),
      parseVcardFile('b.vcf', crlfFolded),
      parseVcardFile('c.vcf', new TextEncoder().encode(lf)),
    ].map((r) => r.cards[0]!.source.contentHash);
    expect(new Set(hashes).size).toBe(1);
    const changed = parseVcardFile('a.vcf', lf.replace('folded', 'Folded')).cards[0]!.source.contentHash;
    expect(changed).not.toBe(hashes[0]);
  });
});
