/** Problems from the background (refused drafts, packs, remote updates) in the viewer's language. */
import { MAX_PACK_BYTES, MAX_PACK_DEPTH, MAX_PACK_FACTS, type PackProblem } from '../utils/catalog/pack';
import type { DraftProblem } from '../utils/db/own-facts';
import type { RemoteProblem } from '../utils/db/remote-packs';
import { formatNumber, t } from '../utils/i18n';

/** One line for a refused pack's problem. */
export function packProblemText(p: PackProblem): string {
  const field = p.field || 'pack';
  switch (p.code) {
    case 'too-large':
      return t('packProblemTooLarge');
    case 'too-deep':
      return t('packProblemTooDeep', MAX_PACK_DEPTH);
    case 'not-json':
      return t('packProblemNotJson', p.detail);
    case 'forbidden-key':
      return t('packProblemForbiddenKey', field, p.detail);
    case 'markup':
      return t('packProblemMarkup', field);
    case 'control-chars':
      return t('packProblemControlChars', field);
    case 'shape':
      return t('packProblemShape', field, p.detail);
    case 'duplicate-id':
      return t('packProblemDuplicateId', field, p.detail);
    case 'unknown-drama':
      return t('packProblemUnknownDrama', field, p.detail);
    case 'unknown-source':
      return t('packProblemUnknownSource', field, p.detail);
    case 'episode-past-end':
      return t('packProblemEpisodePastEnd', field, p.detail);
    case 'id-taken':
      return t('packProblemIdTaken', field, p.detail);
    case 'source-taken':
      return t('packProblemSourceTaken', field, p.detail);
    case 'too-many-facts':
      return t('packProblemTooManyFacts', formatNumber(MAX_PACK_FACTS));
    case 'export-too-large':
      return t('packProblemExportTooLarge', formatNumber(MAX_PACK_BYTES / 1024 / 1024));
    case 'wrong-kind':
      return t('packProblemWrongKind', p.detail);
    case 'storage':
      return t('packProblemStorage', p.detail);
  }
}

/** One line for a failed remote update. */
export function remoteProblemText(p: RemoteProblem): string {
  const keys = {
    'bad-url': 'remoteProblemBadUrl',
    network: 'remoteProblemNetwork',
    http: 'remoteProblemHttp',
    'too-large': 'remoteProblemTooLarge',
    'bad-manifest': 'remoteProblemBadManifest',
    'hash-mismatch': 'remoteProblemHashMismatch',
    'bad-shard': 'remoteProblemBadShard',
    'title-clash': 'remoteProblemTitleClash',
    storage: 'remoteProblemStorage',
    unexpected: 'remoteProblemUnexpected',
  } as const;
  const text = t(keys[p.code], p.detail);
  return p.shard ? t('remoteProblemShard', p.shard, text) : text;
}

/** The message under a fact-editor field; `episodes` is the drama's last episode. */
export function draftProblemText(p: DraftProblem, episodes: number): string {
  if (p.code === 'unknown-drama') return t('factProblemDrama');
  if (p.code === 'not-found') return t('factProblemGone');
  if (p.code === 'storage-unavailable') return t('factProblemStorage');
  if (p.code === 'too-many-facts') return t('factProblemTooManyFacts', formatNumber(MAX_PACK_FACTS));
  if (p.code === 'export-too-large') return t('factProblemExportTooLarge', formatNumber(MAX_PACK_BYTES / 1024 / 1024));
  if (p.code === 'episode-past-end') return t('factProblemEpisode', episodes);
  if (p.field === 'episode') return t('factProblemEpisode', episodes);
  if (p.field === 'people') return t('factProblemPeople');
  return t('factProblemText');
}
