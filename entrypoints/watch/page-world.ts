/**
 * The content script's side of the page-world reader (entrypoints/page-reader.ts):
 * injects it once, keeps its latest answer, and asks afresh before each read.
 * An answer is checked (pageDataOf) only when it is read, and only if it
 * changed, so a page sending events in a loop costs a string comparison each.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { injectScript } from 'wxt/utils/inject-script';
import { PAGE_ASK, PAGE_DATA, pageDataOf, type PageData } from '../../utils/sites/page-world';

export interface PageWorld {
  /** The page world's answer now (undefined while it has not answered, or on a broken answer). */
  read(): PageData | undefined;
  /** Called when the page world says its answer changed. */
  onChange(listener: () => void): void;
}

export function connectPageWorld(ctx: ContentScriptContext): PageWorld {
  let raw: unknown;
  let checkedRaw: unknown;
  let checked: PageData | undefined;
  let listener = () => {};
  window.addEventListener(
    PAGE_DATA,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (detail === raw) return;
      raw = detail;
      listener();
    },
    { signal: ctx.signal },
  );
  injectScript('/page-reader.js').catch(() => {
    // A page whose policy refuses the script: the adapters' DOM layers still answer.
  });
  return {
    read() {
      // The reader answers within dispatchEvent, so this reads its answer for the page as it is now.
      window.dispatchEvent(new CustomEvent(PAGE_ASK));
      if (raw !== checkedRaw) {
        checkedRaw = raw;
        checked = pageDataOf(raw) ?? undefined;
      }
      return checked;
    },
    onChange(next) {
      listener = next;
    },
  };
}
