// Every test file gets a fresh in-memory IndexedDB (fake-indexeddb) as the global factory.
import 'fake-indexeddb/auto';
