/**
 * Where a fact comes from, as a link a viewer can follow: "Source: Soompi ·
 * 10 Jan 2017", opening the article in a new tab with no access back to the
 * page (noopener, noreferrer). The article's headline is its tooltip. A source
 * with no address (an older pack) shows as text; the viewer's own facts have none.
 */
import type { FactSource } from '../utils/catalog/fact-source';
import { t } from '../utils/i18n';

/** "2017-01-10" → "Jan 10, 2017" in the viewer's language; "2017-01" → "Jan 2017"; "2017" stays. */
function formatSourceDate(date: string, locale?: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', timeZone: 'UTC' };
  if (day !== undefined) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}

/** Only web addresses become links: anything else a pack might carry is shown as text. */
function isWebAddress(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

export function SourceLink({ source }: { source: FactSource | undefined }) {
  if (!source) return null;
  const name = source.publisher ?? source.title;
  const label = t('overlaySource', source.date ? `${name} · ${formatSourceDate(source.date)}` : name);
  return isWebAddress(source.url) ? (
    <a class="bt-source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {label}
    </a>
  ) : (
    <span class="bt-source" title={source.title}>
      {label}
    </span>
  );
}
