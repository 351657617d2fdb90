import { articleBody, PARAGRAPH_SEPARATOR, type Paragraph } from '../document/article.js';
import { sentenceSpans, type Span } from '../document/sentence-split.js';
import type { PassageDraft } from '../document/drafts.js';
import { resultTableBlocks } from '../document/result-table.js';

export type TokenCounter = (text: string) => number;

/**
 * WordPiece splits on white space before it splits words, so the tokens of a span are the sum of the
 * tokens of its words: counting each sentence once and adding is exact and avoids re-tokenizing windows.
 */
function contentTokens(countTokens: TokenCounter, specialTokens: number, text: string): number {
  return Math.max(0, countTokens(text) - specialTokens);
}

/**
 * Characters a passage may hold per word piece of the window. WordPiece reads any word of more than 100
 * characters as one unknown token, so a token budget alone would let a 1 MB word through as one passage.
 * Measured on 2,174 BBC passages: at most 6.3 characters per word piece (1,297 characters at 256).
 */
const MAX_CHARS_PER_TOKEN = 8;

interface Limits {
  /** Word pieces, special tokens left out. */
  tokens: number;
  chars: number;
}

/** A span with its cost in word pieces. */
interface Unit extends Span {
  cost: number;
}

type TokensOf = (text: string) => number;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Moves a cut `to` that would fall inside a surrogate pair (an emoji, say) before the pair, or after it. */
function cutAt(text: string, from: number, to: number, end: number): number {
  if (to >= end || !isHighSurrogate(text.charCodeAt(to - 1))) return to;
  return to - 1 > from ? to - 1 : to + 1;
}

/**
 * Cuts a run of text without white space (a long URL, a base64 blob) into pieces that fit. Each piece is
 * measured with the tokenizer and, while too long, shrunk in proportion to its excess, aiming a tenth
 * under the budget: two measurements a piece for a URL, one for a run the tokenizer reads as one unknown
 * word, where bisecting would take a dozen (a 1 MB word took 90 s that way).
 */
function cutRun(text: string, start: number, end: number, limits: Limits, tokensOf: TokensOf): Unit[] {
  const pieces: Unit[] = [];
  for (let from = start; from < end;) {
    let to = cutAt(text, from, Math.min(end, from + limits.chars), end);
    let cost = tokensOf(text.slice(from, to));
    while (cost > limits.tokens) {
      const length = to - from;
      const shorter = Math.floor((length * limits.tokens * 0.9) / cost);
      // One character (a whole surrogate pair) is at most one word piece, so this ends.
      to = cutAt(text, from, from + Math.max(1, Math.min(length - 1, shorter)), end);
      cost = tokensOf(text.slice(from, to));
    }
    pieces.push({ start: from, end: to, cost });
    from = to;
  }
  return pieces;
}

/** Cuts a sentence too long for the model into pieces at word boundaries, and inside words too long alone. */
function splitLongSpan(text: string, span: Span, limits: Limits, tokensOf: TokensOf): Unit[] {
  const words: Unit[] = [];
  for (const match of text.slice(span.start, span.end).matchAll(/\S+/g)) {
    const start = span.start + match.index;
    const end = start + match[0].length;
    const cost = end - start <= limits.chars ? tokensOf(match[0]) : Infinity;
    if (cost <= limits.tokens) words.push({ start, end, cost });
    else words.push(...cutRun(text, start, end, limits, tokensOf));
  }
  return pack(text, words, limits, tokensOf, false);
}

/**
 * Groups units into windows that fit the limits, each window repeating the last unit of the one before
 * when `overlap` is set. WordPiece splits on white space before it splits words, so the word pieces of
 * units with white space between them add up exactly; units that touch (the pieces of a cut word) are
 * measured together.
 */
