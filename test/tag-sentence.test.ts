import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/ingest/attribution.js';
import { tagSentence } from '../src/ingest/tag-sentence.js';
import { SAMPLE_ARTICLES_DIR } from './helpers/corpus.js';

/** Every sentence of the sample articles: names, roles, quotes, numbers, dates and brackets. */
const SENTENCES = readdirSync(SAMPLE_ARTICLES_DIR)
  .filter((file) => file.endsWith('.txt'))
  .flatMap((file) => readFileSync(path.join(SAMPLE_ARTICLES_DIR, file), 'utf8').split('\n'))
  .flatMap((line) => splitSentences(line).map(({ start, end }) => line.slice(start, end)));

const words = (terms: ReturnType<typeof tagSentence>) =>
  terms.map(({ text, pre, post, tags }) => ({ text, pre, post, tags: [...(tags ?? [])].sort() }));

describe('tagSentence', () => {
  it('tags every sample sentence exactly as compromise does', () => {
    expect(SENTENCES.length).toBeGreaterThan(50);
    for (const sentence of SENTENCES) {
      expect(words(tagSentence(sentence)), sentence).toEqual(words(nlp(sentence).termList()));
    }
  });

  it('skips the chunker, which attribution never reads', () => {
    const terms = tagSentence('Foreign Secretary Jack Straw said talks with Iran could yet collapse.');
    expect(terms.length).toBeGreaterThan(5);
    // Tagging names the phrase of a few words in passing; only the chunker gives every word one.
    expect(terms.some((term) => term.chunk === undefined)).toBe(true);
  });

  it('leaves compromise whole for everything else in the process', () => {
    tagSentence('The minister said the plan would work.');
    const terms = nlp('The minister said the plan would work.').termList();
    expect(terms.every((term) => term.chunk !== undefined)).toBe(true);
    expect(nlp('She warned them.').verbs().toInfinitive().text()).toBe('warn');
  });
});
