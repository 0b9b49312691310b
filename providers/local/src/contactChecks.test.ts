import { describe, expect, it } from 'vitest';
import { checkContactDraft } from './contactChecks';

const fields = (draft: unknown) => checkContactDraft(draft).map((e) => e.field);

describe('checkContactDraft', () => {
  it('accepts a contact with a name, a number, an email or an organisation', () => {
    expect(checkContactDraft({ given: 'Ada' })).toEqual([]);
    expect(checkContactDraft({ tel: [{ value: '+1 (415) 555-0100', type: ['cell'] }] })).toEqual([]);
    expect(checkContactDraft({ email: [{ value: 'ada@example.com' }] })).toEqual([]);
    expect(checkContactDraft({ org: 'Analytical Engines Ltd' })).toEqual([]);
    expect(checkContactDraft({ nickname: ['Countess'] })).toEqual([]);
    expect(checkContactDraft({ tel: [{ value: '*#06#' }] })).toEqual([]);
    expect(checkContactDraft({ tel: [{ value: '555 0100 p 12 x3' }] })).toEqual([]);
  });

  it('refuses a contact with nothing to show or reach', () => {
    expect(checkContactDraft({})).toEqual([
      { field: '', message: 'a contact needs a name, an organisation, a phone number or an email address' },
    ]);
    expect(fields({ given: '   ', note: 'who?' })).toEqual(['']);
    expect(fields(null)).toEqual(['']);
    expect(fields('Ada')).toEqual(['']);
  });

  it('names each bad field by its path', () => {
    expect(
      fields({
        given: 'Ada',
        tel: [{ value: '+1 555 0100' }, { value: 'call me' }, { value: '' }, 'x'],
        email: [{ value: 'ada@example.com' }, { value: 'ada.example.com' }],
        favorite: 'yes',
        family: 42,
        nickname: 'Countess',
      }),
    ).toEqual(['family', 'nickname', 'favorite', 'tel[1].value', 'tel[2].value', 'tel[3]', 'email[1].value']);
    expect(checkContactDraft({ given: 'Ada', tel: [{ value: 'call me' }] })[0]?.message).toBe(
      '"call me" is not a phone number',
    );
  });

  it('checks ids, dates and address parts', () => {
    expect(fields({ given: 'A', id: '' })).toEqual(['id']);
    expect(fields({ given: 'A', id: 'x'.repeat(201) })).toEqual(['id']);
    expect(fields({ given: 'A', bday: { month: 2, day: 29 } })).toEqual([]);
    expect(fields({ given: 'A', bday: { year: 2000, month: 2, day: 29 } })).toEqual([]);
    expect(fields({ given: 'A', bday: { year: 2001, month: 2, day: 29 } })).toEqual(['bday.day']);
    expect(fields({ given: 'A', anniversary: { month: 13, day: 1 } })).toEqual(['anniversary.month']);
    expect(fields({ given: 'A', bday: { year: 1.5, month: 4, day: 31 } })).toEqual(['bday.year', 'bday.day']);
    expect(fields({ given: 'A', adr: [{ street: 'Main St 1', type: ['home'], pref: true }] })).toEqual([]);
    expect(fields({ given: 'A', adr: [{ street: 5 }] })).toEqual(['adr[0].street']);
    expect(fields({ given: 'A', url: [{ value: '' }], extra: [{ name: 'X-A', value: 1 }] })).toEqual([
      'url[0].value',
      'extra[0].value',
    ]);
  });

  it('takes a photo only as a reference, never inline', () => {
    expect(fields({ given: 'A', photo: { id: 'abc', thumbnailId: 'def', mediaType: 'image/png' } })).toEqual(
      [],
    );
    expect(fields({ given: 'A', photo: 'data:image/png;base64,AAAA' })).toEqual(['photo']);
    expect(fields({ given: 'A', photo: { id: 'abc', mediaType: 'image/png', bytes: [1, 2] } })).toEqual([
      'photo',
    ]);
    expect(fields({ given: 'A', photo: { id: '', mediaType: 'text/plain' } })).toEqual([
      'photo.id',
      'photo.mediaType',
    ]);
  });
});
