import type { PersonDetail } from '../../protocol/contactsApi';
import { h } from '../../ui/dom';
import type { DetailContext } from './detailActions';

/**
 * The star of a person's detail: a toggle (pressed when a favourite). Starring an import keeps the star
 * in a linked phone copy (see the engine's `favoriteStar`), so the detail then shows that person.
 */
export function detailStar(context: DetailContext, detail: PersonDetail, name: string): HTMLButtonElement {
  const starred = detail.merged.favorite !== undefined;
  const button = h(
    'button',
    {
      class: starred ? 'star starred' : 'star',
      attrs: {
        type: 'button',
        'aria-pressed': starred ? 'true' : 'false',
        'aria-label': starred ? `Remove ${name} from favourites` : `Add ${name} to favourites`,
        'data-testid': 'favorite-star',
      },
      on: {
        click: () => {
          button.disabled = true;
          void toggle(context, !starred, name).finally(() => {
            button.disabled = false;
          });
        },
      },
    },
    starred ? '★' : '☆',
  );
  return button;
}

async function toggle(context: DetailContext, favorite: boolean, name: string): Promise<void> {
  const { api, actions } = context;
  const result = await api.setFavorite(context.currentPerson(), favorite);
  if (!result.ok) {
    actions.notify(`Could not change favourites: ${result.errors.map((e) => e.message).join('; ')}`);
    return;
  }
  actions.notify(favorite ? `${name} added to favourites.` : `${name} removed from favourites.`);
  if (result.personId !== context.currentPerson()) actions.openPerson(result.personId);
}
