import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DefaultAbbrMarkerOptions, split, SentenceSplitterSyntax } from 'sentence-splitter';
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../src/document/sentence-split.js';
import { SAMPLE_ARTICLES_DIR } from './helpers/corpus.js';

/** What sentence-splitter gives with its own full word lists, spans trimmed as sentenceSpans trims them. */
function splitterSentences(text: string) {
  return split(text)
    .filter((node) => node.type === SentenceSplitterSyntax.Sentence)
    .map(({ range: [start, end] }) => {
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { start, end };
    })
    .filter(({ start, end }) => end > start);
}

const { language } = DefaultAbbrMarkerOptions;
const listed = [
  ...language.ABBREVIATIONS,
  ...language.PREPOSITIVE_ABBREVIATIONS,
  ...language.EXCLAMATION_WORDS,
];

/** Words that make the splitter decide: its listed words in any case, initials, numbers, quotes, brackets. */
const WORDS = [
  ...listed,
  ...listed.map((word) => word.toUpperCase()),
  ...listed.map((word) => word.toLowerCase()),
  'U.S.A.',
  'u.k.',
  'J.',
  'I.',
  '3.',
  '1.5',
  'said.',
  'Blair',
  'the',
  'minister',
  '"Yes.',
  'no."',
  '“Quite',
  'so.”',
  '(see',
  'above.)',
  'ΟΔΟΣ.',
  'Σ.',
  '\u212Ag.',
  'İst.',
  '日本。',
  'Why?',
  'Now!',
  '...',
];

describe('sentenceSpans', () => {
  it('holds no sigma in the word lists it cuts (the one letter whose lower case depends on its neighbours)', () => {
    expect(listed.filter((word) => /[Σσς]/u.test(word))).toEqual([]);
  });

  it("finds sentence-splitter's own sentences in texts full of its listed words, in any case", () => {
    const text = fc
      .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', '  ', '\n', '')), {
        maxLength: 40,
      })
      .map((parts) => parts.map(([word, space]) => word + space).join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(sentenceSpans(sample)).toEqual(splitterSentences(sample));
      }),
      { numRuns: 500 },
    );
  });

  it("finds sentence-splitter's own sentences in every sample article", () => {
    for (const file of fs.readdirSync(SAMPLE_ARTICLES_DIR)) {
      const text = fs.readFileSync(path.join(SAMPLE_ARTICLES_DIR, file), 'utf8');
      expect(sentenceSpans(text), file).toEqual(splitterSentences(text));
    }
  });

  it('ends no sentence at initials after "a" or "an", as a single initial may', () => {
    const text = '"We think so," a U.S. Sprint spokesman said. I got an A. It was fine.';
    expect(sentenceSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      '"We think so," a U.S. Sprint spokesman said.',
      'I got an A.',
      'It was fine.',
    ]);
  });

  it('ends a sentence at initials after "a" when the next one opens with a pronoun', () => {
    const text = 'The company is now a U.S. It was once Canadian.';
    expect(sentenceSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'The company is now a U.S.',
      'It was once Canadian.',
    ]);
  });

  it('keeps a listed abbreviation inside its sentence whatever its case', () => {
    const text = 'The talks were led by GEN. Smith and Mr. Jones. They ended at noon.';
    expect(sentenceSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'The talks were led by GEN. Smith and Mr. Jones.',
      'They ended at noon.',
    ]);
  });
});
