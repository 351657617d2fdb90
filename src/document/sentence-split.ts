import { split, SentenceSplitterSyntax } from 'sentence-splitter';

export interface Span {
  start: number;
  end: number;
}

/** Sentence spans of `text`, trimmed of surrounding white space; offsets index into `text`. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const node of split(text)) {
    if (node.type !== SentenceSplitterSyntax.Sentence) continue;
    let [start, end] = node.range;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
