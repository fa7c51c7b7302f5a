/**
 * A pack as the file the options page saves: indented JSON. Import size limits
 * are measured on this text, so the viewer's facts are capped by it too
 * (utils/db/own-facts.ts). Kept free of dependencies: the options page loads it.
 */
export function packFileText(pack: unknown): string {
  return JSON.stringify(pack, null, 2);
}
