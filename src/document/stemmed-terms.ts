import { stemmer } from 'stemmer';

/** FTS5's porter tokenizer leaves tokens shorter than 3 or longer than 64 bytes as they are. */
const MIN_STEMMED = 3;
const MAX_STEMMED = 64;

/**
 * The terms SQLite's `porter unicode61 remove_diacritics 2` tokenizer makes of a text: runs of letters and
 * digits, lower-cased, without diacritics, stemmed by Porter's algorithm. Postgres is given these (as a
 * 'simple' tsvector, which only lower-cases), so both stores count the same terms and BM25 ranks alike.
 */
export function stemmedTerms(text: string): string[] {
  const terms: string[] = [];
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [word] of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    terms.push(word.length < MIN_STEMMED || word.length > MAX_STEMMED ? word : stemmer(word));
  }
  return terms;
}
