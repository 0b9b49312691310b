import { type ContactTel, PHONE_TYPES, phoneTypeLabel, phoneTypeOf } from '@gcds/shared';
import { h } from '../../ui/dom';

/** The kind picker of a phone row: Mobile, Home, Work, Main, Other, or a label of the user's own. */
export interface PhoneTypeField {
  readonly select: HTMLSelectElement;
  readonly custom: HTMLInputElement;
  /** The number's kind as stored: vCard types, and the label when it is a custom one. */
  value(previous: ContactTel | undefined): Pick<ContactTel, 'type' | 'label'>;
}

export function phoneTypeField(tel: ContactTel | undefined, index: number): PhoneTypeField {
  const kind = tel === undefined ? 'cell' : phoneTypeOf(tel);
  const custom = h('input', {
    class: 'custom-label',
    attrs: {
      type: 'text',
      'aria-label': `Phone ${index + 1} label`,
      placeholder: 'Label',
      autocomplete: 'off',
      name: `tel.${index}.label`,
    },
    value: kind === 'custom' ? (tel?.label ?? '') : '',
  });
  custom.hidden = kind !== 'custom';
  const select = h(
    'select',
    {
      attrs: { 'aria-label': `Phone ${index + 1} type` },
      on: {
        change: () => {
          custom.hidden = select.value !== 'custom';
          if (!custom.hidden) custom.focus();
        },
      },
    },
    ...PHONE_TYPES.map((type) =>
      h(
        'option',
        { attrs: { value: type, selected: kind === type } },
        phoneTypeLabel({ type: [type] }) ?? type,
      ),
    ),
    h('option', { attrs: { value: 'custom', selected: kind === 'custom' } }, 'Custom…'),
  );
  return {
    select,
    custom,
    value(previous) {
      const label = custom.value.trim();
      if (select.value === 'custom' && label !== '') {
        // A custom label keeps the types it had (a vCard's voice, cell…) and names the number.
        return { type: previous?.type ?? ['voice'], label };
      }
      const type = select.value === 'custom' ? 'cell' : select.value;
      // The types the form does not offer (voice, text, pref…) stay; the kind chosen replaces the others.
      const kept = (previous?.type ?? []).filter(
        (t) => !(PHONE_TYPES as readonly string[]).includes(t.toLowerCase()) && t.toLowerCase() !== 'mobile',
      );
      return { type: [type, ...kept] };
    },
  };
}
