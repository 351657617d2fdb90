import { isPeriodHeader } from '../document/result-table.js';
import { sentenceSpans, type Span } from '../document/sentence-split.js';
import { stem, termsIn } from '../search/term-match.js';

function sharedTerms(text: string, queryTerms: readonly string[]): number {
  return new Set([...termsIn(text, queryTerms)].map(stem)).size;
}

/** The paragraphs of a passage (a table block's lines, a passage completed by the next), as offsets. */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/gu)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * The sentence of a passage that shares the most question words, as offsets into the passage; the first
 * sentence when none shares any, and the whole passage when it has no sentence boundaries. Each paragraph
 * is read apart, so that a table's lines, unpunctuated, are sentences of their own, and a line under a
 * period header ("Nine mths") is read with it: "Sales 2.45 billion vs 1.95 billion" answers "sales for the
 * first nine months" better than the header alone.
 */
export function bestSentence(text: string, queryTerms: readonly string[]): Span {
  let best: Span | undefined;
  let bestScore = 0;
  let header = '';
  for (const paragraph of paragraphSpans(text)) {
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    if (isPeriodHeader(paragraphText)) header = paragraphText;
    for (const sentence of sentenceSpans(paragraphText)) {
      const span = { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end };
      const score = sharedTerms(`${header}\n${text.slice(span.start, span.end)}`, queryTerms);
      best ??= span;
      if (score > bestScore) [best, bestScore] = [span, score];
    }
  }
  return best ?? { start: 0, end: text.length };
}
