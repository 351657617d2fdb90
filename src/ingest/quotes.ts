import { PARAGRAPH_SEPARATOR, type Paragraph } from '../document/article.js';
import { attributeQuotes } from './attribution.js';
import type { PassageDraft, QuoteDraft } from '../document/drafts.js';

/** Attributed statements of an article, placed in body offsets and tied to the passage that holds most of each. */
export function quotesForPassages(
  paragraphs: readonly Paragraph[],
  passages: readonly PassageDraft[],
): QuoteDraft[] {
  const paragraphStarts: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    paragraphStarts.push(offset);
    offset += paragraph.text.length + PARAGRAPH_SEPARATOR.length;
  }
  const quotes: QuoteDraft[] = [];
  for (const attribution of attributeQuotes(paragraphs)) {
    const start = paragraphStarts[attribution.paragraph]! + attribution.start;
    const end = paragraphStarts[attribution.paragraph]! + attribution.end;
    const overlap = (passage: PassageDraft) => Math.min(end, passage.end) - Math.max(start, passage.start);
    let best: PassageDraft | undefined;
    for (const passage of passages) {
      if (overlap(passage) > 0 && (!best || overlap(passage) > overlap(best))) best = passage;
    }
    if (!best) continue;
    const { name, surname, role } = attribution.speaker;
    quotes.push({ passageOrdinal: best.ordinal, speaker: name, surname, role, start, end });
  }
  return quotes;
}
