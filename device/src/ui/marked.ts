import { h } from './dom';
import { highlight } from './highlight';

/** The text with the query's matches in <mark>, as text nodes only. */
export function marked(text: string, query: string): HTMLSpanElement {
  return h(
    'span',
    {},
    ...highlight(text, query).map((segment) => (segment.match ? h('mark', {}, segment.text) : segment.text)),
  );
}
