/**
 * The growing catalog in real Chromium: the viewer's own fact added from the
 * overlay, export and import on the options page, article import, and remote
 * packs fetched from a local static server (with a tampered shard refused).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { remoteShard, manifestFor } from '../helpers/remote-pack';

let browser: ExtensionBrowser;
let server: Server;
let origin = '';
/** What the static server answers: path → body. */
const files = new Map<string, string>();
/** Paths the static server redirects (302): path → where to. */
const redirects = new Map<string, string>();

beforeAll(async () => {
  browser = await launchWithExtension();
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const to = redirects.get(path);
    if (to !== undefined) {
      res.writeHead(302, { Location: to, 'Access-Control-Allow-Origin': '*' });
      res.end();
      return;
    }
    const body = files.get(path);
    res.writeHead(body === undefined ? 404 : 200, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    res.end(body ?? '');
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Every other request is aborted by launchWithExtension; let the local pack host through.
  await browser.context.route(`${origin}/**`, (route) => route.continue());
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function optionsPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Catalog and your facts' }).waitFor({ timeout: 10_000 });
  return page;
}

/** The remote shards stored in the extension's database, read in the service worker. */
async function storedShards(): Promise<{ dramaId: string; facts: { text: string }[] }[]> {
  return browser.worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('between-takes');
        open.onsuccess = () => {
          const request = open.result.transaction('remoteShards').objectStore('remoteShards').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

describe('the viewer’s own facts', () => {
  it('are added in the overlay’s own-facts frame, shown as theirs, exported and refused or imported on the options page', async () => {
    const watch = await openFixture(
      browser.context,
      'https://www.netflix.com/watch/80049015',
      'netflix/watch-healer-e14.html',
    );
    const overlay = watch.locator('[data-between-takes]');
    await overlay.locator('.bt-toggle').waitFor({ state: 'visible', timeout: 10_000 });
    await overlay.locator('.bt-toggle').click();
    // The viewer's facts live in an extension page inside the overlay, not in the page's DOM.
    const frame = watch.frameLocator('[data-between-takes] iframe.bt-own-frame');
    await frame.getByRole('button', { name: 'Add a fact' }).click();
    const text = frame.getByLabel('What happened behind the scenes');
    await text.fill('<b>bold</b>');
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByText('Write the fact as plain text').waitFor({ timeout: 10_000 });
    await text.fill('The crew hid hand warmers in the hospital bed.');
    await frame.getByLabel('People, separated by commas').fill('Ji Chang-wook, Park Min-young');
    await frame.getByRole('button', { name: 'Save' }).click();
    const mine = frame.locator('.bt-fact-own');
    await mine.waitFor({ timeout: 10_000 });
    expect(await mine.innerText()).toContain('hand warmers');
    expect(await mine.innerText()).toContain('Your fact');
    // The overlay's own list and count are the catalog's: nothing of the viewer's is in the page.
    expect(await overlay.locator('.bt-toggle').innerText()).toMatch(/\b8 facts\b/);
    expect(await watch.evaluate(() => document.documentElement.outerHTML.includes('hand warmers'))).toBe(false);
    await watch.close();

    const page = await optionsPage();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      kind: string;
      facts: { text: string; episode: number }[];
    };
    expect(exported.kind).toBe('own-facts');
    expect(exported.facts).toEqual([
      expect.objectContaining({ text: 'The crew hid hand warmers in the hospital bed.', episode: 14 }),
    ]);

    // A hostile pack is refused with a clear message.
    const hostile = JSON.stringify({
      ...exported,
      facts: [{ ...exported.facts[0], id: 'own-x', text: '<script>alert(1)</script>' }],
    });
    await page
      .getByLabel('Pack file (.json)')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain('nothing was changed');
    expect(await alert.innerText()).toContain('facts[0].text: HTML or script is not allowed in text');

    // A good pack (a new fact, plus the one already there) is imported.
    const good = JSON.stringify({
      ...exported,
      facts: [...exported.facts, { ...exported.facts[0], id: 'own-imported', text: 'Imported from another browser.' }],
    });
    await page
      .getByLabel('Pack file (.json)')
      .setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await page.getByText('Imported 1 facts (1 you already had).').waitFor({ timeout: 10_000 });
    await page.close();
  });
});

describe('remote packs', () => {
  it('adds a drama from a local static host, then refuses a tampered shard and keeps the database as it was', async () => {
    const shard = remoteShard();
    files.set('/packs/manifest.json', manifestFor('1', { 'lantern-keeper': shard }));
    files.set('/packs/shards/lantern-keeper.json', shard);
    const page = await optionsPage();
    await page.getByLabel('Manifest address').fill(`${origin}/packs/manifest.json`);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    const result = page.getByTestId('remote-result');
    await result.getByText('Catalog version 1: 1 dramas updated').waitFor({ timeout: 15_000 });

    // The new drama is part of the catalog: article import recognises it.
    await page
      .getByLabel('Article text')
      .fill('Han Ji-ho filmed the beach scene of The Lantern Keeper of Quebec episode 1 in Quebec.');
    await page.getByRole('button', { name: 'Find facts' }).click();
    await page.getByText('1 candidate facts').waitFor({ timeout: 10_000 });
    expect(await page.locator('.candidate select').inputValue()).toBe('lantern-keeper');

    // The host now serves a shard that does not match the manifest's hash (the same length: a longer
    // one is refused sooner, past the bytes the manifest declares).
    const changed = remoteShard('A corrected fact about Quebec.');
    files.set('/packs/manifest.json', manifestFor('2', { 'lantern-keeper': changed }));
    files.set('/packs/shards/lantern-keeper.json', changed.replace('Quebec', 'Toledo'));
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await result.getByText('may have been tampered with').waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toContain('nothing was changed');
    expect(await result.innerText()).toContain('drama "lantern-keeper"');
    const stored = await storedShards();
    expect(stored.map((s) => s.facts.map((f) => f.text))).toEqual([
      ['The first meeting on the beach was filmed in Quebec City.'],
    ]);
    await page.close();
  });

  it('follows a moved manifest to its shards, and refuses a shard that takes Healer’s title, naming both', async () => {
    const page = await optionsPage();
    const result = page.getByTestId('remote-result');
    // The manifest moved: relative shard addresses are relative to where it is now.
    const shard = remoteShard();
    files.set('/packs-v2/manifest.json', manifestFor('3', { 'lantern-keeper': shard }));
    files.set('/packs-v2/shards/lantern-keeper.json', shard);
    redirects.set('/moved/manifest.json', '/packs-v2/manifest.json');
    await page.getByLabel('Manifest address').fill(`${origin}/moved/manifest.json`);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await result.getByText('Catalog version 3:').waitFor({ timeout: 15_000 });
    expect(await result.innerText()).not.toContain('failed');

    const clash = JSON.parse(shard) as { dramas: { aliases: string[] }[]; version: string };
    clash.dramas[0]!.aliases.push('Healer');
    clash.version = 'lantern-keeper-2';
    files.set('/packs-v2/manifest.json', manifestFor('4', { 'lantern-keeper': JSON.stringify(clash) }));
    files.set('/packs-v2/shards/lantern-keeper.json', JSON.stringify(clash));
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await result.getByText('would make another drama unrecognisable').waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toContain('drama "lantern-keeper"');
    expect(await result.innerText()).toContain('"Healer"');
    expect(await result.innerText()).toContain('nothing was changed');
    await page.close();

    // Healer is still recognised.
    const watch = await openFixture(
      browser.context,
      'https://www.netflix.com/watch/80049015',
      'netflix/watch-healer-e14.html',
    );
    const toggle = watch.locator('[data-between-takes] .bt-toggle');
    await toggle.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await toggle.innerText()).toContain('Healer');
    await watch.close();
  });
});
