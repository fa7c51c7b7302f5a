/**
 * Writes a generated Markdown report formatted as the repository's Prettier
 * settings want it, so a fresh benchmark run leaves `npm test`'s format check green.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/** `text` as Prettier formats a Markdown file at `path`. */
export async function formatMarkdown(path: string, text: string): Promise<string> {
  const options = (await resolveConfig(path)) ?? {};
  return format(text, { ...options, filepath: path });
}

export async function writeMarkdown(path: string, text: string): Promise<void> {
  writeFileSync(path, await formatMarkdown(path, text));
}
