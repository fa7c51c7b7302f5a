/**
 * The database's name and version, apart from database.ts so the popup's
 * early read (search-index-early-read.ts) can use them without pulling in idb.
 */
export const DB_NAME = 'between-takes';
/** Bump with a new `if (oldVersion < N)` step in upgrade() (database.ts); never edit old steps. */
export const DB_VERSION = 4;
