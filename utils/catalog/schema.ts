/**
 * The catalog's file format: one JSON file per drama in `data/dramas/`, plus
 * `data/sources.json` naming the articles facts come from. These schemas are the
 * single definition of that format; the build, the tests and (later) pack imports
 * all validate through them.
 */
import { z } from '../validation/zod';

/** Lower-case words joined by hyphens: stable, URL-safe, readable in a diff. */
export const slug = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "healer-ep14-kiss"'));

/**
 * Markup or a script address in what should be plain text. Facts are always
 * rendered as text, so markup would show as literal tags; refusing it at the
 * door keeps hostile packs out and tells the author why.
 */
export const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<\s*script|javascript\s*:/i;

/**
 * A character that can disguise text, refused in every text of the catalog and
 * of packs: every control character (Unicode Cc) but tab and line feed — C0,
 * DEL and C1 (U+0080–U+009F) — and every format character (Cf): bidi marks,
 * embeddings, overrides and isolates (U+200E/F, U+061C, U+202A–U+202E,
 * U+2066–U+2069), zero-width space and joiners (U+200B–U+200D), word joiner
 * (U+2060), byte order mark (U+FEFF), soft hyphen, tag characters.
 */
export const DISGUISING_CHAR = /(?![\t\n])\p{Cc}|\p{Cf}/u;

/** `s` without the characters DISGUISING_CHAR finds: what the viewer types is cleaned, not refused. */
export function stripDisguising(s: string): string {
  return s.replace(new RegExp(DISGUISING_CHAR.source, 'gu'), '');
}

/** Visible text: trimmed, non-empty, bounded, no control or invisible formatting characters. */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
    z.refine((s) => !DISGUISING_CHAR.test(s), 'must not contain control characters or invisible formatting characters'),
    z.refine((s) => !MARKUP.test(s), 'must be plain text, not HTML markup or a script address'),
  );

/** Text the viewer typed or pasted: disguising characters removed, then checked as `text`. */
export const typedText = (max: number) => z.pipe(z.pipe(z.string(), z.transform(stripDisguising)), text(max));

export const castMemberSchema = z.strictObject({
  /** The actor's name as the press romanises it most often, e.g. "Ji Chang-wook". */
  actor: text(80),
  /** Other spellings the press uses ("Ji Chang Wook", "Seo In Gook"). */
  actorAliases: z._default(z.array(text(80)), []),
  /** The character the actor plays, e.g. "Seo Jung-hoo". */
  character: text(80),
});

/**
 * A fact's episode: a number, "final" (resolved to the drama's last episode when
 * the catalog is compiled), or absent for a fact about the whole drama.
 */
/** An episode number, as every format and message bounds it. */
export const episodeNumber = z.int().check(z.gte(1), z.lte(500));

/** Seconds into an episode: within six hours. */
export const momentSeconds = z.number().check(z.gte(0), z.lte(6 * 3600));

export const factEpisodeSchema = z.union([episodeNumber, z.literal('final')]);

