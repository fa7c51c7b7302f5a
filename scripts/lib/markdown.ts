/**
 * Writes a generated Markdown report formatted as the repository's Prettier
 * settings want it, so a fresh benchmark run leaves `npm test`'s format check green.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export async function writeMarkdown(path: string, text: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}
