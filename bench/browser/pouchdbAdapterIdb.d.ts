/** pouchdb-adapter-idb ships no types (and @types has none for v9): a PouchDB plugin, as its peers. */
declare module 'pouchdb-adapter-idb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
