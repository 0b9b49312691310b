/**
 * Deletes every IndexedDB database of one simulated phone (those named after its namespace): the
 * providers' stores, the GCDS and its cursors, the apps' own copies. Another phone of the same origin
 * (`?device=B`) keeps its own. Run only with every worker stopped; a blocked delete is not waited for.
 */
export async function deleteDeviceDatabases(namespace: string): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      (db) =>
        new Promise<void>((resolve) => {
          if (db.name === undefined || !db.name.startsWith(`${namespace}:`)) return resolve();
          const request = indexedDB.deleteDatabase(db.name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}
