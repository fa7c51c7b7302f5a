/**
 * The rule that keeps every drama recognisable: no two dramas answer to the
 * same title (by key, match-title.ts). The build checks data/ with it
 * (compile.ts), where two dramas may share a title when their years tell them
 * apart (a remake both of whose records the maintainers review together): the
 * matcher then needs the year from the page and refuses without it. A remote
 * update checks each shard against the whole catalog with it
 * (db/remote-packs.ts) without that exception: a shard taking another drama's
 * title, whatever year it gives, would make that drama unrecognisable on every
 * page that shows no year, which is most of them.
 */
import { titleKey, titleKeysOf, YEAR_TOLERANCE, yearsTellApart } from './match-title';
import type { Drama } from './types';

type Titled = Pick<Drama, 'id' | 'title' | 'titleKo' | 'romanized' | 'aliases' | 'year'>;

/** A title of a drama that another drama already answers to. */
export interface TitleClash {
  /** The title as the drama writes it. */
  title: string;
  /** Its place among the drama's titles: 0 is `title`, then `titleKo`, the romanisations, the aliases. */
  index: number;
  /** The drama that already answers to it. */
  owner: { id: string; title: string; year: number };
}

/** Why a clash is refused, in the build's words. */
export function describeClash(clash: TitleClash): string {
  const { title, owner } = clash;
  return `"${title}" cannot be told apart from "${owner.title}" (drama ${owner.id}, ${owner.year}); give each drama titles that differ in more than case, spacing or punctuation, or years more than ${YEAR_TOLERANCE} apart`;
}

/** Why a remote shard's clash is refused. */
export function describeShardClash(clash: TitleClash): string {
  const { title, owner } = clash;
  return `"${title}" is a title of "${owner.title}" (drama ${owner.id}, ${owner.year}), which would no longer be recognised by it`;
}

/** The dramas registered so far, by every title key they answer to. */
export class TitleRegister {
  private readonly byKey = new Map<string, { id: string; title: string; year: number }[]>();

  /** `yearsTellApart`: whether years more than YEAR_TOLERANCE apart let two dramas share a title (the build). */
  constructor(private readonly options: { yearsTellApart: boolean }) {}

  /** The titles of `drama` that a registered drama (another id) answers to, years not telling them apart. */
  clashesOf(drama: Titled): TitleClash[] {
    const clashes: TitleClash[] = [];
    [drama.title, drama.titleKo, ...drama.romanized, ...drama.aliases].forEach((title, index) => {
      const owner = this.byKey
        .get(titleKey(title))
        ?.find(
          (other) => other.id !== drama.id && !(this.options.yearsTellApart && yearsTellApart(other.year, drama.year)),
        );
      if (owner) clashes.push({ title, index, owner });
    });
    return clashes;
  }

  add(drama: Titled): void {
    for (const key of titleKeysOf(drama)) {
      const owners = this.byKey.get(key) ?? [];
      if (!owners.some((o) => o.id === drama.id)) owners.push({ id: drama.id, title: drama.title, year: drama.year });
      this.byKey.set(key, owners);
    }
  }
}
