import type { FriendProfile } from '@gcds/provider-facebook-sim';
import type { DemoBook, DemoBookOptions } from './demoBook';
import { demoBookWithHead, type LocalHead } from './demoBookHead';

/** The first local contacts handed over before the rest of the demo book is even generated. */
export const DEMO_HEAD_CONTACTS = 200;

/** The local contacts after the head, with the photos of theirs, as one message carries them. */
export interface LocalRest {
  drafts: DemoBook['local'];
  photos: DemoBook['localPhotos'];
  /** Every local contact of the book, head included. */
  total: number;
}

/** What each provider takes of the demo book: the local head and the rest, the .vcf, the friends. */
export interface DemoBookShareApi {
  localHead(): Promise<LocalHead>;
  localRest(): Promise<LocalRest>;
  vcard(): Promise<{ vcard: string; cards: number }>;
  friends(): Promise<FriendProfile[]>;
}

/**
 * One demo book, generated once, and each provider's share of it. Every provider worker used to generate
 * the whole book for its share: at 30,000 people seconds of CPU, three times over, on the phone's cores
 * the load itself needs. The local head goes out as soon as it is written, before the rest of the book.
 */
export class DemoBookShares implements DemoBookShareApi {
  #book: Promise<DemoBook> | undefined;
  #head: Promise<LocalHead> | undefined;
  /** How many local contacts the head handed over (known once the book is done). */
  #handedOver = 0;

  constructor(
    private readonly options: DemoBookOptions,
    /** How many local contacts the head has (fewer when the book has fewer). */
    private readonly headSize: number,
    /**
     * A macrotask, in a worker: awaited after the head and between stretches of the rest, so that the
     * head's answer, and requests that arrive while the rest is generated, are answered meanwhile.
     */
    private readonly yieldNow: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** The first local contacts, with their photos by contact id. */
  localHead(): Promise<LocalHead> {
    this.#start();
    return this.#head!;
  }

  async localRest(): Promise<LocalRest> {
    this.#start();
    const book = await this.#book!;
    const drafts = book.local.slice(this.#handedOver);
    const ids = new Set(drafts.map((draft) => draft.id));
    return {
      drafts,
      photos: book.localPhotos.filter((photo) => ids.has(photo.id)),
      total: book.local.length,
    };
  }

  async vcard(): Promise<{ vcard: string; cards: number }> {
    this.#start();
    const book = await this.#book!;
    return { vcard: book.vcard, cards: book.vcardCards };
  }

  async friends(): Promise<FriendProfile[]> {
    this.#start();
    return (await this.#book!).facebook;
  }

  /** The generation, on the first ask of any share. */
  #start(): void {
    if (this.#book !== undefined) return;
    let handOver: (head: LocalHead) => void = () => undefined;
    this.#head = new Promise((resolve) => {
      handOver = resolve;
    });
    this.#book = demoBookWithHead(
      this.options,
      this.headSize,
      async (head) => {
        handOver(head);
        await this.yieldNow();
      },
      this.yieldNow,
    ).then(({ book, head }) => {
      this.#handedOver = head;
      handOver({ drafts: [], photos: new Map() });
      return book;
    });
  }
}
