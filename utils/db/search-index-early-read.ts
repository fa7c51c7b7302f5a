/**
 * The popup's first move: start reading the stored search index before the
 * popup's modules have even loaded. Run from a classic script in popup.html's
 * head (entrypoints/search-early-read.ts), it uses the bare IndexedDB API (no
 * idb, nothing to import) and leaves its promises on `globalThis` for the
 * popup's services, which turn them into a SearchIndex (search-store.ts,
 * searchIndexFrom). On this 2-core machine the toolbar popup's first script
 * runs about 35–40 ms after navigation and its modules about 15 ms later
 * (`npm run bench`, section popup); the read overlaps that.
 *
 * It never creates or upgrades the database: when there is none yet, or an
 * older version, the open is cancelled and both promises give undefined, and
 * the popup falls back to the normal path (openCatalogDb, then asking the
 * background to seed).
 */
import { DB_NAME, DB_VERSION } from './db-identity';

/** The raw stored parts, or undefined when they could not be read early. */
export interface EarlyRead {
  head: Promise<unknown>;
  facts: Promise<unknown>;
}

/** Where the early read leaves its promises for the popup. */
export const EARLY_READ_KEY = 'btSearchIndexEarlyRead';

type WithEarlyRead = { [EARLY_READ_KEY]?: EarlyRead };

/** Runs `run` when the page is next idle (within 100 ms), or on the next task where there is no idle callback. */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
  else setTimeout(run, 0);
}

/** Starts reading both parts of the search index in one read transaction. */
export function startEarlyRead(factory: IDBFactory = indexedDB, name = DB_NAME): EarlyRead {
  let settleHead!: (value: unknown) => void;
  let settleFacts!: (value: unknown) => void;
  const head = new Promise<unknown>((resolve) => (settleHead = resolve));
  const facts = new Promise<unknown>((resolve) => (settleFacts = resolve));
  const nothing = () => {
    settleHead(undefined);
    settleFacts(undefined);
  };
  try {
    const open = factory.open(name, DB_VERSION);
    // No database yet, or an older one: creating and upgrading is openCatalogDb's job.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = nothing;
    open.onblocked = nothing;
    open.onsuccess = () => {
      performance.mark('bt-db-open');
      const db = open.result;
      try {
        const store = db.transaction('meta').objectStore('meta');
        const read = (
          key: string,
          settle: (value: unknown) => void,
          when: (run: () => void) => void,
          then = () => {},
        ) => {
          const request = store.get(key);
          request.onsuccess = () => {
            when(() => settle(request.result));
            then();
          };
          request.onerror = () => {
            settle(undefined);
            then();
          };
        };
        // The second part is large and not urgent: asked for only once the first has come (in the same
        // transaction, so both are of the same seed), as a value this large comes apart from the database
        // record and reading both at once slowed the first; and taken (deserialised and loaded) once the
        // page is idle, so a query typed as the popup turns interactive is answered and painted first.
        const readFacts = () => {
          try {
            read('searchFacts', settleFacts, whenIdle);
          } catch {
            settleFacts(undefined); // the transaction ended with an error on the first part
          }
        };
        read('searchIndex', settleHead, (run) => run(), readFacts);
      } catch {
        nothing();
      } finally {
        // Closes once the reads are done, so it never holds up a later upgrade.
        db.close();
      }
    };
  } catch {
    nothing();
  }
  return { head, facts };
}

/** Starts the early read and leaves it for the popup. */
export function publishEarlyRead(): void {
  (globalThis as WithEarlyRead)[EARLY_READ_KEY] = startEarlyRead();
}

/** The early read, if the page started one; taken once, so a second load reads afresh. */
export function takeEarlyRead(): EarlyRead | undefined {
  const scope = globalThis as WithEarlyRead;
  const early = scope[EARLY_READ_KEY];
  delete scope[EARLY_READ_KEY];
  return early;
}
