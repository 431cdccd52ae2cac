/**
 * The few IndexedDB helpers the browser adapters need, as promises. Only
 * IndexedDB requests are awaited inside a transaction, so it never commits
 * early.
 */

/** Resolves with a request's result, rejects with its error. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves when a transaction commits, rejects when it aborts. */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/**
 * Opens (and on first use creates) a database; `upgrade` creates its stores.
 * When another tab deletes or upgrades the database, the connection closes
 * itself (so it never blocks that tab) and `onClosed` runs, so the caller
 * opens a fresh connection on next use instead of reusing a closed one.
 */
export function openDatabase(name: string, version: number, upgrade: (db: IDBDatabase) => void, onClosed?: () => void): Promise<IDBDatabase> {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.reject(new Error('IndexedDB is not available here; use another repository (restRepository, fhirRepository) or a browser.'));
  const req = factory.open(name, version);
  req.onupgradeneeded = () => upgrade(req.result);
  return request(req).then((db) => {
    // Another tab upgrading the schema must not be blocked by us.
    db.onversionchange = () => {
      db.close();
      onClosed?.();
    };
    // The browser may also close it (storage cleared, disk error).
    db.onclose = () => onClosed?.();
    return db;
  });
}

/** One database connection, opened on first use and shared; see {@link connection}. */
export interface Connection {
  /** The open database (opened now if needed, again after another tab closed it). */
  open(): Promise<IDBDatabase>;
  /** Releases the connection; the next `open()` opens a new one. */
  close(): void;
}

/**
 * A lazily opened, shared connection to a database. When another tab deletes
 * or upgrades the database (or the browser closes it), the next `open()`
 * opens a fresh connection instead of handing out a closed one.
 */
export function connection(name: string, version: number, upgrade: (db: IDBDatabase) => void): Connection {
  let db: Promise<IDBDatabase> | undefined;
  const forget = (which: Promise<IDBDatabase>) => {
    if (db === which) db = undefined;
  };
  return {
    open() {
      if (db) return db;
      const opening: Promise<IDBDatabase> = openDatabase(name, version, upgrade, () => forget(opening)).catch((error: unknown) => {
        forget(opening);
        throw error;
      });
      db = opening;
      return opening;
    },
    close() {
      const pending = db;
      db = undefined;
      void pending?.then((d) => d.close(), () => undefined);
    },
  };
}
