import { h } from './dom';

const COLOURS = ['#d9485f', '#e8590c', '#2f9e44', '#1c7ed6', '#7048e8', '#c2255c', '#0c8599', '#5c940d'];

/** Initials on a colour picked from the name: the placeholder until (or instead of) a photo. */
export function initialsAvatar(name: string): HTMLSpanElement {
  const letters = [...name.trim()].filter((c) => /\p{L}|\p{N}/u.test(c));
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials =
    words.length > 1 && /\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic}/u.test(name)
      ? `${[...words[0]!][0] ?? ''}${[...words.at(-1)!][0] ?? ''}`
      : (letters[0] ?? '#');
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  const avatar = h('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' } }, initials.toUpperCase());
  avatar.style.background = COLOURS[hash % COLOURS.length]!;
  return avatar;
}
