import fs from 'node:fs';
import fc from 'fast-check';
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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

  it('keeps each period of a results table, its header and the lines under it, as one passage', () => {
    const lines = [
      'Shr loss 53 cts vs loss 55 cts',
      'Revs 24.2 mln vs 26.8 mln',
      'Year',
      'Shr loss 1.21 dlrs vs profit 56 cts',
      'Revs 108.5 mln vs 113.8 mln',
      'Prior year figures include a gain of 3.9 mln dlrs on a disposal.',
    ];
    // Wire tables come a line to a paragraph, and a line of six words or more reads as a caption.
    const paragraphs: Paragraph[] = lines.map((text) => ({
      text,
      kind: /\.$/.test(text) ? 'body' : 'caption',
    }));
    const body = articleBody({ paragraphs });
    const passages = chunkArticle(paragraphs, 256, count);
    expect(passages.map((p) => [p.paragraph, p.kind, p.text])).toEqual([
      [1, 'body', 'Shr loss 53 cts vs loss 55 cts\n\nRevs 24.2 mln vs 26.8 mln'],
      [3, 'body', 'Year\n\nShr loss 1.21 dlrs vs profit 56 cts\n\nRevs 108.5 mln vs 113.8 mln'],
      [6, 'body', lines[5]],
    ]);
    for (const passage of passages) expect(body.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it("keeps a table whole across a row's label wrapped onto a line of its own", () => {
    // As Reuters printed Vieille Montagne's 1986 results: the wrapped label reads as a six-word caption.
    const lines = [
      '1986 Year',
      'Net loss after exceptional charges 198 mln francs vs profit',
      '250 mln',
      'Exceptional provisions for closure of Viviez electrolysis',
      'Plant 187 mln francs vs exceptional gain 22 mln',
      'Sales and services 16.51 billion francs vs 20.20 billion',
      "Company's full name is Vieille Montagne SA.",
    ];
    const paragraphs: Paragraph[] = lines.map((text) => ({
      text,
      kind: /\.$/.test(text) ? 'body' : 'caption',
    }));
    expect(chunkArticle(paragraphs, 256, count).map((p) => [p.paragraph, p.kind, p.text])).toEqual([
      [1, 'body', lines.slice(0, 6).join('\n\n')],
      [7, 'body', lines[6]],
    ]);
  });

  it("keeps a dividend table whole across a date written in words ('Pay April Six')", () => {
    const lines = ['Qtly div 10 cts vs 10 cts prior', 'Pay April Six', 'Record March 16'];
    const paragraphs: Paragraph[] = lines.map((text) => ({ text, kind: 'caption' }));
    expect(chunkArticle(paragraphs, 256, count).map((p) => [p.paragraph, p.kind, p.text])).toEqual([
      [1, 'body', lines.join('\n\n')],
    ]);
  });

  it('leaves lines of figures that compare nothing, and a block too long for the window, a passage a line', () => {
    const plain: Paragraph[] = ['Pay April 15', 'Record March 31'].map((text) => ({ text, kind: 'body' }));
    expect(chunkArticle(plain, 256, count).map((p) => p.text)).toEqual(['Pay April 15', 'Record March 31']);
    const long: Paragraph[] = Array.from({ length: 12 }, (_, i) => ({
      text: `Line ${i + 1} sales ${i + 10}.5 mln vs ${i + 9}.1 mln`,
      kind: 'body',
    }));
    const passages = chunkArticle(long, 48, count);
    expect(passages.map((p) => p.text)).toEqual(long.map((p) => p.text));
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

  it('cuts runs without spaces (a long URL, a base64 blob, a 200 KB word) to fit the window, offsets exact', () => {
    const url = `https://example.com/search?${Array.from({ length: 2000 }, (_, i) => `q${i}=v${i}`).join('&')}`;
    const base64 = Buffer.from(Array.from({ length: 6000 }, (_, i) => (i * 37) % 256)).toString('base64');
    const word = 'x'.repeat(200_000);
    const paragraphs: Paragraph[] = [url, `See ${base64} attached.`, word].map((text) => ({
      text,
      kind: 'body',
    }));
    const body = articleBody({ paragraphs });
    const passages = chunkArticle(paragraphs, 256, count);
    for (const passage of passages) {
      expect(count(passage.text)).toBeLessThanOrEqual(256);
      expect(passage.text.length).toBeLessThanOrEqual(256 * 8);
      expect(body.slice(passage.start, passage.end)).toBe(passage.text);
    }
    // Nothing lost: within a paragraph each passage starts where the one before ended, or before.
    for (const index of [1, 2, 3]) {
      const pieces = passages.filter((p) => p.paragraph === index);
      expect(pieces.length).toBeGreaterThan(1);
      for (let i = 1; i < pieces.length; i++) {
        expect(body.slice(pieces[i - 1]!.end, Math.max(pieces[i]!.start, pieces[i - 1]!.end)).trim()).toBe(
          '',
        );
      }
    }
  }, 120_000);

  it('never makes a passage over the window, whatever the text (property)', () => {
    const run = (chars: string, maxLength: number) =>
      fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength }).map((list) => list.join(''));
    const piece = fc.oneof(
      fc.constantFrom('minister', 'said', 'Zaporizhzhia', 'ceasefire', '"quoted"', '12,500', 'U.S.', '—'),
      run('abcdefghijklmnopqrstuvwxyz', 400),
      run('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=', 600),
      run('abc/?&=.-_:#%0123', 600),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('. ', '! ', '? ', '\u{1F600}', 'é', '中文', ' ', '  '),
    );
    const paragraph = fc
      .array(piece, { minLength: 1, maxLength: 40 })
      .map((pieces) => pieces.join(' ').trim())
      .filter((text) => text.length > 0);
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 16, max: 64 }),
        (texts, maxTokens) => {
          const paragraphs: Paragraph[] = texts.map((text) => ({ text, kind: 'body' }));
          const body = articleBody({ paragraphs });
          const passages = chunkArticle(paragraphs, maxTokens, count);
          const covered = new Set<number>();
          for (const passage of passages) {
            expect(count(passage.text)).toBeLessThanOrEqual(maxTokens);
            expect(passage.text.length).toBeLessThanOrEqual(maxTokens * 8);
            expect(passage.text.length).toBeGreaterThan(0);
            expect(body.slice(passage.start, passage.end)).toBe(passage.text);
            // A cut never falls inside a surrogate pair (an emoji): it would leave two broken characters.
            if (!LONE_SURROGATE.test(body)) expect(passage.text).not.toMatch(LONE_SURROGATE);
            for (let i = passage.start; i < passage.end; i++) covered.add(i);
          }
          // Every letter and digit lands in some passage (the sentence splitter drops a stray leading full stop).
          for (let i = 0; i < body.length; i++) {
            if (/[\p{L}\p{N}]/u.test(body[i]!)) expect(covered.has(i)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
