import type { NameOrder } from '@gcds/shared';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

interface SettingsSchema extends DBSchema {
  settings: { key: string; value: unknown };
}

const NAME_ORDER_KEY = 'nameOrder';

/** A stored value as a name order: anything else (nothing saved, an old value) is the default. */
export function nameOrderOf(saved: unknown): NameOrder {
  return saved === 'familyFirst' ? 'familyFirst' : 'givenFirst';
}

/**
 * The Contacts app's own settings (how the list is sorted), in its engine's IndexedDB: the app's frame
 * has an opaque origin and no storage, so the engine keeps them and they survive a reload.
 */
export class ContactsSettingsStore {
  private constructor(private readonly db: IDBPDatabase<SettingsSchema>) {}

  static async open(name: string): Promise<ContactsSettingsStore> {
    const db = await openDB<SettingsSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('settings');
      },
    });
    return new ContactsSettingsStore(db);
  }

  async nameOrder(): Promise<NameOrder> {
    return nameOrderOf(await this.db.get('settings', NAME_ORDER_KEY));
  }

  async setNameOrder(order: NameOrder): Promise<void> {
    await this.db.put('settings', order, NAME_ORDER_KEY);
  }
}
