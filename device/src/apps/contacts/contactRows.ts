import type { ContactRow, ListSection, SearchResult } from '../../protocol/contactsApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';
import type { PhotoCache } from './photoCache';

export const ROW_HEIGHT = 58;
/** Rows (and search results) are read this many at a time, as they come into view. */
export const CHUNK = 50;

/** What a contact row needs: the photos, and what opening a person does. */
export interface RowContext {
  readonly photos: PhotoCache;
  open(personId: string): void;
}

/** A row of the list not read yet. */
export function rowPlaceholder(): HTMLElement {
  return h(
    'div',
    { class: 'contact-row placeholder', attrs: { role: 'listitem', 'aria-busy': 'true' } },
    h('span', { class: 'avatar' }),
    h('span', { class: 'skeleton' }),
  );
}

/** A contact in the list: avatar (the photo once loaded, not while scrolling), name, subtitle, favourite star. */
export function contactRow(
  rows: RowContext,
  row: ContactRow,
  section: ListSection,
  offset: number,
  scrolling: boolean,
): HTMLElement {
  const ready = row.hasPhoto ? rows.photos.peek(row.personId, row.photoId) : undefined;
  const avatar = h(
    'span',
    { class: 'avatar-slot' },
    ready === undefined ? initialsAvatar(row.displayName) : photo(row.personId, ready),
  );
  if (row.hasPhoto && ready === undefined && !scrolling) void loadPhoto(rows, row, avatar);
  return h(
    'div',
    {
      class: 'virtual-row',
      attrs: { role: 'listitem', 'aria-setsize': section.count, 'aria-posinset': offset + 1 },
    },
    h(
      'button',
      {
        class: 'contact-row',
        attrs: { type: 'button', 'data-person-id': row.personId },
        on: { click: () => rows.open(row.personId) },
      },
      avatar,
      h(
        'span',
        { class: 'row-text' },
        h('span', { class: 'row-name' }, row.displayName),
        h('span', { class: 'row-sub' }, row.subtitle),
      ),
      row.favorite ? h('span', { class: 'favorite', attrs: { 'aria-label': 'favourite' } }, '★') : null,
    ),
  );
}

/** A search result not read yet. */
export function resultPlaceholder(): HTMLElement {
  return h(
    'li',
    { class: 'contact-row placeholder', attrs: { 'aria-busy': 'true' } },
    h('span', { class: 'avatar' }),
    h('span', { class: 'skeleton' }),
  );
}

/** A search result: the contact with the match marked, in its name or in the field it was found in. */
export function resultRow(rows: RowContext, result: SearchResult, query: string): HTMLElement {
  const { row } = result;
  const avatar = h('span', { class: 'avatar-slot' }, initialsAvatar(row.displayName));
  if (row.hasPhoto) void loadPhoto(rows, row, avatar);
  const name = result.field === 'name' ? marked(row.displayName, query) : h('span', {}, row.displayName);
  const sub = result.field === 'name' ? h('span', {}, row.subtitle) : marked(result.matched, query);
  return h(
    'li',
    {},
    h(
      'button',
      {
        class: 'contact-row',
        attrs: { type: 'button', 'data-person-id': row.personId, 'data-field': result.field },
        on: { click: () => rows.open(row.personId) },
      },
      avatar,
      h(
        'span',
        { class: 'row-text' },
        h('span', { class: 'row-name' }, name),
        h('span', { class: 'row-sub' }, sub),
      ),
    ),
  );
}

async function loadPhoto(
  rows: RowContext,
  row: { personId: string; displayName: string; photoId?: string },
  slot: HTMLElement,
): Promise<void> {
  const url = await rows.photos.get(row.personId, row.photoId);
  if (url === undefined) return;
  replaceChildren(slot, photo(row.personId, url));
}

function photo(personId: string, url: string): HTMLElement {
  return h('img', { class: 'avatar photo', attrs: { src: url, alt: '', 'data-photo-of': personId } });
}
