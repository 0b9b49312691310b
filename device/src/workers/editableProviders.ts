import type * as Comlink from 'comlink';
import type { SaveTarget } from '../protocol/contactsApi';
import { type CardDavProviderId, isCardDavProvider, type ServiceName } from '../protocol/deviceConfig';
import type { EditableProviderApi, EditableProviderInfo } from '../protocol/workerApis';

/** What the editable providers need of the engine's context: the services the shell connected. */
export interface ConnectedServices {
  service<T>(name: ServiceName): Comlink.Remote<T>;
  /** The services the shell has connected right now (CardDAV address books come and go). */
  connected(): ServiceName[];
}

/** A connected CardDAV address book and what it says of itself. */
export interface ConnectedBook {
  readonly id: CardDavProviderId;
  readonly info: EditableProviderInfo;
}

/**
 * The providers the user may edit through the Contacts app: the phone's own and the CardDAV address
 * books the shell connected, and which of them a new contact may be saved to.
 */
export class EditableProviders {
  constructor(private readonly services: ConnectedServices) {}

  /**
   * A provider the user may edit through this app: the phone's own or a CardDAV address book the shell
   * connected (a hostile frame can name any id; only what the shell connected is reachable, and the
   * provider refuses writes to a read-only book all the same).
   */
  editable(provider: string): EditableProviderApi {
    if (provider !== 'local' && !isCardDavProvider(provider))
      throw new Error(`${provider} contacts cannot be edited here`);
    return this.services.service<EditableProviderApi>(provider) as unknown as EditableProviderApi;
  }

  /** The connected CardDAV address books and what they say of themselves. */
  async accounts(): Promise<ConnectedBook[]> {
    const ids = this.services.connected().filter(isCardDavProvider);
    const described = await Promise.all(
      ids.map(async (id) => {
        try {
          return { id, info: await this.editable(id).describe() };
        } catch {
          // An account removed while we asked: it is simply not offered.
          return undefined;
        }
      }),
    );
    return described.filter((entry) => entry !== undefined);
  }

  /** Where a new contact may go: the writable address books, then the phone if it is connected. */
  async saveTargets(): Promise<SaveTarget[]> {
    const accounts = (await this.accounts())
      .filter((a) => a.info.writable)
      .map((a) => ({ provider: a.id, name: a.info.name }));
    const phone = this.services.connected().includes('local') ? [{ provider: 'local', name: 'Phone' }] : [];
    return [...accounts, ...phone];
  }
}
