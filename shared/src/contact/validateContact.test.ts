import { describe, expect, it } from 'vitest';
import { CONTACT_LIMITS } from './contactProblems';
import { contactWarnings } from './contactWarnings';
import { validateContact } from './validateContact';

const problems = (draft: unknown) => validateContact(draft).map((e) => `${e.field} ${e.code}`);

describe('validateContact', () => {
  it.each<[string, unknown]>([
    ['a given name', { given: 'Ada' }],
    ['a number only', { tel: [{ value: '+1 (415) 555-0100', type: ['cell'] }] }],
    ['an email only', { email: [{ value: 'ada@example.com' }] }],
    ['an organisation only', { org: 'Analytical Engines Ltd' }],
    ['a nickname only', { nickname: ['Countess'] }],
    ['a service code', { tel: [{ value: '*#06#' }] }],
    ['a number with pauses and an extension', { tel: [{ value: '555 0100 p 12 x3' }] }],
    ['a number too short to parse', { given: 'Ada', tel: [{ value: '12' }] }],
    ['a vanity number', { tel: [{ value: '1-800-FLOWERS' }] }],
    ['Arabic-Indic digits', { tel: [{ value: '٠٥٠ ١٢٣ ٤٥٦٧' }] }],
    ['29 February without a year', { given: 'A', bday: { month: 2, day: 29 } }],
    ['29 February of a leap year', { given: 'A', bday: { year: 2000, month: 2, day: 29 } }],
    [
      'a multi-line note and street',
      { given: 'A', note: 'line 1\nline 2\ttab', adr: [{ street: '1 Main St\nFlat 2' }] },
    ],
    ['names in any script', { given: 'Ελένη', family: '山田', additional: 'محمد', formattedName: 'Zoë 김' }],
    ['a photo reference', { given: 'A', photo: { id: 'abc', thumbnailId: 'def', mediaType: 'image/png' } }],
    ['an id', { id: 'x'.repeat(CONTACT_LIMITS.id), given: 'A' }],
    ['a note at the limit', { given: 'A', note: 'n'.repeat(CONTACT_LIMITS.note) }],
  ])('accepts %s', (_, draft) => {
    expect(validateContact(draft)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'Ada', [' not-a-contact']],
    ['null', null, [' not-a-contact']],
    ['a list', [{ given: 'Ada' }], [' not-a-contact']],
    ['nothing to show or reach', {}, [' empty-contact']],
    ['only blank names and a note', { given: '   ', note: 'who?' }, [' empty-contact']],
    ['only a blank number', { tel: [{ value: ' ' }] }, ['tel[0].value required', ' empty-contact']],
    ['a number with no digit', { given: 'A', tel: [{ value: 'call me' }] }, ['tel[0].value tel-no-digits']],
    [
      'an email without @',
      { given: 'A', email: [{ value: 'ada.example.com' }] },
      ['email[0].value email-missing-at'],
    ],
    [
      'an email with a space',
      { given: 'A', email: [{ value: 'ada @x.org' }] },
      ['email[0].value email-contains-space'],
    ],
    ['an email with no value', { given: 'A', email: [{}] }, ['email[0].value email-empty']],
    ['30 February', { given: 'A', bday: { month: 2, day: 30 } }, ['bday.day date-day']],
    ['29 February 2001', { given: 'A', bday: { year: 2001, month: 2, day: 29 } }, ['bday.day date-day']],
    ['31 April', { given: 'A', anniversary: { month: 4, day: 31 } }, ['anniversary.day date-day']],
    ['month 13', { given: 'A', anniversary: { month: 13, day: 1 } }, ['anniversary.month date-month']],
    ['day 0', { given: 'A', bday: { month: 1, day: 0 } }, ['bday.day date-day']],
    ['no day', { given: 'A', bday: { month: 1 } }, ['bday.day date-day']],
    [
      'year 1.5 and 31 April',
      { given: 'A', bday: { year: 1.5, month: 4, day: 31 } },
      ['bday.year date-year', 'bday.day date-day'],
    ],
    ['year 0', { given: 'A', bday: { year: 0, month: 1, day: 1 } }, ['bday.year date-year']],
    ['a date as text', { given: 'A', bday: '1815-12-10' }, ['bday wrong-type']],
    [
      'a name over the limit',
      { given: 'A', family: 'x'.repeat(CONTACT_LIMITS.line + 1) },
      ['family too-long'],
    ],
    [
      'a number over the limit',
      { tel: [{ value: '1'.repeat(CONTACT_LIMITS.tel + 1) }] },
      ['tel[0].value too-long'],
    ],
    ['an id over the limit', { id: 'x'.repeat(CONTACT_LIMITS.id + 1), given: 'A' }, ['id too-long']],
    ['an empty id', { id: ' ', given: 'A' }, ['id required']],
    [
      'too many numbers',
      { given: 'A', tel: Array.from({ length: 201 }, () => ({ value: '1' })) },
      ['tel too-many'],
    ],
    ['a control character in a name', { given: 'Ada\u0007' }, ['given control-character']],
    ['a line break in a name', { family: 'Love\nlace' }, ['family control-character']],
    ['a NUL in a number', { tel: [{ value: '555\u00000100' }] }, ['tel[0].value control-character']],
    ['a control character in a note', { given: 'A', note: 'bell\u0007' }, ['note control-character']],
    ['half a surrogate pair', { given: 'Ada\ud83d' }, ['given broken-character']],
    ['a number as a name', { given: 42 }, ['given wrong-type', ' empty-contact']],
    ['a nickname as text', { given: 'A', nickname: 'Countess' }, ['nickname wrong-type']],
    ['a flag as text', { given: 'A', favorite: 'yes' }, ['favorite wrong-type']],
    ['a phone entry as text', { given: 'A', tel: ['555 0100'] }, ['tel[0] wrong-type']],
    ['an address part as a number', { given: 'A', adr: [{ street: 5 }] }, ['adr[0].street wrong-type']],
    [
      'a line break in a city',
      { given: 'A', adr: [{ locality: 'Lon\ndon' }] },
      ['adr[0].locality control-character'],
    ],
    ['an empty web address', { given: 'A', url: [{ value: '' }] }, ['url[0].value required']],
    [
      'an extra property with a number',
      { given: 'A', extra: [{ name: 'X-A', value: 1 }] },
      ['extra[0].value wrong-type'],
    ],
    ['an inline photo', { given: 'A', photo: 'data:image/png;base64,AAAA' }, ['photo photo-inline']],
    [
      'photo bytes in the reference',
      { given: 'A', photo: { id: 'a', mediaType: 'image/png', bytes: [1] } },
      ['photo photo-inline'],
    ],
    [
      'a photo that is not an image',
      { given: 'A', photo: { id: '', mediaType: 'text/plain' } },
      ['photo.id required', 'photo.mediaType photo-media-type'],
    ],
  ])('refuses %s', (_, draft, expected) => {
    expect(problems(draft)).toEqual(expected);
  });

  it('names every bad field by its path, in field order', () => {
    expect(
      problems({
        given: 'Ada',
        tel: [{ value: '+1 555 0100' }, { value: 'call me' }, { value: '' }, 'x'],
        email: [{ value: 'ada@example.com' }, { value: 'ada.example.com' }],
        favorite: 'yes',
        family: 42,
        nickname: 'Countess',
      }),
    ).toEqual([
      'family wrong-type',
      'nickname wrong-type',
      'favorite wrong-type',
      'tel[1].value tel-no-digits',
      'tel[2].value required',
      'tel[3] wrong-type',
      'email[1].value email-missing-at',
    ]);
  });

  it('says in words what is wrong and what would be right', () => {
    const messages = (draft: unknown) => validateContact(draft).map((e) => e.message);
    expect(messages({ given: 'A', tel: [{ value: ' call me ' }] })).toEqual([
      '"call me" is not a phone number: it has no digit.',
    ]);
    expect(messages({ given: 'A', email: [{ value: 'ada.example.com' }] })).toEqual([
      '"ada.example.com" has no @: an email address looks like name@example.com.',
    ]);
    expect(messages({ given: 'A', bday: { month: 2, day: 30 } })).toEqual([
      '30 February does not exist: February has 29 days.',
    ]);
    expect(messages({ given: 'A', bday: { year: 2023, month: 2, day: 29 } })).toEqual([
      '29 February 2023 does not exist: February 2023 has 28 days.',
    ]);
    expect(messages({ given: 'A', bday: { month: 13, day: 1 } })).toEqual([
      'Month 13 does not exist: months are 1 to 12.',
    ]);
    expect(messages({ family: 'x'.repeat(501) })).toEqual([
      'The family name is 501 characters long; at most 500 are allowed.',
    ]);
    expect(messages({ given: 'Ada\u0007' })).toEqual([
      'The given name contains a control character (U+0007); remove it.',
    ]);
    expect(messages({ given: 'A', tel: [{ value: '' }] })).toEqual([
      'The phone number is empty; type one or remove the entry.',
    ]);
    expect(messages({ given: 'A', adr: [{ street: 1 }] })).toEqual(['The street must be text.']);
    expect(messages({})).toEqual([
      'A contact needs a name, an organisation, a phone number or an email address.',
    ]);
  });
});

