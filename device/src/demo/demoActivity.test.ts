import { describe, expect, it } from 'vitest';
import { ACTIVITY_PEOPLE, demoActivity, demoActivityFor, STRANGER_NUMBER } from './demoActivity';
import { generateDemoBook } from './demoBook';

const book = generateDemoBook({ people: 300 });
const activity = demoActivity(book);

describe('the demo activity', () => {
  it('is the same for the same book', () => {
    expect(demoActivity(generateDemoBook({ people: 300 }))).toEqual(activity);
  });

  it('calls and writes to people of every source, facebook-only friends and a stranger among them', () => {
    const sources = activity.calls.map((call) => call.party?.sources.join('+') ?? 'stranger');
    expect(new Set(sources)).toEqual(
      new Set(['local', 'vcard', 'local+vcard', 'local+facebook-sim', 'facebook-sim', 'stranger']),
    );
    const threads = new Set(activity.messages.map((m) => m.party?.sources.join('+') ?? 'stranger'));
    expect(threads).toContain('facebook-sim');
    expect(threads).toContain('stranger');
    expect(new Set(activity.calls.map((call) => call.kind))).toEqual(
      new Set(['incoming', 'outgoing', 'missed']),
    );
  });

  it('uses each person’s real number, and a stranger number nobody in the book has', () => {
    for (const call of activity.calls) {
      const owners = book.truth.filter((t) => t.phones.includes(call.number));
      if (call.party === undefined) expect(owners).toEqual([]);
      else expect(owners.map((t) => t.name)).toEqual([call.party.name]);
    }
  });

  it('writes one thread to an email address', () => {
    const emails = activity.messages.filter((m) => m.address.includes('@'));
    expect(emails.length).toBeGreaterThan(0);
    for (const m of emails) expect(book.truth.some((t) => t.emails.includes(m.address))).toBe(true);
  });

  it('has nothing to pick from in an empty book but the stranger', () => {
    const empty = demoActivity(generateDemoBook({ people: 0 }));
    expect(empty.calls.map((call) => call.party)).toEqual([undefined]);
    expect(empty.messages.map((m) => m.party)).toEqual([undefined]);
  });
});

describe('the demo activity of a bigger phone', () => {
  it('is drawn from the same first people, whatever the size of the book', () => {
    const big = generateDemoBook({ people: 2_000 });
    const first = (b: typeof book) =>
      b.truth.slice(0, ACTIVITY_PEOPLE).filter((t) => t.hardCase === undefined);
    expect(first(big)).toEqual(first(book));
    expect(demoActivityFor({ seed: big.seed, people: 2_000 })).toEqual(activity);
  });

  it('calls from a stranger nobody in a large book has', () => {
    const large = generateDemoBook({ people: 5_000 });
    expect(large.truth.some((t) => t.phones.includes(STRANGER_NUMBER))).toBe(false);
  });
});
