/** What a page must not do to the content script (entrypoints/watch/hardening.ts). */
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ignoreScriptStartedEvents, overlayHostName } from '../../entrypoints/watch/hardening';

/** The event a newer copy of the script sends (its name is private to WXT), as any page script can forge it. */
const SCRIPT_STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

function forgeScriptStarted() {
  document.dispatchEvent(
    new CustomEvent(SCRIPT_STARTED, {
      detail: { contentScriptName: 'watch', messageId: 'forged' },
    }),
  );
}

describe('the script-started event', () => {
  it('switches an unguarded WXT context off when a page forges it, and a guarded one no more', () => {
    const unguarded = new ContentScriptContext('watch');
    forgeScriptStarted();
    expect(unguarded.isValid).toBe(false);

    const guarded = new ContentScriptContext('watch');
    ignoreScriptStartedEvents(guarded);
    forgeScriptStarted();
    expect(guarded.isValid).toBe(true);
  });
});

describe('the overlay host name', () => {
  it('is a valid custom element name no page can know in advance', () => {
    const names = new Set(Array.from({ length: 50 }, overlayHostName));
    expect(names.size).toBe(50);
    for (const name of names) {
      expect(name).toMatch(/^between-takes-[a-z0-9]+$/);
      // attachShadow is allowed on it (a valid custom element name), as the overlay needs.
      expect(() => document.createElement(name).attachShadow({ mode: 'open' })).not.toThrow();
    }
  });
});
