/**
 * addons-linter's warnings against the list store/README.md gives with the
 * reason each is harmless: a new warning must be read and either fixed or
 * listed, and a listed one that no longer occurs must go. Used by scripts/zip-check.ts.
 */

/** One message of `addons-linter --output json`. */
export interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The section of store/README.md that lists the warnings, one table row each. */
export const WARNINGS_HEADING = '## addons-linter warnings';

/**
 * A file as the list names it: a bundler chunk's content hash
 * (`chunks/settings-store-CalwvS2x.js`) becomes `*` (`chunks/settings-store-*.js`),
 * so the list does not go stale with every change to the code.
 */
export function fileKey(file: string | undefined): string {
  return (file ?? '(no file)').replace(/-[A-Za-z0-9_]{8}(\.(?:js|css))$/, '-*$1');
}

const keyOf = (code: string, file: string) => `${code} ${file}`;

/** The warnings the list gives, as "CODE file" keys: rows of the section that start `| \`CODE\` | \`file\` |`. */
export function documentedWarnings(markdown: string): string[] {
  const start = markdown.indexOf(`\n${WARNINGS_HEADING}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + WARNINGS_HEADING.length + 2);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  const keys: string[] = [];
  for (const line of section.split('\n')) {
    const row = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|/.exec(line);
    if (row) keys.push(keyOf(row[1]!, row[2]!));
  }
  return keys;
}

/** Warnings found and not listed, and listed keys no longer found (each listed row accounts for one warning). */
export function compareWarnings(
  found: LinterMessage[],
  documented: string[],
): { undocumented: LinterMessage[]; stale: string[] } {
  const left = [...documented];
  const undocumented: LinterMessage[] = [];
  for (const warning of found) {
    const at = left.indexOf(keyOf(warning.code, fileKey(warning.file)));
    if (at < 0) undocumented.push(warning);
    else left.splice(at, 1);
  }
  return { undocumented, stale: left };
}
