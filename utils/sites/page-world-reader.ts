/**
 * What the page-world reader (entrypoints/page-reader.ts) reads, in the page's
 * own world. It reads; it changes nothing on the page and sends nothing
 * anywhere. Every answer is checked on arrival (page-world.ts).
 *
 * - Netflix: the playing session's video id and the player's metadata for it
 *   (trakt-tools/universal-trakt-scrobbler src/services/netflix/NetflixApi.ts:
 *   `playerApp.getState().videoPlayer.playbackStateBySessionId`;
 *   killergerbah/asbplayer extension/src/entrypoints/netflix-page.ts:
 *   `getAPI().getVideoMetadataByVideoId(id).getCurrentVideo()`; the older
 *   `videoMetadata[id]._metadata.video` of PreMiD/Activities' Netflix presence).
 * - Disney+: `document.querySelector('disney-web-player').mediaPlayer`
 *   .mediaPlaybackCriteria.metadata {title.text, subtitle.text} (PreMiD
 *   websites/D/Disney+/presence.ts).
 * - iQIYI, WeTV, Viu: `window.__NEXT_DATA__`, when the page has no
 *   `<script id="__NEXT_DATA__">` the content script could read itself.
 */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Calls `read`, or gives undefined when the page's objects are missing or throw. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function netflix(): Loose | undefined {
  const player: Loose | undefined = (window as Loose)['netflix']?.appContext?.state?.playerApp;
  if (!player) return undefined;
  const state: Loose | undefined = attempt(() => player['getState']().videoPlayer);
  const sessions = Object.values<Loose | null>(state?.['playbackStateBySessionId'] ?? {}).filter(
    (s): s is Loose => !!s,
  );
  const session = sessions.find((s) => s['playing']) ?? sessions.find((s) => !s['paused']) ?? sessions[0];
  const api: Loose | undefined = attempt(() => player['getAPI']());
  const videoId =
    session?.['videoId'] ??
    attempt(() => {
      const ids: string[] = api!['videoPlayer'].getAllPlayerSessionIds();
      return api!['videoPlayer'].getVideoPlayerBySessionId(ids[ids.length - 1]).getMovieId();
    });
  if (videoId === undefined || videoId === null) return undefined;
  const answer: Loose = { videoId: String(videoId) };
  const current: Loose | undefined = attempt(() => api!['getVideoMetadataByVideoId'](videoId).getCurrentVideo());
  const title = attempt(() => current!['getTitle']());
  if (typeof title === 'string') {
    answer['title'] = title;
    if (attempt(() => current!['isEpisodic']()) === false) answer['film'] = true;
    answer['season'] = attempt(() => current!['getSeason']()._season.seq);
    answer['episode'] = attempt(() => current!['getEpisodeNumber']());
    return answer;
  }
  // The metadata JSON's "video", as the player's state keeps it.
  const video: Loose | undefined = state?.['videoMetadata']?.[String(videoId)]?._metadata?.video;
  if (typeof video?.['title'] !== 'string') return answer;
  answer['title'] = video['title'];
  if (video['type'] === 'movie') answer['film'] = true;
  for (const season of (video['seasons'] ?? []) as Loose[]) {
    const episode = ((season['episodes'] ?? []) as Loose[]).find((e) => String(e['id']) === String(videoId));
    // Collections number their episodes in their own way (universal-trakt-scrobbler drops those numbers).
    if (episode && !video['hiddenEpisodeNumbers'] && !season['hiddenEpisodeNumbers']) {
      answer['season'] = season['seq'];
      answer['episode'] = episode['seq'];
    }
  }
  return answer;
}

function disneyplus(): Loose | undefined {
  const metadata: Loose | undefined = attempt(
    () => (document.querySelector('disney-web-player') as Loose | null)?.['mediaPlayer'].mediaPlaybackCriteria.metadata,
  );
  const title = metadata?.['title']?.text;
  return typeof title === 'string' ? { title, label: metadata?.['subtitle']?.text } : undefined;
}

let nextSeen: unknown;
let nextText = '';

/** window.__NEXT_DATA__, when the DOM does not carry it; serialised once per object. */
function nextJs(): string {
  if (document.getElementById('__NEXT_DATA__')) return '';
  const data: unknown = attempt(() => (window as Loose)['__NEXT_DATA__']);
  if (data !== nextSeen) {
    nextSeen = data;
    nextText = data ? (attempt(() => JSON.stringify(data)) ?? '') : '';
  }
  return nextText;
}

/** The page world's answer for the page it runs in, as JSON text ("{}" when it knows nothing). */
export function pageWorldAnswer(): string {
  const host = location.hostname;
  if (/(^|\.)netflix\.com$/.test(host)) return JSON.stringify(netflix() ?? {});
  if (/(^|\.)disneyplus\.com$/.test(host)) return JSON.stringify(disneyplus() ?? {});
  const next = nextJs();
  return next ? `{"next":${next}}` : '{}';
}
