/**
 * Random access into a list that can only be read in pages from a known place (IndexedDB key ranges):
 * the virtual list asks for rows `offset…offset+limit` of a letter group, and this reads the group's
 * pages of CHUNK rows in order, remembering where each page ended so later jumps start close by.
 * The first screen needs one page, never the whole list.
 */
export interface PagedItem<T> {
  position: string;
  value: T;
}

export interface PageReader<T> {
  /** From a place, inclusive. */
  from(position: string, limit: number): Promise<PagedItem<T>[]>;
  /** After a place, exclusive. */
  after(position: string, limit: number): Promise<PagedItem<T>[]>;
}

export interface WindowSection {
  start: string;
  count: number;
}

export const CHUNK = 50;

export class ListWindow<T> {
  readonly #chunks = new Map<string, Promise<PagedItem<T>[]>>();

  constructor(
    private readonly sections: readonly WindowSection[],
    private readonly reader: PageReader<T>,
  ) {}

  async rows(sectionIndex: number, offset: number, limit: number): Promise<T[]> {
    const section = this.sections[sectionIndex];
    if (section === undefined) throw new Error(`no section ${sectionIndex}`);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0) {
      throw new Error(`rows need whole offset and limit >= 0, got ${offset} and ${limit}`);
    }
    const end = Math.min(offset + limit, section.count);
    const rows: T[] = [];
    for (let chunk = Math.floor(offset / CHUNK); chunk * CHUNK < end; chunk += 1) {
      const items = await this.#chunk(sectionIndex, chunk);
      const base = chunk * CHUNK;
      for (let i = Math.max(offset, base); i < Math.min(end, base + items.length); i += 1) {
        rows.push(items[i - base]!.value);
      }
    }
    return rows;
  }

  #chunk(sectionIndex: number, chunk: number): Promise<PagedItem<T>[]> {
    const key = `${sectionIndex}:${chunk}`;
    let pending = this.#chunks.get(key);
    if (pending === undefined) {
      const section = this.sections[sectionIndex]!;
      const limit = Math.min(CHUNK, section.count - chunk * CHUNK);
      pending =
        chunk === 0
          ? this.reader.from(section.start, limit)
          : this.#chunk(sectionIndex, chunk - 1).then((previous) => {
              const last = previous.at(-1);
              return last === undefined || limit <= 0 ? [] : this.reader.after(last.position, limit);
            });
      this.#chunks.set(key, pending);
      pending.catch(() => this.#chunks.delete(key));
    }
    return pending;
  }
}
