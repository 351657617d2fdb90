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

/** A term as a tsquery lexeme: quoted, so no text is read as tsquery syntax. */
const lexeme = (term: string) => `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

export interface TermQuery {
  /** The expression as a tsquery: which passages match. */
  tsquery: string;
  /** One stemmed term per phrase, in order, repeated as FTS5 repeats them: what BM25 sums over. */
  phrases: string[];
  /**
   * Whether the expression matches exactly the passages holding one of `phrases` (single words joined by
   * OR, as questions are searched), so the postings alone answer it; otherwise the tsquery decides among
   * them. Every match holds at least one of the phrases' terms either way: NOT is binary in FTS5.
   */
  anyWord: boolean;
}

/**
 * Reads an FTS5 MATCH expression as `buildMatchExpression` and the speaker search build them (quoted
 * strings joined by OR and AND, parentheses) and writes the same query for Postgres. Null when no phrase
 * holds a word. A phrase of several words becomes a tsquery phrase (<->), and counts each word for BM25.
 */
export function toTermQuery(matchExpression: string): TermQuery | null {
  const parts: string[] = [];
  const phrases: string[] = [];
  let anyWord = true;
  for (const [token] of matchExpression.matchAll(/"(?:[^"]|"")*"|\(|\)|\bAND\b|\bOR\b|\bNOT\b/g)) {
    if (token === 'AND' || token === 'NOT') anyWord = false;
    if (token === 'AND') parts.push('&');
    else if (token === 'OR') parts.push('|');
    else if (token === 'NOT') parts.push('& !');
    else if (token === '(' || token === ')') parts.push(token);
    else {
      const terms = stemmedTerms(token.slice(1, -1).replaceAll('""', '"'));
      phrases.push(...terms);
      if (terms.length > 1) anyWord = false;
      // A phrase with no word matches nothing; an empty phrase would leave a dangling operator.
      parts.push(terms.length > 0 ? `(${terms.map(lexeme).join(' <-> ')})` : `''`);
    }
  }
  return phrases.length > 0 ? { tsquery: parts.join(' '), phrases, anyWord } : null;
}

/** How often each term occurs: a passage's postings, per column. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
