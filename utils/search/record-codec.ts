/**
 * The dramas a search index knows, as stored: one record string per drama,
 * decoded only for the results shown. Korean titles and people are strings of
 * their own (see SearchIndexSnapshot in search-index.ts).
 */

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

// Separators of the drama records: control characters, which catalog text never contains (schema.ts).
const RECORD = '\u001d';
const FIELD = '\u001e';
const ITEM = '\u001f';
// eslint-disable-next-line no-control-regex -- exactly the separators above
const SEPARATORS = /[\u001d-\u001f]/g;

const clean = (s: string) => s.replace(SEPARATORS, ' ');

/** The stored records of `dramas`: the first part's two strings and the second part's people. */
export interface EncodedDramas {
  dramas: string;
  titlesKo: string;
  castOf: string;
}

/**
 * Drama records as strings: records split by RECORD, fields by FIELD, list
 * items by ITEM. The names stored are those besides the title and the Korean
 * title, which decoding puts back in front (they are always a drama's first names).
 */
export function encodeDramas(dramas: SearchDrama[]): EncodedDramas {
  return {
    dramas: dramas
      .map((d) =>
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
      )
      .join(RECORD),
    titlesKo: dramas.map((d) => clean(d.titleKo)).join(RECORD),
    castOf: dramas.map((d) => d.people.map(clean).join(ITEM)).join(RECORD),
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
export function decodeDramas({ dramas, titlesKo, castOf }: Omit<EncodedDramas, 'castOf'> & { castOf?: string }) {
  const records = splitRecords(dramas);
  const ko = splitRecords(titlesKo);
  const cast = castOf === undefined ? [] : splitRecords(castOf);
  return records.map((record, d) => decodeDrama(record, ko[d] ?? '', cast[d]));
}

// Scores: a title word outranks a person's name, which outranks a word in a fact.

/** Drama records as stored, one string each. */
export function splitRecords(text: string): string[] {
  return text === '' ? [] : text.split(RECORD);
}

/** Records joined as stored: splitRecords' inverse. */
export function joinRecords(records: string[]): string {
  return records.join(RECORD);
}