describe('contactWarnings', () => {
  it('warns about a number that is neither complete nor a short code, and keeps it', () => {
    const draft = {
      given: 'A',
      tel: [
        { value: '+1 415 555 0100' },
        { value: '12' },
        { value: '020 7946 0958' },
        { value: 'none' },
        { value: '555-0100' },
      ],
    };
    expect(validateContact(draft).map((e) => e.field)).toEqual(['tel[3].value']);
    expect(contactWarnings(draft, 'US')).toEqual([
      {
        field: 'tel[2].value',
        code: 'tel-not-recognised',
        message:
          '"020 7946 0958" is not a complete phone number for US: it is kept as typed, and matched on its digits only. Add the country code (+…) if it belongs elsewhere.',
      },
      {
        field: 'tel[4].value',
        code: 'tel-not-recognised',
        message:
          '"555-0100" is not a complete phone number for US: it is kept as typed, and matched on its digits only. Add the country code (+…) if it belongs elsewhere.',
      },
    ]);
    expect(contactWarnings(draft, 'GB').map((w) => w.field)).toEqual(['tel[4].value']);
  });

  it('has nothing to say about what is not a contact', () => {
    expect(contactWarnings('x')).toEqual([]);
    expect(contactWarnings({ tel: 'x' })).toEqual([]);
  });
});
