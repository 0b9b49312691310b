import { describe, expect, it } from 'vitest';
import { generateDemoBook } from './demoBook';
import { demoBookWithHead } from './demoBookHead';

describe('the demo book with its head handed over first', () => {
  it('hands over the first local contacts with their photos before the book is done, and the book is the same', async () => {
    const options = { people: 600 };
    const heads: Array<{ ids: string[]; photos: string[] }> = [];
    const { book, head } = await demoBookWithHead(options, 120, async ({ drafts, photos }) => {
      heads.push({ ids: drafts.map((d) => d.id!), photos: [...photos.keys()] });
    });
    const whole = generateDemoBook(options);
    expect(book).toEqual(whole);
    expect(book.vcard).toBe(whole.vcard);
    expect(head).toBe(120);
    expect(heads).toHaveLength(1);
    expect(heads[0]!.ids).toEqual(whole.local.slice(0, 120).map((d) => d.id));
    const headIds = new Set(heads[0]!.ids);
    expect(heads[0]!.photos).toEqual(whole.localPhotos.filter((p) => headIds.has(p.id)).map((p) => p.id));
    expect(heads[0]!.photos.length).toBeGreaterThan(0);
  });

  it('hands over the whole local share when the book has fewer, and nothing for an empty book', async () => {
    const sizes: number[] = [];
    const small = await demoBookWithHead({ people: 20 }, 500, async ({ drafts }) => {
      sizes.push(drafts.length);
    });
    expect(small.head).toBe(small.book.local.length);
    expect(sizes).toEqual([small.book.local.length]);
    const empty = await demoBookWithHead({ people: 0 }, 500, async ({ drafts }) => {
      sizes.push(drafts.length);
    });
    expect(empty.head).toBe(empty.book.local.length);
  });

  it('pauses while it writes the rest, so a request that arrives meanwhile is answered before it is done', async () => {
    const events: string[] = [];
    const generation = demoBookWithHead(
      { people: 2_500 },
      50,
      async () => {
        events.push('head');
      },
      () => new Promise((resolve) => setTimeout(resolve, 0)),
    ).then((result) => {
      events.push('done');
      return result;
    });
    setTimeout(() => events.push('request answered'), 0);
    const { book } = await generation;
    expect(events).toEqual(['head', 'request answered', 'done']);
    expect(book).toEqual(generateDemoBook({ people: 2_500 }));
  });
});
