import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleBody, type Paragraph } from '../src/document/article.js';
import { chunkArticle } from '../src/ingest/chunk.js';
import { sentenceSpans } from '../src/document/sentence-split.js';
import type { Embedder } from '../src/embed/embedder.js';
import { loadArticleFile } from '../src/ingest/load-file.js';
import { sharedEmbedder } from './helpers/model.js';
import { SAMPLE_ARTICLES_DIR } from './helpers/corpus.js';

let embedder: Embedder;
const count = (text: string) => embedder.countTokens(text);

beforeAll(async () => {
  embedder = await sharedEmbedder();
});

const sentence = (n: number) =>
  `Statement number ${n} was made by the minister about the ceasefire talks in Brussels.`;

describe('chunkArticle', () => {
  it('keeps offsets that point back to the exact text of every sample passage', async () => {
    for (const file of fs.readdirSync(SAMPLE_ARTICLES_DIR)) {
      const { articles } = await loadArticleFile(SAMPLE_ARTICLES_DIR, file, { maxBytes: 1 << 20 });
      const article = articles[0]!;
      const body = articleBody(article);
      const passages = chunkArticle(article.paragraphs, 256, count);
      expect(passages.length).toBeGreaterThanOrEqual(article.paragraphs.length);
      for (const passage of passages) {
        expect(body.slice(passage.start, passage.end)).toBe(passage.text);
        expect(article.paragraphs[passage.paragraph - 1]!.text).toContain(passage.text);
        expect(count(passage.text)).toBeLessThanOrEqual(256);
      }
    }
  });

  it('numbers paragraphs from 1 and keeps each short paragraph as one passage', () => {
    const paragraphs: Paragraph[] = [
      { text: 'First paragraph.', kind: 'body' },
      { text: 'A caption without a full stop', kind: 'caption' },
      { text: 'Third paragraph.', kind: 'body' },
    ];
    const passages = chunkArticle(paragraphs, 256, count);
    expect(passages.map((p) => [p.paragraph, p.kind, p.text])).toEqual([
      [1, 'body', 'First paragraph.'],
      [2, 'caption', 'A caption without a full stop'],
      [3, 'body', 'Third paragraph.'],
    ]);
    expect(passages.map((p) => p.start)).toEqual([0, 18, 49]);
  });

  it('splits a long paragraph at sentence boundaries with one sentence of overlap, within the token budget', () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' ');
    const passages = chunkArticle([{ text, kind: 'body' }], 64, count);
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) expect(count(passage.text)).toBeLessThanOrEqual(64);
    for (let i = 1; i < passages.length; i++) {
      const previous = sentenceSpans(passages[i - 1]!.text).map((s) =>
        passages[i - 1]!.text.slice(s.start, s.end),
      );
      const current = sentenceSpans(passages[i]!.text).map((s) => passages[i]!.text.slice(s.start, s.end));
      expect(current[0]).toBe(previous.at(-1));
    }
    const covered = passages.map((p) => p.text).join(' ');
    for (let n = 1; n <= 40; n++) expect(covered).toContain(sentence(n));
    expect(passages.at(-1)!.end).toBe(text.length);
  });

  it('cuts a single sentence longer than the model window at word boundaries', () => {
    const text = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const passages = chunkArticle([{ text, kind: 'body' }], 128, count);
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(count(passage.text)).toBeLessThanOrEqual(128);
      expect(text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text).toMatch(/^word\d+.*word\d+$/);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(text);
  });

  it('measures passages with the model tokenizer, not by characters', () => {
    // Rare words cost several word pieces each; a character-based cut would overflow the window.
    const text = Array.from({ length: 200 }, () => 'Zaporizhzhia').join(' ') + '.';
    for (const passage of chunkArticle([{ text, kind: 'body' }], 64, count)) {
      expect(count(passage.text)).toBeLessThanOrEqual(64);
    }
  });
});
