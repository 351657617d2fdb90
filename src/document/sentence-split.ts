import { DefaultAbbrMarkerOptions, split, SentenceSplitterSyntax } from 'sentence-splitter';

export interface Span {
  start: number;
  end: number;
}

type Language = typeof DefaultAbbrMarkerOptions.language;
type WordList = keyof Language;

const LISTS = [
  'ABBREVIATIONS',
  'PREPOSITIVE_ABBREVIATIONS',
  'EXCLAMATION_WORDS',
] as const satisfies WordList[];

/** Each of sentence-splitter's word lists, with every entry's lower case beside it (computed once). */
const LOWERED = LISTS.map((list) => ({
  list,
  entries: DefaultAbbrMarkerOptions.language[list].map((entry) => ({ entry, lower: entry.toLowerCase() })),
}));

/**
 * sentence-splitter's own word lists, cut to the entries that can occur in `text`. The splitter compares
 * every word with all 235 entries, lower-casing both each time: most of its time (about 1 ms of CPU for a
 * 450-character passage, measured on BBC passages). It compares case-insensitively (a.toLowerCase() ===
 * b.toLowerCase()), so an entry matches a word of the text only if the entry's lower case occurs in the
 * text's lower case: lower-casing is per character except for a final sigma, and no entry holds a sigma
 * (test/sentence-split.test.ts checks both). The lists cut so give the same sentences, faster.
 */
function languageFor(text: string): Language {
  const lower = text.toLowerCase();
  const language = {} as Language;
  for (const { list, entries } of LOWERED)
    language[list] = entries.filter((item) => lower.includes(item.lower)).map((item) => item.entry);
  return language;
}

/**
 * Initials after "a" or "an" ("a U.S. Sprint spokesman said") are most often a modifier of the noun that
 * follows, so their last dot ends no sentence. The splitter ended one there, and the spokesman's sentence,
 * cut from its body's name, read "Sprint spokesman said". The initials can still end one ("The company is
 * now a U.S. It was once Canadian."): a next sentence opening with a pronoun or a determiner, words that
 * do not run on from "a U.S." into a noun phrase, stays apart.
 */
const INDEFINITE_INITIALS = /(?:^|\s)[Aa]n?\s+(?:\p{Lu}\.){2,}$/u;
/** Pronouns and determiners that open a sentence and no body's name: "It", "This", "The". */
const SENTENCE_OPENING = /^(?:It|He|She|They|We|I|You|This|That|These|Those|The|Its|His|Her|Their|Our)\b/u;

/** Sentence spans of `text`, trimmed of surrounding white space; offsets index into `text`. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let joined = false;
  for (const node of split(text, { AbbrMarker: { language: languageFor(text) } })) {
    if (node.type !== SentenceSplitterSyntax.Sentence) continue;
    let [start, end] = node.range;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    if (joined && !SENTENCE_OPENING.test(text.slice(start, end))) spans.at(-1)!.end = end;
    else spans.push({ start, end });
    joined = INDEFINITE_INITIALS.test(text.slice(spans.at(-1)!.start, end));
  }
  return spans;
}
