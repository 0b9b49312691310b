/**
 * Deletes every IndexedDB database of the device's origin: the providers' stores, the GCDS and its
 * cursors, the apps' own copies. Run only with every worker stopped; a blocked delete is not waited for.
 */
export async function deleteAllDatabases(): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      (db) =>
        new Promise<void>((resolve) => {
          if (db.name === undefined) return resolve();
          const request = indexedDB.deleteDatabase(db.name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}
