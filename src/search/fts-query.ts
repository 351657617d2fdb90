import { eng } from 'stopword';
import { ftsString } from '../store/schema.js';

const STOPWORDS = new Set(eng);
export const isStopword = (word: string) => STOPWORDS.has(word);
// Speech verbs carry no topic: "what did Lammy say" should match on Lammy, not on every "said".
const QUESTION_NOISE = new Set(['say', 'says', 'said', 'tell', 'told', 'think', 'thinks', 'thought']);

/** Past this, extra terms only slow FTS5 down; a question this long is mostly noise anyway. */
const MAX_TERMS = 32;
/** FTS5 tokens longer than this are not words (hashes, base64); matching them is pointless. */
const MAX_TERM_LENGTH = 64;

/** The words FTS5's unicode61 tokenizer would see: runs of letters and digits, lower-cased. */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [word] of text
    .normalize('NFKC')
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (word.length > MAX_TERM_LENGTH || STOPWORDS.has(word) || QUESTION_NOISE.has(word)) continue;
    terms.add(word);
    if (terms.size === MAX_TERMS) break;
  }
  return [...terms];
}

/**
 * An FTS5 MATCH expression for free text: each term quoted as a string (so no user text is read as FTS5
 * syntax: AND, NEAR, column filters, quotes, stars), joined with OR so BM25 ranks partial matches.
 * Null when the text has no searchable word.
 */
export function buildMatchExpression(text: string): string | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  return terms.map(ftsString).join(' OR ');
}
