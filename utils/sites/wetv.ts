/**
 * WeTV. Watch pages are /<lang>/play/<cid>-<Series-Slug>/<vid>-EP<n>-<Series-Slug>,
 * both slugs optional, and the episode slug may be "EP1%3ACute-Programmer" or
 * "EP06B%3A%20Kupu%20Malam" (yt-dlp/yt-dlp yt_dlp/extractor/tencent.py and its
 * issue #5909); the cid is the series' stable id. The next episode comes with
 * replaceState, no page load (ngsoft/userscripts src/wetv.user.js).
 *
 * In trust order: the URL's episode; the sidebar `.play-sidebar__title` (or
 * `.title--main`) and the selected `li.play-video__item--selected`, which
 * follow the episode playing (PreMiD/Activities websites/W/WeTV/presence.ts);
 * `__NEXT_DATA__` → props.pageProps.data, a JSON string with coverInfo.title
 * and videoInfo.{vid,episode,title}, for the video the page was loaded with
 * only (yt-dlp WeTvBaseIE; a real one in ngsoft src/wetv_example.json); and
 * og:title "EP17: Show - Watch HD Video Online - WeTV", label first (yt-dlp
 * `_get_clean_title`), as loaded too. A teaser carries the number of the
 * episode it teases ("Teaser EP18: …", isTrailer) and a film (coverInfo.type 1)
 * has none: neither names an episode.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import {
  decodeSegment,
  metaContent,
  nextData,
  numberAt,
  pathValue,
  seriesIdOf,
  stringAt,
  textOf,
  videoContainer,
} from './readers/page-data';
import { playingFrom, type LayerReading } from './playing-builder';
import type { PageData } from './page-world';
import type { Playing, SiteAdapter } from './types';

/** Groups: 1 cid, 2 series slug, 3 vid, 4 episode slug. cids and vids are lower-case letters and digits. */
const WATCH_PATH =
  /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?play\/([0-9a-z]{8,24})(?:-([^/]+))?(?:\/([0-9a-z]{8,16})(?:-([^/]+))?)?\/?$/i;

/** What yt-dlp's `_get_clean_title` drops from the end of WeTV's titles. */
const TITLE_TAIL = /\s*[_-]\s*(?:Watch online|Watch HD Video Online|WeTV).*$/i;

/** "EP17: Show", "Teaser EP18: Show", "EP06B：Show": label first, then the series. */
const LABEL_FIRST = /^((?:Teaser\s+)?EP\s*\d{1,4}[AB]?)\s*[:：\s-]\s*(.+)$/i;

/** A WeTV title or slug split into its series and episode label, the label first. */
function splitLabelFirst(raw: string): LayerReading {
  const text = raw.replace(TITLE_TAIL, '').trim();
  const m = LABEL_FIRST.exec(text);
  return m ? { title: m[2]!, label: parseEpisodeLabel(m[1]!) } : { title: text };
}

/** The page's data (a JSON string inside __NEXT_DATA__), parsed. */
function pageData(doc: Document, page?: PageData): unknown {
  const raw = pathValue(nextData(doc, page), ['props', 'pageProps', 'data']);
  try {
    return typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    return undefined; // the page's broken data: fall back to the other layers
  }
}

export const wetv: SiteAdapter = {
  id: 'wetv',
  name: 'WeTV',
  matches: ['*://*.wetv.vip/*'],
  pageWorld: true,

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url, page): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    const [, cid, seriesSlug, vid, episodeSlug] = path ?? [];
    // A series page names no video: it plays only if it has a player (yt-dlp WeTvSeriesIE).
    if (!path || (!vid && !doc.querySelector('video'))) return null;
    const fromSlug = splitLabelFirst(decodeSegment(episodeSlug ?? '').replace(/-/g, ' '));
    const readings: LayerReading[] = [
      { title: decodeSegment(seriesSlug ?? '').replace(/-/g, ' ') || fromSlug.title, label: fromSlug.label },
    ];
    // The sidebar and the selected episode follow client-side navigation.
    const selected = textOf(doc, 'li.play-video__item--selected');
    readings.push({
      title: textOf(doc, '.play-sidebar__title') || textOf(doc, '.title--main'),
      label: /^\d{1,4}$/.test(selected) ? { episode: Number(selected) } : parseEpisodeLabel(selected),
    });
    // The data and og:title describe the video the page was loaded with: used
    // only while it is still the one in the URL.
    const data = pageData(doc, page);
    const loaded = stringAt(data, ['videoInfo', 'vid']);
    if (!vid || !loaded || loaded === vid) {
      const notAnEpisode =
        pathValue(data, ['coverInfo', 'type']) === 1 ||
        pathValue(data, ['videoInfo', 'isTrailer']) === 1 ||
        /^Teaser\b/i.test(stringAt(data, ['videoInfo', 'title']));
      const episode = notAnEpisode ? undefined : numberAt(data, ['videoInfo', 'episode']);
      readings.push({ title: stringAt(data, ['coverInfo', 'title']), label: episode ? { episode } : {} });
      const og = splitLabelFirst(metaContent(doc, 'og:title'));
      readings.push(notAnEpisode ? { title: og.title } : og);
    }
    return playingFrom('wetv', readings, seriesIdOf(cid));
  },

  playerContainer(doc) {
    // The Tencent player's wrapper (ngsoft: `.player__wrapper video[playerid]`).
    return doc.querySelector('.player__wrapper') ?? videoContainer(doc);
  },
};
