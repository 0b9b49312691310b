import {
  type ContactAddress,
  type PartialDate,
  phoneTypeLabel,
  type Sourced,
  type SourcedItem,
} from '@gcds/shared';
import type { PersonDetail } from '../../protocol/contactsApi';
import { startActivity } from '../../ui/activities';
import { h } from '../../ui/dom';
import { sourceBadge } from './sourceBadge';

function dateText(date: PartialDate): string {
  const month = new Date(2000, date.month - 1, 1).toLocaleString('en', { month: 'long' });
  return date.year === undefined ? `${date.day} ${month}` : `${date.day} ${month} ${date.year}`;
}

/** An address as it is written on an envelope: street, then postcode and town, region, country. */
export function addressLines(address: ContactAddress): string[] {
  const town = [address.postalCode, address.locality].filter(Boolean).join(' ');
  return [address.poBox, address.extended, address.street, town, address.region, address.countryName]
    .map((line) => line?.trim() ?? '')
    .filter((line) => line !== '');
}

/**
 * Every field of a person, each with the badge of where it came from; a number calls or messages,
 * an email address opens mail.
 */
export function detailFields(detail: PersonDetail, name: string): HTMLElement {
  const m = detail.merged;
  const names = detail.sourceNames;
  const fields = h('dl', { class: 'fields' });
  const single = (label: string, field: Sourced<string> | undefined) => {
    if (field === undefined || field.value === '') return;
    fields.append(
      h(
        'div',
        { class: 'field' },
        h('dt', {}, label),
        h('dd', {}, h('span', { class: 'value' }, field.value), sourceBadge(names, field.source)),
      ),
    );
  };
  const many = <T>(
    label: string,
    items: readonly SourcedItem<T>[],
    text: (value: T) => string,
    kind: (value: T) => string | undefined,
    act: (value: T, shown: string) => { value: HTMLElement; buttons: HTMLElement[] } = (_, shown) => ({
      value: h('span', { class: 'value' }, shown),
      buttons: [],
    }),
  ) => {
    for (const item of items) {
      const type = kind(item.value);
      const acted = act(item.value, text(item.value));
      fields.append(
        h(
          'div',
          { class: 'field' },
          h('dt', {}, type === undefined ? label : `${label} (${type})`),
          h(
            'dd',
            {},
            acted.value,
            sourceBadge(names, item.source, item.alsoIn),
            acted.buttons.length === 0 ? null : h('span', { class: 'field-actions' }, ...acted.buttons),
          ),
        ),
      );
    }
  };
  const typeOf = (value: { type?: string[]; label?: string }) => value.label ?? value.type?.join(', ');
  many(
    'Phone',
    m.tel,
    (t) => detail.phonesShown[t.value] ?? t.value,
    // The same word the Phone and Messages apps use ("Mobile" for a vCard cell).
    phoneTypeLabel,
    (t, shown) => ({
      // Tapping a number calls it, as on any phone; Message writes to it.
      value: h(
        'button',
        {
          class: 'value link',
          attrs: { type: 'button', 'aria-label': `Call ${shown}` },
          on: { click: () => startActivity('dial', t.value) },
        },
        shown,
      ),
      buttons: [
        h(
          'button',
          {
            class: 'field-action',
            attrs: { type: 'button', 'aria-label': `Call ${name} on ${shown}` },
            on: { click: () => startActivity('dial', t.value) },
          },
          'Call',
        ),
        h(
          'button',
          {
            class: 'field-action',
            attrs: { type: 'button', 'aria-label': `Message ${name} on ${shown}` },
            on: { click: () => startActivity('message', t.value) },
          },
          'Message',
        ),
      ],
    }),
  );
  many(
    'Email',
    m.email,
    (e) => e.value,
    typeOf,
    (e, shown) => ({
      value: h(
        'a',
        {
          class: 'value',
          attrs: { href: `mailto:${e.value}`, 'aria-label': `Email ${shown}` },
          on: {
            click: (event) => {
              // A sandboxed frame cannot leave for a mail app: the shell opens it (or says it would).
              event.preventDefault();
              startActivity('mail', e.value);
            },
          },
        },
        shown,
      ),
      buttons: [],
    }),
  );
  single('Organisation', m.org);
  single('Department', m.department);
  single('Job title', m.jobTitle);
  many(
    'Nickname',
    m.nickname,
    (n) => n,
    () => undefined,
  );
  if (m.bday !== undefined) {
    fields.append(
      h(
        'div',
        { class: 'field' },
        h('dt', {}, 'Birthday'),
        h('dd', {}, h('span', { class: 'value' }, dateText(m.bday.value)), sourceBadge(names, m.bday.source)),
      ),
    );
  }
  many(
    'Address',
    m.adr,
    (a) => addressLines(a).join('\n'),
    typeOf,
    (_, shown) => ({ value: h('span', { class: 'value lines' }, shown), buttons: [] }),
  );
  many('Web', m.url, (u) => u.value, typeOf);
  single('Note', m.note);
  return fields;
}
