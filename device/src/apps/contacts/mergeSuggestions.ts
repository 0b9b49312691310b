import type { MergeSuggestion } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import type { DetailContext } from './detailActions';
import { reasonText } from './sourceNames';

/** The "Possible duplicates" section of a person, busy until `loadSuggestions` fills it. */
export function suggestionsSection(): HTMLElement {
  const suggestions = h(
    'section',
    { class: 'suggestions', attrs: { 'aria-label': 'Possible duplicates', 'aria-busy': 'true' } },
    h('h3', {}, 'Possible duplicates'),
    h('p', { class: 'hint' }, 'Looking…'),
  );
  return suggestions;
}

/**
 * Looks up a person's possible duplicates, after the rest is shown: each can be opened, merged with them,
 * or dismissed as someone else (then `reshow` shows the person again).
 */
export async function loadSuggestions(
  context: DetailContext,
  personId: string,
  host: HTMLElement,
  reshow: (personId: string) => Promise<void>,
): Promise<void> {
  const { api, actions } = context;
  let found: MergeSuggestion[];
  try {
    found = await api.suggestions(personId);
  } catch (error) {
    replaceChildren(
      host,
      h('h3', {}, 'Possible duplicates'),
      h('p', { class: 'hint' }, error instanceof Error ? error.message : String(error)),
    );
    host.removeAttribute('aria-busy');
    return;
  }
  if (personId !== context.currentPerson()) return;
  host.removeAttribute('aria-busy');
  if (found.length === 0) {
    replaceChildren(host, h('h3', {}, 'Possible duplicates'), h('p', { class: 'hint' }, 'None found.'));
    return;
  }
  replaceChildren(
    host,
    h('h3', {}, 'Possible duplicates'),
    h(
      'ul',
      {},
      ...found.map((s) =>
        h(
          'li',
          { class: 'suggestion', attrs: { 'data-person-id': s.personId } },
          h(
            'button',
            {
              class: 'link',
              attrs: { type: 'button' },
              on: { click: () => actions.openPerson(s.personId) },
            },
            s.displayName,
          ),
          h(
            'span',
            { class: 'reasons' },
            `${s.reasons.length === 0 ? 'similar name' : s.reasons.map(reasonText).join(', ')} (score ${s.score})`,
          ),
          h(
            'span',
            { class: 'suggestion-buttons' },
            h(
              'button',
              {
                attrs: { type: 'button', 'aria-label': `Merge with ${s.displayName}` },
                on: { click: () => void merge(context, s) },
              },
              'Merge',
            ),
            h(
              'button',
              {
                attrs: { type: 'button', 'aria-label': `${s.displayName} is someone else` },
                on: { click: () => void dismiss(context, s, reshow) },
              },
              'Not the same',
            ),
          ),
        ),
      ),
    ),
  );
}

async function merge(context: DetailContext, s: MergeSuggestion): Promise<void> {
  const { api, actions } = context;
  try {
    const merged = await api.merge([context.currentPerson(), s.personId]);
    actions.notify(`Merged with ${s.displayName}.`);
    actions.openPerson(merged);
  } catch (error) {
    actions.notify(`Could not merge: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function dismiss(
  context: DetailContext,
  s: MergeSuggestion,
  reshow: (personId: string) => Promise<void>,
): Promise<void> {
  const { api, actions } = context;
  try {
    await api.dismissSuggestion(context.currentPerson(), s.personId);
    actions.notify(`${s.displayName} will not be suggested again.`);
    await reshow(context.currentPerson());
  } catch (error) {
    actions.notify(`Could not dismiss: ${error instanceof Error ? error.message : String(error)}`);
  }
}
