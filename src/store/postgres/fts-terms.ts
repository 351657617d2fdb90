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

/** FTS5's distance when a NEAR group gives none. */
const NEAR_DEFAULT = 10;

/**
 * A NEAR group as a tsquery: its phrases in any order with at most `distance` words between them in all,
 * each gap written as `<n>` (n - 1 words between). FTS5 reads NEAR("jack" "straw", 1) as "Jack Straw",
 * "Jack W. Straw" or "Straw, Jack"; tsquery has no such operator, so each order and spacing is spelled out
 * (the speaker search writes names of two or three words, 4 or 18 alternatives at distance 1).
 */
function nearQuery(phrases: readonly string[], distance: number): string {
  const orders = permutations(phrases);
  const alternatives = orders.flatMap((order) =>
    gapsWithin(order.length - 1, distance).map((gaps) =>
      order.reduce((query, phrase, i) => `${query} <${gaps[i - 1]! + 1}> ${phrase}`),
    ),
  );
  return `(${alternatives.join(' | ')})`;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Every way of putting at most `within` words in `count` gaps. */
function gapsWithin(count: number, within: number): number[][] {
  if (count === 0) return [[]];
  return Array.from({ length: within + 1 }, (_, first) =>
    gapsWithin(count - 1, within - first).map((rest) => [first, ...rest]),
  ).flat();
}

/**
 * Reads an FTS5 MATCH expression as `buildMatchExpression` and the speaker search build them (quoted
 * strings joined by OR and AND, parentheses, NEAR groups) and writes the same query for Postgres. Null when
 * no phrase holds a word. A phrase of several words becomes a tsquery phrase (<->); it counts each word for
 * BM25, except in phrases joined by OR (orPhrases), where it is one term as FTS5 scores it.
 */
export function toTermQuery(matchExpression: string): TermQuery | null {
  const parts: string[] = [];
  const phrases: string[] = [];
  const each: string[][] = [];
  let anyWord = true;
  let orOnly = true;
  // The phrases of the NEAR group being read, null outside one.
  let near: string[] | null = null;
  for (const [token, distance] of matchExpression.matchAll(
    /"(?:[^"]|"")*"|\bNEAR\(|,\s*(\d+)\s*\)|\(|\)|\bAND\b|\bOR\b|\bNOT\b/g,
  )) {
    if (token === 'AND' || token === 'NOT') anyWord = false;
    if (token !== 'OR' && !token.startsWith('"')) orOnly = false;
    if (token.startsWith('NEAR')) {
      near = [];
      anyWord = false;
    } else if (near && !token.startsWith('"')) {
      // A group whose phrases hold no word matches nothing.
      const inGroup = near.filter((phrase) => phrase !== `''`);
      parts.push(inGroup.length > 0 ? nearQuery(inGroup, Number(distance ?? NEAR_DEFAULT)) : `''`);
      near = null;
    } else if (token === 'AND') parts.push('&');
    else if (token === 'OR') parts.push('|');
    else if (token === 'NOT') parts.push('& !');
    else if (token === '(' || token === ')') parts.push(token);
    else {
      const terms = stemmedTerms(token.slice(1, -1).replaceAll('""', '"'));
      phrases.push(...terms);
      each.push(terms);
      if (terms.length > 1) anyWord = false;
      // A phrase with no word matches nothing; an empty phrase would leave a dangling operator.
      const phrase = terms.length > 0 ? `(${terms.map(lexeme).join(' <-> ')})` : `''`;
      if (near) near.push(phrase);
      else parts.push(phrase);
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
