import type { PersonDetail } from '../../protocol/contactsApi';
import { confirmDialog } from '../../ui/dialog';
import { h } from '../../ui/dom';
import { deleteRecord, hidePerson } from './deleteFlow';
import type { DetailContext } from './detailActions';
import { sourceName } from './sourceNames';

/** The row of what to do with a person: Edit (their record, or a linked copy), Delete, Unmerge, Merge with…. */
export function detailButtons(
  context: DetailContext,
  detail: PersonDetail,
  name: string,
): HTMLButtonElement[] {
  const { api, actions } = context;
  const m = detail.merged;
  const buttons: HTMLButtonElement[] = [];
  const editable = detail.editable;
  buttons.push(
    editable === undefined
      ? h('button', { attrs: { type: 'button' }, on: { click: () => actions.editCopy(m.personId) } }, 'Edit')
      : h('button', { attrs: { type: 'button' }, on: { click: () => actions.edit(editable) } }, 'Edit'),
  );
  const deletable = detail.deletable;
  if (deletable !== undefined) {
    buttons.push(
      h(
        'button',
        {
          class: 'danger',
          attrs: { type: 'button' },
          on: { click: () => void deleteRecord(api, actions, detail, deletable, name) },
        },
        'Delete',
      ),
    );
  } else {
    // Nothing here can be deleted (Facebook, a read-only book): hiding is what the user can do.
    buttons.push(
      h(
        'button',
        { attrs: { type: 'button' }, on: { click: () => void hidePerson(api, actions, m.personId, name) } },
        'Hide',
      ),
    );
  }
  if (m.sources.length > 1) {
    buttons.push(
      h('button', { attrs: { type: 'button' }, on: { click: () => void unmerge(context, name) } }, 'Unmerge'),
    );
  }
  buttons.push(
    h(
      'button',
      { attrs: { type: 'button' }, on: { click: () => actions.pickMergeTarget(m.personId, name) } },
      'Merge with…',
    ),
  );
  return buttons;
}

/** Says why a person cannot be edited in place, and that editing keeps a linked copy; null when editable. */
export function readOnlyHint(detail: PersonDetail): HTMLElement | null {
  const m = detail.merged;
  const names = detail.sourceNames;
  return detail.editable !== undefined
    ? null
    : h(
        'p',
        { class: 'hint', attrs: { 'data-testid': 'read-only' } },
        detail.readOnlyReason !== undefined
          ? `Read-only: ${detail.readOnlyReason}.`
          : `This contact comes from ${m.sources.map((source) => sourceName(source, names)).join(' and ')}.`,
        ' Editing it keeps your changes in your phone contacts, linked to it.',
      );
}

async function unmerge(context: DetailContext, name: string): Promise<void> {
  const { api, actions } = context;
  if (!(await confirmDialog(document.body, `Split ${name} back into its sources?`, 'Unmerge'))) return;
  try {
    const people = await api.unmerge(context.currentPerson());
    actions.notify(`${name} is now ${people.length} separate contacts.`);
    actions.back();
  } catch (error) {
    actions.notify(`Could not unmerge: ${error instanceof Error ? error.message : String(error)}`);
  }
}
