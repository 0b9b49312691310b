/**
 * Many people's words in one string, so every person with a word starting with a prefix is found by
 * native `indexOf` over contiguous memory instead of a walk through tens of thousands of objects.
 *
 * Person i's words sit between `starts[i]` and `starts[i + 1]` as ` word word `: a needle of a space
 * and the prefix occurs exactly where a word starts with the prefix. Words hold no whitespace (it is
 * dropped when the haystack is built), so no match spans two words or two people.
 */
export class WordHaystack {
  readonly #text: string;
  readonly #starts: Int32Array;

  constructor(wordsPerPerson: ReadonlyArray<readonly string[]>) {
    const parts: string[] = [];
    this.#starts = new Int32Array(wordsPerPerson.length);
    let offset = 0;
    wordsPerPerson.forEach((words, i) => {
      this.#starts[i] = offset;
      const part = ` ${words.map((word) => word.replace(/\s+/gu, '')).join(' ')} `;
      parts.push(part);
      offset += part.length;
    });
    this.#text = parts.join('');
  }

  /** The people (by position) with a word starting with `prefix`, ascending, each once; the first `max`. */
  withPrefix(prefix: string, max = Number.POSITIVE_INFINITY): number[] {
    return this.#containing(` ${prefix}`, max);
  }

  /** The people (by position) with a word containing `infix`, ascending, each once; the first `max`. */
  withInfix(infix: string, max = Number.POSITIVE_INFINITY): number[] {
    return this.#containing(infix, max);
  }

  #containing(needle: string, max: number): number[] {
    const people: number[] = [];
    if (needle.trim() === '') return people;
    let from = 0;
    while (people.length < max) {
      const at = this.#text.indexOf(needle, from);
      if (at < 0) return people;
      const person = this.#personAt(at);
      people.push(person);
      // The rest of this person's words cannot add them again.
      from = person + 1 < this.#starts.length ? this.#starts[person + 1]! : this.#text.length;
    }
    return people;
  }

  #personAt(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** People (by position) in both ascending lists. */
export function intersectAscending(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i += 1;
    else if (a[i]! > b[j]!) j += 1;
    else {
      both.push(a[i]!);
      i += 1;
      j += 1;
    }
  }
  return both;
}
