/**
 * Where a search query matches a shown value, for <mark>: each query word marks the first place in the
 * text where a word starts with it (case and diacritics folded, as the search folds them); a query of
 * digits marks those digits inside a phone number, wherever the number's punctuation falls.
 */
export interface Segment {
  text: string;
  match: boolean;
}

function foldChar(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded text and, for each folded character, the index of the original character it came from. */
function folded(text: string): { chars: string[]; origin: number[] } {
  const chars: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    for (const f of foldChar(char)) {
      chars.push(f);
      origin.push(index);
    }
    index += char.length;
  }
  return { chars, origin };
}

function segments(text: string, marked: boolean[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const match = marked[i] === true;
    const last = out.at(-1);
    if (last !== undefined && last.match === match) last.text += text[i];
    else out.push({ text: text[i]!, match });
  }
  return out;
}

export function highlight(text: string, query: string): Segment[] {
  const marked: boolean[] = new Array(text.length).fill(false);
  const digits = query.replace(/[\s()+.-]/g, '');
  if (/^\d+$/.test(digits) && /\d/.test(text)) {
    const positions: number[] = [];
    for (let i = 0; i < text.length; i += 1) if (/\d/.test(text[i]!)) positions.push(i);
    const textDigits = positions.map((i) => text[i]).join('');
    const at = textDigits.indexOf(digits);
    if (at >= 0) for (let k = at; k < at + digits.length; k += 1) marked[positions[k]!] = true;
    return segments(text, marked);
  }
  const { chars, origin } = folded(text);
  const words = query
    .split(/\s+/)
    .map((word) => [...word].map(foldChar).join(''))
    .filter(Boolean);
  for (const word of words) {
    for (let i = 0; i + word.length <= chars.length; i += 1) {
      const startsWord = i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1]!);
      if (startsWord && chars.slice(i, i + word.length).join('') === word) {
        const from = origin[i]!;
        const to = i + word.length < origin.length ? origin[i + word.length]! : text.length;
        for (let k = from; k < to; k += 1) marked[k] = true;
        break;
      }
    }
  }
  return segments(text, marked);
}
