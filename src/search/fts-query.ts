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

/**
 * The "s" of a possessive and the "t" of "won't": FTS5 indexes them as words of their own, held by about a
 * third of a news archive's passages, so they add little to a passage's score and make BM25 score every
 * one of those passages. On the BBC + Reuters index (120,872 passages) a top-50 search for "lammy OR party
 * OR view" took 3.9 CPU-ms, with "s" added 53 (and 14 -> 60 for "russia OR oil OR exports"). Development
 * set hit@3 and XQuAD unchanged without them (hit@1 0.580 -> 0.592).
 */
const CLITIC = /['\u2019](?:s|t)\b/gu;

/**
 * Every word of a text in order, stop words too, as FTS5's unicode61 tokenizer sees them: lower-cased runs
 * of letters and digits.
 */
export function textWords(text: string): string[] {
  return Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(CLITIC, '')
      .matchAll(/[\p{L}\p{N}\p{M}]+/gu),
    ([word]) => word,
  );
}

/** The words of a text worth searching for: no stop words, no speech verbs, each once. */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of textWords(text)) {
    if (word.length > MAX_TERM_LENGTH || STOPWORDS.has(word) || QUESTION_NOISE.has(word)) continue;
    terms.add(word);
    if (terms.size === MAX_TERMS) break;
  }
  return [...terms];
}

/**
 * An FTS5 MATCH expression for free text: each term quoted as a string (so no user text is read as FTS5
 * syntax: AND, NEAR, column filters, quotes, stars), joined with OR so BM25 ranks partial matches; after
 * each term, the words `alsoSearched` gives for it (the abbreviations a results table prints it in, a
 * name's initials: see searchedForms). Null when the text has no searchable word.
 */
export function buildMatchExpression(
  text: string,
  alsoSearched: ReadonlyMap<string, readonly string[]> = new Map(),
): string | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  const searched = terms.flatMap((term) => [term, ...(alsoSearched.get(term) ?? [])]);
  return [...new Set(searched)].map(ftsString).join(' OR ');
}
