/**
 * Records a client removed moments ago, kept so that an Undo can put them back until the window
 * closes: only what was removed through this client, never an id or data the client chooses.
 */
export class UndoShelf<T> {
  readonly #items = new Map<string, { item: T; at: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  put(id: string, item: T): void {
    const now = this.now();
    for (const [key, kept] of this.#items) if (now - kept.at > this.windowMs) this.#items.delete(key);
    this.#items.set(id, { item, at: now });
  }

  /** What was removed under `id`, while its window is open. */
  get(id: string): T | undefined {
    const kept = this.#items.get(id);
    if (kept === undefined || this.now() - kept.at > this.windowMs) return undefined;
    return kept.item;
  }

  /** Put back: it cannot be put back twice. */
  delete(id: string): void {
    this.#items.delete(id);
  }
}
