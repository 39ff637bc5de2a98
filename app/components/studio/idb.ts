/**
 * A small key-value store on IndexedDB for trained models (weights are binary and can be near 1 MB,
 * too big for localStorage). Every call resolves, never throws: private modes, full disks and
 * browsers without IndexedDB only mean the page forgets on reload.
 */
const DB_NAME = 'gradient-arena';
const STORE = 'trained-models';

/**
 * Opens the database at whatever version it has (a new one gets the store at creation). One of that
 * name without the store (made by hand or by another page) is opened again one version up, which
 * creates the store.
 */
function openDb(version?: number): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      req.onsuccess = () => {
        const db = req.result;
        if (db.objectStoreNames.contains(STORE)) return resolve(db);
        const next = db.version + 1;
        db.close();
        resolve(version === undefined ? openDb(next) : null);
      };
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/** Runs one request in its own transaction and closes the database once the transaction is over. */
async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest, fallback: T): Promise<T> {
  const db = await openDb();
  if (!db) return fallback;
  return new Promise<T>((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      let value = fallback;
      req.onsuccess = () => (value = req.result as T);
      tx.oncomplete = () => resolve(value);
      tx.onerror = () => resolve(fallback);
      tx.onabort = () => resolve(fallback);
    } catch {
      resolve(fallback);
    }
  }).finally(() => db.close());
}

export const idbGet = (key: string): Promise<unknown> => withStore<unknown>('readonly', (s) => s.get(key), undefined);

export const idbPut = (key: string, value: unknown): Promise<void> => withStore('readwrite', (s) => s.put(value, key), null).then(() => undefined);

export const idbDelete = (key: string): Promise<void> => withStore('readwrite', (s) => s.delete(key), null).then(() => undefined);

/** Every key with its value (a handful of models: reading them all is cheap). */
export async function idbEntries(): Promise<[string, unknown][]> {
  const keys = await withStore<IDBValidKey[]>('readonly', (s) => s.getAllKeys(), []);
  const values = await withStore<unknown[]>('readonly', (s) => s.getAll(), []);
  // getAllKeys and getAll walk the store in the same key order.
  return keys.length === values.length ? keys.map((k, i) => [String(k), values[i]]) : [];
}