function pack(
  text: string,
  units: readonly Unit[],
  limits: Limits,
  tokensOf: TokensOf,
  overlap: boolean,
): Unit[] {
  const windows: Unit[] = [];
  let first = 0;
  while (first < units.length) {
    const start = units[first]!.start;
    let next = first + 1;
    let used = units[first]!.cost;
    for (; next < units.length; next++) {
      const unit = units[next]!;
      if (unit.end - start > limits.chars) break;
      const spaced = /^\s+$/.test(text.slice(units[next - 1]!.end, unit.start));
      const cost = spaced ? used + unit.cost : tokensOf(text.slice(start, unit.end));
      if (cost > limits.tokens) break;
      used = cost;
    }
    windows.push({ start, end: units[next - 1]!.end, cost: used });
    if (next >= units.length) break;
    // One sentence of overlap keeps a statement and its attribution together across the cut.
    first = overlap && next - first > 1 ? next - 1 : next;
  }
  return windows;
}

function paragraphSpans(text: string, limits: Limits, tokensOf: TokensOf): Span[] {
  const whole = { start: 0, end: text.length };
  // The length first: tokenizing a megabyte takes seconds.
  if (text.length <= limits.chars && tokensOf(text) <= limits.tokens) return [whole];
  const sentences = sentenceSpans(text);
  const units = (sentences.length > 0 ? sentences : [whole]).flatMap((span): Unit[] => {
    const cost =
      span.end - span.start <= limits.chars ? tokensOf(text.slice(span.start, span.end)) : Infinity;
    if (cost <= limits.tokens) return [{ ...span, cost }];
    return splitLongSpan(text, span, limits, tokensOf);
  });
  return pack(text, units, limits, tokensOf, true);
}

/**
 * Splits an article into passages on paragraph and sentence boundaries, each fitting `maxTokens` word pieces
 * (special tokens included) as measured by the embedding model's own tokenizer, and `maxTokens` times
 * MAX_CHARS_PER_TOKEN characters, whatever the text: a sentence too long is cut between words, a word too
 * long between characters. A period block of a results table (see resultTableBlocks) is one passage, its
 * lines a paragraph each, so that "Sales 2.45 billion vs 1.95 billion" is found and shown under its
 * "Nine mths"; a block too long for the window (none on Reuters-21578) is a passage a line as before.
 */
export function chunkArticle(
  paragraphs: readonly Paragraph[],
  maxTokens: number,
  countTokens: TokenCounter,
): PassageDraft[] {
  const specialTokens = countTokens('');
  const limits = { tokens: maxTokens - specialTokens, chars: maxTokens * MAX_CHARS_PER_TOKEN };
  const tokensOf = (text: string) => contentTokens(countTokens, specialTokens, text);
  const tables = new Map(
    resultTableBlocks(paragraphs.map((paragraph) => paragraph.text)).map(({ first, last }) => [first, last]),
  );
  const passages: PassageDraft[] = [];
  let offset = 0;
  for (let index = 0; index < paragraphs.length;) {
    const last = tables.get(index);
    const block = last === undefined ? '' : articleBody({ paragraphs: paragraphs.slice(index, last + 1) });
    if (last !== undefined && block.length <= limits.chars && tokensOf(block) <= limits.tokens) {
      passages.push({
        ordinal: passages.length,
        paragraph: index + 1,
        start: offset,
        end: offset + block.length,
        kind: 'body',
        text: block,
      });
      offset += block.length + PARAGRAPH_SEPARATOR.length;
      index = last + 1;
      continue;
    }
    const paragraph = paragraphs[index]!;
    for (const span of paragraphSpans(paragraph.text, limits, tokensOf)) {
      passages.push({
        ordinal: passages.length,
        paragraph: index + 1,
        start: offset + span.start,
        end: offset + span.end,
        kind: paragraph.kind,
        text: paragraph.text.slice(span.start, span.end),
      });
    }
    offset += paragraph.text.length + PARAGRAPH_SEPARATOR.length;
    index++;
  }
  return passages;
}
