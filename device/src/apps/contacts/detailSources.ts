import type { PersonDetail } from '../../protocol/contactsApi';
import { h } from '../../ui/dom';
import { sourceBadge } from './sourceBadge';
import { reasonText, sourceName } from './sourceNames';

/** Where a person came from: the heading, the list of their sources, and why those sources are one person. */
export function detailSources(detail: PersonDetail): (HTMLElement | null)[] {
  const m = detail.merged;
  const names = detail.sourceNames;
  const sources = h(
    'ul',
    { class: 'source-list', attrs: { 'aria-label': 'Sources of this contact' } },
    ...m.sources.map((source, i) =>
      h('li', {}, sourceBadge(names, source), i === 0 && m.sources.length > 1 ? ' (primary)' : ''),
    ),
  );
  const reasons =
    detail.reasons.length === 0
      ? null
      : h(
          'section',
          { class: 'merge-reasons', attrs: { 'aria-label': 'Why these are one contact' } },
          h('h3', {}, 'Why these are one contact'),
          h(
            'ul',
            {},
            ...detail.reasons.map((reason) =>
              h(
                'li',
                {},
                `${sourceName(reason.a, names)} and ${sourceName(reason.b, names)}: `,
                reason.kind === 'user'
                  ? 'merged by you'
                  : `merged automatically, ${reason.keys.map(reasonText).join(', ')}`,
              ),
            ),
          ),
        );

  return [h('h3', {}, 'Sources'), sources, reasons];
}
