import type { ContactDraft } from '@gcds/shared';
import { type DemoBook, type DemoBookOptions, demoBookSteps, type LocalSoFar } from './demoBook';

/** The first local contacts of a demo book, with the photos that belong to them (by contact id). */
export interface LocalHead {
  drafts: ContactDraft[];
  photos: Map<string, Uint8Array>;
}

/** About 30 ms of generation on a phone-class core between two pauses. */
const PEOPLE_BETWEEN_PAUSES = 1_000;

/**
 * `generateDemoBook`, handing over its first `size` local contacts as soon as they are written, before
 * the rest of the book is generated (which, at 30,000 people, takes seconds in each provider's worker):
 * the phone can import and show them while the book is still being written. The book is the same one,
 * byte for byte; `head` says how many of its local contacts were handed over (fewer when it has fewer).
 */
export async function demoBookWithHead(
  options: DemoBookOptions,
  size: number,
  onHead: (head: LocalHead) => Promise<void>,
  /**
   * Awaited every `PEOPLE_BETWEEN_PAUSES` people after the head: in a worker, a macrotask, so that a
   * request for the head that arrives while the rest is generated is answered then, not after it.
   */
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<{ book: DemoBook; head: number }> {
  const steps = demoBookSteps(options);
  let head = 0;
  let people = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    people += 1;
    if (head > 0 && people % PEOPLE_BETWEEN_PAUSES === 0) await pause();
    const soFar: LocalSoFar = step.value;
    if (head === 0 && (soFar.local.length >= size || step.done === true)) {
      head = Math.min(size, soFar.local.length);
      const drafts = soFar.local.slice(0, head);
      const ids = new Set(drafts.map((draft) => draft.id));
      const photos = new Map(
        soFar.localPhotos.filter((photo) => ids.has(photo.id)).map((photo) => [photo.id, photo.bytes]),
      );
      if (head > 0) await onHead({ drafts, photos });
    }
    if (step.done === true) return { book: step.value, head };
  }
}
