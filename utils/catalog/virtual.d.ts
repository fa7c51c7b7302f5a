/** The compiled catalog pack, produced at build time by scripts/catalog-plugin.ts. */
declare module 'virtual:between-takes/catalog' {
  const pack: unknown;
  export default pack;
}

/** The compiled catalog's version alone (its content hash): what the background checks at start. */
declare module 'virtual:between-takes/catalog-version' {
  const version: string;
  export default version;
}