/** A public web address: http or https only, since the UI renders it as a link. */
export const webUrl = z.string().check(
  z.trim(),
  z.maxLength(500, 'must be at most 500 characters'),
  z.regex(/^https?:\/\/[^\s<>"]+$/i, 'must be an http(s) address such as "https://www.soompi.com/article/…"'),
  z.refine((s) => URL.canParse(s), 'must be a well-formed web address'),
);

/**
 * A publication date as precise as the source pins it: "2017-01-10",
 * "2017-01" or "2017". Never more precise than the source.
 */
export const publicationDate = z.string().check(
  z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be a date as YYYY-MM-DD, YYYY-MM or YYYY'),
  z.refine((s) => {
    const [y, m = 1, d = 1] = s.split('-').map(Number) as [number, number?, number?];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1990 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'must be a real date from 1990 on'),
);

export const factSchema = z.strictObject({
  id: slug,
  episode: z.optional(factEpisodeSchema),
  /** The fact in the project's own words; quotes from the article may stay quotes. */
  text: text(600),
  /** Actors (as in the drama's cast) or crew the fact is about. */
  people: z._default(z.array(text(80)), []),
  tags: z.array(slug).check(z.minLength(1, 'must have at least one tag, e.g. "kiss-scene"')),
  /** True when the fact gives away plot (who ends up with whom, a reunion, a death). */
  spoiler: z.boolean(),
  /** Seconds into the episode where the moment happens, when known. */
  at: z.optional(momentSeconds),
  /**
   * For a spoiler about the whole drama: the episode from which it no longer
   * gives anything away (where the source says that plot point happens). A
   * drama-wide spoiler without it stays veiled until the final episode.
   */
  spoilerFreeFrom: z.optional(factEpisodeSchema),
  /** The id of an entry in data/sources.json. */
  source: slug,
});

export const dramaFileSchema = z
  .strictObject({
    id: slug,
    /** Canonical English title, as most English-language platforms list it. */
    title: text(120),
    /** The Korean title in hangul. */
    titleKo: text(120),
    /** Romanisations of the Korean title (Revised Romanization first). */
    romanized: z.array(text(120)).check(z.minLength(1, 'must give at least one romanisation')),
    /** Every other title on streaming sites and in the press. */
    aliases: z._default(z.array(text(120)), []),
    year: z.int().check(z.gte(1960), z.lte(2100)),
    network: text(40),
    /** Season this record describes; later seasons are separate records. */
    season: z._default(z.int().check(z.gte(1), z.lte(20)), 1),
    episodes: episodeNumber,
    /** Where the record's titles, year, network, episode count and cast were checked: reference pages. */
    references: z
      .array(webUrl)
      .check(z.minLength(1, 'must name at least one reference page the record was checked against')),
    cast: z.array(castMemberSchema).check(z.minLength(1, 'must name at least one lead actor')),
    facts: z._default(z.array(factSchema), []),
  })
  .check(
    z.superRefine((drama, ctx) => {
      const past = (n: number | 'final' | undefined) => typeof n === 'number' && n > drama.episodes;
      drama.facts.forEach((fact, i) => {
        if (past(fact.episode)) {
          ctx.addIssue({
            code: 'custom',
            path: ['facts', i, 'episode'],
            message: `episode ${fact.episode} is past the drama's last episode (${drama.episodes})`,
          });
        }
        if (fact.spoilerFreeFrom === undefined) return;
        const issue = (message: string) =>
          ctx.addIssue({ code: 'custom', path: ['facts', i, 'spoilerFreeFrom'], message });
        if (fact.episode !== undefined) issue('only a fact about the whole drama names when it stops being a spoiler');
        else if (!fact.spoiler) issue('only a spoiler can stop being one: set "spoiler": true or remove this');
        else if (past(fact.spoilerFreeFrom)) {
          issue(`episode ${fact.spoilerFreeFrom} is past the drama's last episode (${drama.episodes})`);
        }
      });
    }),
  );

/**
 * Where facts come from, as a pack carries it: a remote pack or the viewer's
 * own export may know less than the catalog in data/ must.
 */
export const sourceSchema = z.strictObject({
  id: slug,
  /** The article's headline. */
  title: text(200),
  /** Who published it: "Soompi", "Koreaboo". */
  publisher: z.optional(text(80)),
  /** The article's public address; the overlay and the popup link to it. */
  url: z.optional(webUrl),
  /** When it was published, as precise as the article pins it. */
  date: z.optional(publicationDate),
  /** A local copy of the article (a file in ../shared/sources/articles), when there is one. */
  ref: z.optional(text(300)),
});

/** What a source of data/ says when its page shows no publication date anywhere. */
export const UNDATED = 'undated';

/**
 * A source of the catalog in data/: every fact a viewer sees can be followed to
 * its article. The date is required; "undated" says, explicitly, that the page
 * shows none (a date is never guessed). The compiled pack leaves it out then.
 */
export const catalogSourceSchema = z.extend(sourceSchema, {
  publisher: text(80),
  url: webUrl,
  date: z.union([publicationDate, z.literal(UNDATED)], {
    error: `must be a real date as YYYY-MM-DD, YYYY-MM or YYYY, or "${UNDATED}" when the page shows none`,
  }),
});

export const sourcesFileSchema = z.strictObject({
  sources: z.array(catalogSourceSchema).check(z.minLength(1)),
});

export type Source = z.output<typeof sourceSchema>;
