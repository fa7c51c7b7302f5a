/**
 * iQIYI (iq.com). Watch pages are /play/<slug>-<id> or /play/<id> (yt-dlp/yt-dlp
 * yt_dlp/extractor/iqiyi.py IqIE); the slug is in the link's language and may
 * end "-episode-1000" or "-season3-episode-1"; an album page is /album/….
 *
 * In trust order: the URL's slug; `__NEXT_DATA__` → props.initialState.play.curVideoInfo
 * {albumName, order, name, albumId, videoType} (yt-dlp), used only while its
 * playLocSuffix (or pageProps.curUrl) still names the URL's video, since Next.js
 * leaves it as loaded on client-side moves (caocaochan/userscripts
 * iqiyi-subtitle-downloader); the `h1` (PreMiD/Activities websites/I/iQIYI/presence.ts):
 * the album title in `h1 > a > span > span`, the episode in the rest of the h1's
 * text; document.title. A film is albumId 0 with videoType "singleVideo": no
 * series id, no episode.
 */
import { parseEpisodeLabel, parseEpisodeSlug } from './readers/episode-label';
import {
  cleanText,
  decodeSegment,
  nextData,
  numberAt,
  pathValue,
  seriesIdOf,
  stringAt,
  textOf,
  videoContainer,
} from './readers/page-data';
import { playingFrom, splitShowTitle, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** /play/healer-episode-14-19rrh0qk0p or /play/19rrh0qk0p: ids are 8–16 lower-case letters and digits. */
const WATCH_PATH = /^\/play\/(?:([^/]+)-)?([0-9a-z]{8,16})\/?$/;

/** The names iQIYI puts in its page titles. */
const SITE_NAME = String.raw`iQIYI(?:\s*\|\s*iQ\.com)?|iQ\.com|爱奇艺|愛奇藝`;

export const iqiyi: SiteAdapter = {
  id: 'iqiyi',
  name: 'iQIYI',
  matches: ['*://*.iq.com/*'],
  pageWorld: true,

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url, page): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    const id = path[2]!;
    const readings: LayerReading[] = [];
    if (path[1]) {
      const slug = parseEpisodeSlug(decodeSegment(path[1]));
      readings.push({ title: slug.title.replace(/-/g, ' '), label: slug });
    }
    const data = pathValue(nextData(doc, page), ['props']);
    const pageProps = pathValue(data, ['initialProps', 'pageProps']);
    const loadedAt = ['playLocSuffix', 'curUrl', 'pathname'].map(
      (key) => stringAt(pathValue(data, ['initialState', 'play', 'curVideoInfo']), [key]) || stringAt(pageProps, [key]),
    );
    const video = loadedAt.some((at) => at.includes(id))
      ? pathValue(data, ['initialState', 'play', 'curVideoInfo'])
      : undefined;
    const film = !pathValue(video, ['albumId']) && pathValue(video, ['videoType']) === 'singleVideo';
    const order = film ? undefined : numberAt(video, ['order']);
    readings.push({ title: stringAt(video, ['albumName']), label: order ? { episode: order } : {} });
    // The h1 follows client-side navigation: the album's title in its link, the episode after it.
    const h1 = doc.querySelector('h1');
    const album = textOf(doc, 'h1 > a > span > span');
    const rest = cleanText(h1?.textContent).replace(cleanText(h1?.querySelector('a')?.textContent), '');
    const label = parseEpisodeLabel(rest);
    const bare = /^\D*([1-9]\d{0,3})\D*$/.exec(rest);
    readings.push({ title: album, label: label.episode || !bare ? label : { episode: Number(bare[1]) } });
    const fromTitle = splitShowTitle(doc.title.split(/\s+[-|]\s+|\s+online with /i)[0] ?? '', SITE_NAME);
    if (fromTitle) readings.push(fromTitle);
    // curVideoInfo.name is an episode label, sometimes after a localized series name ("航海王 第1000集").
    if (!film) readings.push({ title: '', label: parseEpisodeLabel(stringAt(video, ['name'])) });
    return playingFrom('iqiyi', readings, film ? undefined : seriesIdOf(pathValue(video, ['albumId']) || undefined));
  },

  playerContainer(doc) {
    // .iqp-player is iQIYI's player root (PreMiD); .intl-video-wrap the page's wrapper around it.
    return doc.querySelector('.iqp-player') ?? doc.querySelector('.intl-video-wrap') ?? videoContainer(doc);
  },
};
