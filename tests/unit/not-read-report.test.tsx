// @vitest-environment happy-dom
/**
 * When a watch page cannot be read: the popup says which of the site's readers
 * found nothing, and "Copy details" copies what a bug report needs and nothing
 * personal (no id, no slug, no query value, no title).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotReadReport } from '../../components/popup/NotReadReport';
import type { TabState } from '../../utils/messaging/tab-state';
import { diagnosisText, urlPattern, type SiteDiagnosis } from '../../utils/sites/diagnosis';

afterEach(cleanup);

describe('urlPattern', () => {
  it.each([
    [
      'https://www.netflix.com/watch/80049015?trackId=14170286&tctx=2%2C1',
      'https://www.netflix.com/watch/*?trackId=*&tctx=*',
    ],
    ['https://www.viki.com/videos/1023585v-heirs-episode-14', 'https://www.viki.com/videos/*'],
    ['https://www.kocowa.com/en_us/media/5130981/healer-e14', 'https://www.kocowa.com/en_us/media/*/*'],
    [
      'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
      'https://www.ondemandkorea.com/en/player/vod/*?contentId=*',
    ],
    [
      'https://www.amazon.de/-/en/gp/video/detail/0QBFW23I3E1I59TFDOTTJR9SIE/ref=atv_plr_landingpage_play',
      'https://www.amazon.de/-/en/gp/video/detail/*/*',
    ],
    [
      'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
      'https://www.disneyplus.com/en-us/play/*',
    ],
    ['https://www.iq.com/play/one-piece-episode-1000-1ma1i6ferf4?lang=en_us', 'https://www.iq.com/play/*?lang=*'],
    [
      'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr#comments',
      'https://wetv.vip/en/play/*/*',
    ],
    ['https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost', 'https://www.viu.com/ott/sg/en-us/vod/*/*'],
  ])('%s → %s', (url, pattern) => {
    expect(urlPattern(new URL(url))).toBe(pattern);
  });
});

const diagnosis: SiteDiagnosis = {
  pattern: 'https://www.netflix.com/watch/*',
  readers: [
    { reader: 'player-data', answered: false },
    { reader: 'page', answered: false },
  ],
  version: '1.2.3',
};

describe('the details copied', () => {
  it('name the site, the page’s form, each reader and the version, and nothing else', () => {
    expect(diagnosisText({ id: 'netflix', name: 'Netflix' }, diagnosis)).toBe(
      [
        'Between Takes 1.2.3: Netflix page not read',
        'Site: netflix',
        'Page: https://www.netflix.com/watch/*',
        'Reader player-data: nothing',
        'Reader page: nothing',
      ].join('\n'),
    );
  });
});

const tab = (d: SiteDiagnosis | null): TabState => ({
  site: 'netflix',
  siteName: 'Netflix',
  siteOn: true,
  watchPage: true,
  playing: null,
  seriesKey: null,
  playback: null,
  spoilerSafe: true,
  dramaWideFacts: true,
  view: null,
  diagnosis: d,
});

describe('the popup’s report on a page not read', () => {
  it('says the player data and the title bar are both missing, and copies the details', async () => {
    const copy = vi.fn(async () => {});
    render(<NotReadReport tab={tab(diagnosis)} copy={copy} />);
    expect(screen.getByText(/^Netflix page not read: its player data and title bar are both missing/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy details' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Details copied' })).toBeTruthy());
    expect(copy).toHaveBeenCalledWith(diagnosisText({ id: 'netflix', name: 'Netflix' }, diagnosis));
  });

  it('names only the title bar on a site read from its page alone', () => {
    const pageOnly = { ...diagnosis, readers: [{ reader: 'page' as const, answered: false }] };
    render(<NotReadReport tab={{ ...tab(pageOnly), site: 'kocowa', siteName: 'Kocowa' }} copy={async () => {}} />);
    expect(screen.getByText(/^Kocowa page not read: its title bar is missing/)).toBeTruthy();
  });

  it('says only that the title is not read yet when the tab gives no report', () => {
    render(<NotReadReport tab={tab(null)} copy={async () => {}} />);
    expect(screen.getByText(/cannot be read yet/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
