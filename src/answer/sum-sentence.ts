import { holdsMoney } from '../search/answer-type.js';
import { sentenceSpans } from '../document/sentence-split.js';

/**
 * Whether one sentence of one of `paragraphs` both gives a sum of money and matches `said`: the sum is
 * the one `said` describes (a payer's, takings), not another sum elsewhere in the story. Pure.
 */
export function givesSumWith(paragraphs: readonly string[], said: RegExp): boolean {
  return paragraphs.some(
    (paragraph) =>
      holdsMoney(paragraph) &&
      said.test(paragraph) &&
      sentenceSpans(paragraph).some(({ start, end }) => {
        const sentence = paragraph.slice(start, end);
        return holdsMoney(sentence) && said.test(sentence);
      }),
  );
}
