import { PARAGRAPH_SEPARATOR, type Paragraph } from '../document/article.js';
import { sentenceSpans, type Span } from '../document/sentence-split.js';
import type { PassageDraft } from '../document/drafts.js';

export type TokenCounter = (text: string) => number;

/**
 * WordPiece splits on white space before it splits words, so the tokens of a span are the sum of the
 * tokens of its words: counting each sentence once and adding is exact and avoids re-tokenizing windows.
 */
function contentTokens(countTokens: TokenCounter, specialTokens: number, text: string): number {
  return Math.max(0, countTokens(text) - specialTokens);
}

/** Cuts a sentence too long for the model at word boundaries into pieces that fit. */
function splitLongSpan(text: string, span: Span, budget: number, tokensOf: (t: string) => number): Span[] {
  const pieces: Span[] = [];
  const words = /\S+/g;
  words.lastIndex = span.start;
  let pieceStart = -1;
  let pieceEnd = span.start;
  let used = 0;
  for (let match = words.exec(text); match && match.index < span.end; match = words.exec(text)) {
    const wordEnd = Math.min(match.index + match[0].length, span.end);
    const cost = tokensOf(text.slice(match.index, wordEnd));
    if (pieceStart >= 0 && used + cost > budget) {
      pieces.push({ start: pieceStart, end: pieceEnd });
      pieceStart = -1;
      used = 0;
    }
    if (pieceStart < 0) pieceStart = match.index;
    pieceEnd = wordEnd;
    used += cost;
  }
  if (pieceStart >= 0) pieces.push({ start: pieceStart, end: pieceEnd });
  return pieces;
}

/** Groups sentences into windows that fit the budget, each window repeating the last sentence of the one before. */
function windowsWithOverlap(units: readonly Span[], costs: readonly number[], budget: number): Span[] {
  const windows: Span[] = [];
  let first = 0;
  while (first < units.length) {
    let next = first + 1;
    let used = costs[first]!;
    while (next < units.length && used + costs[next]! <= budget) used += costs[next++]!;
    windows.push({ start: units[first]!.start, end: units[next - 1]!.end });
    if (next >= units.length) break;
    // One sentence of overlap keeps a statement and its attribution together across the cut.
    first = next - first > 1 ? next - 1 : next;
  }
  return windows;
}

function paragraphSpans(text: string, budget: number, tokensOf: (t: string) => number): Span[] {
  const whole = { start: 0, end: text.length };
  if (tokensOf(text) <= budget) return [whole];
  const sentences = sentenceSpans(text);
  const units = (sentences.length > 0 ? sentences : [whole]).flatMap((span) =>
    tokensOf(text.slice(span.start, span.end)) > budget
      ? splitLongSpan(text, span, budget, tokensOf)
      : [span],
  );
  const costs = units.map((span) => tokensOf(text.slice(span.start, span.end)));
  return windowsWithOverlap(units, costs, budget);
}

/**
 * Splits an article into passages on paragraph and sentence boundaries, each fitting `maxTokens` word pieces
 * (special tokens included) as measured by the embedding model's own tokenizer.
 */
export function chunkArticle(
  paragraphs: readonly Paragraph[],
  maxTokens: number,
  countTokens: TokenCounter,
): PassageDraft[] {
  const specialTokens = countTokens('');
  const budget = maxTokens - specialTokens;
  const tokensOf = (text: string) => contentTokens(countTokens, specialTokens, text);
  const passages: PassageDraft[] = [];
  let offset = 0;
  paragraphs.forEach((paragraph, index) => {
    for (const span of paragraphSpans(paragraph.text, budget, tokensOf)) {
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
  });
  return passages;
}
