import { stemmedTerms } from '../../document/stemmed-terms.js';

/** A term as a tsquery lexeme: quoted, so no text is read as tsquery syntax. */
export const lexeme = (term: string) => `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

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
  /**
   * Each phrase's terms when the expression is phrases joined by OR (how questions and their related words
   * are searched) and one of them has several words, as FTS5 scores them: a phrase of several words is one
   * term of BM25, counted where its words stand together. Null otherwise.
   */
  orPhrases: string[][] | null;
}

/**
 * Reads an FTS5 MATCH expression as `buildMatchExpression` and the speaker search build them (quoted
 * strings joined by OR and AND, parentheses) and writes the same query for Postgres. Null when no phrase
 * holds a word. A phrase of several words becomes a tsquery phrase (<->); it counts each word for BM25, except
 * in phrases joined by OR (orPhrases), where it is one term as FTS5 scores it.
 */
export function toTermQuery(matchExpression: string): TermQuery | null {
  const parts: string[] = [];
  const phrases: string[] = [];
  const each: string[][] = [];
  let anyWord = true;
  let orOnly = true;
  for (const [token] of matchExpression.matchAll(/"(?:[^"]|"")*"|\(|\)|\bAND\b|\bOR\b|\bNOT\b/g)) {
    if (token === 'AND' || token === 'NOT') anyWord = false;
    if (token !== 'OR' && !token.startsWith('"')) orOnly = false;
    if (token === 'AND') parts.push('&');
    else if (token === 'OR') parts.push('|');
    else if (token === 'NOT') parts.push('& !');
    else if (token === '(' || token === ')') parts.push(token);
    else {
      const terms = stemmedTerms(token.slice(1, -1).replaceAll('""', '"'));
      phrases.push(...terms);
      each.push(terms);
      if (terms.length > 1) anyWord = false;
      // A phrase with no word matches nothing; an empty phrase would leave a dangling operator.
      parts.push(terms.length > 0 ? `(${terms.map(lexeme).join(' <-> ')})` : `''`);
    }
  }
  const orPhrases =
    orOnly && each.some((terms) => terms.length > 1) ? each.filter((t) => t.length > 0) : null;
  return phrases.length > 0 ? { tsquery: parts.join(' '), phrases, anyWord, orPhrases } : null;
}

/** How often each term occurs: a passage's postings, per column. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
