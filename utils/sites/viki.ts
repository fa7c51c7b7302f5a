/**
 * Rakuten Viki. Watch pages are /videos/<n>v with an optional slug
 * "-<show>-episode-<N>", and /player/<n>v (yt-dlp/yt-dlp viki.py, read at its
 * last version b872ffec); the slug is missing on some links and names a film or
 * a clip as it names a show. The page names the show in `#channel-link > span`,
 * two parts joined by ": " (PreMiD/Activities websites/V/Viki/presence.ts: the
 * show and the episode; which comes first is not shown, so either is read).
 * After those, layers no anchor confirms, read last: document.title and og:title
 * "Heirs - Episode 14", JSON-LD TVEpisode. The player is video.js.
 */
import { parseEpisodeLabel, parseEpisodeSlug } from './readers/episode-label';
import { cleanText, decodeSegment, jsonLdObjects, metaContent, seriesIdOf, stringAt } from './readers/page-data';
import { playingFrom, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

const WATCH_PATH = /^\/(?:videos|player)\/(\d+v)(?:-([^/]+))?\/?$/;

/** The series' id in a link to its page, /tv/21789c-heirs → "21789c". */
const SERIES_LINK = /\/tv\/(\d+c)(?:-|\/|$)/;

/** "Heirs - Episode 14 | Rakuten Viki" → series "Heirs", label "Episode 14". */
function splitPageTitle(raw: string): { title: string; label: string } | null {
  const withoutSite = raw.replace(/\s*[|–-]\s*(?:Rakuten\s+)?Viki\s*$/i, '').replace(/^Watch\s+/i, '');
  const m = /^(.+?)\s+[-–—|:]\s+(.+)$/.exec(withoutSite);
  if (m) return { title: m[1]!, label: m[2]! };
  // A bare site name ("Rakuten Viki") while the page is still loading says nothing.
  if (!withoutSite || /^(?:Rakuten\s+)?Viki$/i.test(withoutSite)) return null;
  return { title: withoutSite, label: '' };
}

export const viki: SiteAdapter = {
  id: 'viki',
  name: 'Rakuten Viki',
  matches: ['*://*.viki.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    const readings: LayerReading[] = [];
    const fromPageTitle = (raw: string) => {
      const split = splitPageTitle(raw);
      if (split) readings.push({ title: split.title, label: parseEpisodeLabel(split.label) });
    };

    // The URL and the channel link follow client-side navigation and are what
    // the anchors read; document.title, JSON-LD and og:title, which no anchor
    // reads, come after.
    if (path[2]) {
      const slug = parseEpisodeSlug(decodeSegment(path[2]));
      readings.push({ title: slug.title.replace(/-/g, ' '), label: slug.episode ? { episode: slug.episode } : {} });
    }
    // "<one>: <other>": the part that is an episode label is the label, the other the show.
    const channel = doc.querySelector('#channel-link');
    const [first = '', ...rest] = cleanText(channel?.querySelector('span')?.textContent).split(': ');
    const second = rest.join(': ');
    const firstLabel = parseEpisodeLabel(first);
    readings.push(
      firstLabel.episode !== undefined
        ? { title: second, label: firstLabel }
        : { title: first, label: parseEpisodeLabel(second) },
    );
    fromPageTitle(cleanText(doc.title));
    const jsonLd = jsonLdObjects(doc);
    for (const obj of jsonLd) {
      if (obj['@type'] !== 'TVEpisode') continue;
      const seriesName = stringAt(obj, ['partOfSeries', 'name']);
      const number = Number(obj['episodeNumber']);
      if (seriesName) {
        readings.push({ title: seriesName, label: Number.isInteger(number) && number > 0 ? { episode: number } : {} });
      }
    }
    fromPageTitle(metaContent(doc, 'og:title'));

    // The show's title links to its series page; JSON-LD's partOfSeries.url names it too.
    const seriesLinks = [
      (channel ?? doc.querySelector('a[href*="/tv/"]'))?.getAttribute('href') ?? '',
      ...jsonLd.map((obj) => stringAt(obj, ['partOfSeries', 'url'])),
    ];
    const seriesId = seriesLinks.map((href) => seriesIdOf(SERIES_LINK.exec(href)?.[1])).find((id) => id);
    return playingFrom('viki', readings, seriesId);
  },

  playerContainer(doc) {
    // video.js wraps the <video class="vjs-tech"> in the element it sends fullscreen.
    return doc.querySelector('.video-js') ?? doc.querySelector('video.vjs-tech')?.parentElement ?? null;
  },
};
