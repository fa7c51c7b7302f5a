/**
 * The dramas a search index knows, as stored: one record string per drama,
 * packed (packed-strings.ts) and decoded only for the results shown. Korean
 * titles and people are lists of their own (see SearchIndexSnapshot in
 * search-index.ts).
 */
import { packedAt, packStrings, unpackStrings, type PackedStrings } from './packed-strings';

/** What search knows of a drama: enough to show a result and describe why it matched. */
export interface SearchDrama {
  id: string;
  title: string;
  titleKo: string;
  year: number;
  episodes: number;
  /** Every name it goes by, canonical title first. */
  names: string[];
  /** Actors (with their other spellings) and characters; empty until the second part is loaded. */
  people: string[];
}

// Separators inside a drama record: control characters, which catalog text never contains (schema.ts).
const FIELD = '\u001e';
const ITEM = '\u001f';
// eslint-disable-next-line no-control-regex -- exactly the separators above
const SEPARATORS = /[\u001e\u001f]/g;

const clean = (s: string) => s.replace(SEPARATORS, ' ');

/** The stored records of `dramas`: the first part's two lists and the second part's people. */
export interface EncodedDramas {
  dramas: PackedStrings;
  titlesKo: PackedStrings;
  castOf: PackedStrings;
}

/**
 * Drama records as strings, one a drama: fields split by FIELD, list items by
 * ITEM. The names stored are those besides the title and the Korean title,
 * which decoding puts back in front (they are always a drama's first names).
 */
export function encodeDramas(dramas: SearchDrama[]): EncodedDramas {
  return {
    dramas: packStrings(
      dramas.map((d) =>
        [
          clean(d.id),
          clean(d.title),
          String(d.year),
          String(d.episodes),
          d.names
            .filter((n) => n !== d.title && n !== d.titleKo)
            .map(clean)
            .join(ITEM),
        ].join(FIELD),
      ),
    ),
    titlesKo: packStrings(dramas.map((d) => clean(d.titleKo))),
    castOf: packStrings(dramas.map((d) => d.people.map(clean).join(ITEM))),
  };
}

const list = (s: string | undefined) => (s === undefined || s === '' ? [] : s.split(ITEM));

/** One drama back from its record, Korean title and (once loaded) people. */
export function decodeDrama(record: string, titleKo: string, people: string | undefined): SearchDrama {
  const [id = '', title = '', year = '0', episodes = '0', names = ''] = record.split(FIELD);
  return {
    id,
    title,
    titleKo,
    year: Number(year),
    episodes: Number(episodes),
    names: [...new Set([title, titleKo, ...list(names)].filter(Boolean))],
    people: list(people),
  };
}

/** Every drama of encodeDramas' output; without `castOf`, with no people. */
export function decodeDramas({ dramas, titlesKo, castOf }: Omit<EncodedDramas, 'castOf'> & { castOf?: PackedStrings }) {
  return unpackStrings(dramas).map((record, d) =>
    decodeDrama(record, packedAt(titlesKo, d), castOf && packedAt(castOf, d)),
  );
}
