/** The compiled catalog pack, produced at build time by scripts/catalog-plugin.ts. */
declare module 'virtual:between-takes/catalog' {
  const pack: unknown;
  export default pack;
}
