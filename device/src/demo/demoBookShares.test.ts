import { describe, expect, it } from 'vitest';
import { generateDemoBook } from './demoBook';
import { DemoBookShares } from './demoBookShares';

describe("each provider's share of one demo book", () => {
  it('hands out the same book as generating it: the local head and rest, the .vcf and the friends', async () => {
    const options = { people: 500, seed: 7 };
    const whole = generateDemoBook(options);
    const shares = new DemoBookShares(options, 100);
    const head = await shares.localHead();
    const rest = await shares.localRest();
    expect([...head.drafts, ...rest.drafts]).toEqual(whole.local);
    expect(head.drafts).toHaveLength(100);
    expect(rest.total).toBe(whole.local.length);
    const headPhotos = whole.localPhotos.filter((photo) => head.photos.has(photo.id));
    expect([...headPhotos, ...rest.photos]).toEqual(whole.localPhotos);
    expect(headPhotos.map((photo) => photo.bytes)).toEqual([...head.photos.values()]);
    expect(await shares.vcard()).toEqual({ vcard: whole.vcard, cards: whole.vcardCards });
    expect(await shares.friends()).toEqual(whole.facebook);
  });

  it('generates the book once, whoever asks first, and hands the head over before the rest is written', async () => {
    const steps: string[] = [];
    const shares = new DemoBookShares({ people: 300 }, 50, async () => {
      steps.push('head handed over');
    });
    const friends = shares.friends().then((list) => steps.push(`friends ${list.length}`));
    const head = shares.localHead().then((h) => steps.push(`head ${h.drafts.length}`));
    await Promise.all([friends, head]);
    expect(steps[0]).toBe('head handed over');
    expect(steps).toContain('head 50');
    expect(await shares.friends()).toBe(await shares.friends());
    const rest = await shares.localRest();
    expect(rest.drafts.length + 50).toBe(rest.total);
  });

  it('hands every local contact over in the head when the book has fewer (only its hard cases)', async () => {
    const shares = new DemoBookShares({ people: 0 }, 200);
    const head = await shares.localHead();
    const rest = await shares.localRest();
    expect(head.drafts.length).toBeGreaterThan(0);
    expect(head.drafts).toHaveLength(rest.total);
    expect(rest.drafts).toEqual([]);
  });
});
