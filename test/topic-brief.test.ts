import path from 'node:path';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationSchema } from '../src/answer/answer-schema.js';
import { topicBriefSchema, type TopicBrief } from '../src/answer/brief-schema.js';
import type { Briefing } from '../src/answer/briefing.js';
import { NOTHING_ON_TOPIC } from '../src/answer/topic-brief.js';
import { containment } from '../src/search/dedupe.js';
import { scratchCorpus, writeGeneratedArticles } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';
import { runScript } from './helpers/spawn-script.js';

type Corpus = Awaited<ReturnType<typeof scratchCorpus>>;

/** What every brief must be, whatever its topic: valid, each passage cited as /ask cites, in date order. */
function expectWellFormed(brief: TopicBrief): void {
  expect(() => topicBriefSchema.parse(brief)).not.toThrow();
  for (const passage of [...brief.keyPoints, ...brief.speakers.map((s) => s.passage)])
    expect(() => citationSchema.parse(passage.citation)).not.toThrow();
  const dates = brief.timeline.map((entry) => entry.published);
  expect(dates).toEqual([...dates].sort());
  const cited = new Set(
    [...brief.keyPoints, ...brief.speakers.map((s) => s.passage)].map((p) => p.citation.articleId),
  );
  expect(new Set(brief.sources.map((s) => s.articleId))).toEqual(cited);
}

/** No key point repeats another: the near-duplicate and MMR steps merged them. */
function expectDistinctPoints(brief: TopicBrief): void {
  const texts = brief.keyPoints.map((point) => point.text);
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) expect(containment(texts[i]!, texts[j]!)).toBeLessThan(0.8);
}

describe('a brief on the sample articles', () => {
  let corpus: Corpus;
  let briefing: Briefing;
  beforeAll(async () => {
    corpus = await scratchCorpus();
    briefing = await indexedBriefing(corpus);
  }, 120_000);
  afterAll(async () => {
    briefing?.close();
    await corpus?.cleanup();
  });

  it('cites both articles on the ceasefire, with distinct key points, a dated timeline and who said what', async () => {
    const brief = await briefing.brief('ceasefire');
    expectWellFormed(brief);
    expectDistinctPoints(brief);
    expect(brief.found).toBe(true);
    expect(brief.keyPoints.length).toBeGreaterThanOrEqual(2);
    // Two articles mention it: the first two key points come from different ones.
    const [first, second] = brief.keyPoints;
    expect(first!.citation.articleId).not.toBe(second!.citation.articleId);
    expect(brief.sources).toHaveLength(2);
    expect(brief.keyPoints.every((p) => /ceasefire/i.test(p.text))).toBe(true);
    // Only one of the two samples is dated.
    expect(brief.timeline.map((entry) => entry.published)).toEqual(['2025-06-03']);
    expect(brief.speakers.length).toBeGreaterThan(0);
  });

  it('is printed by npm run brief, as JSON with --json, and an unreadable --since is one line', async () => {
    const env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir };
    const json = await runScript('scripts/brief.ts', ['--json', 'ceasefire'], env);
    expect(json.code, json.stderr).toBe(0);
    const printed = topicBriefSchema.parse(JSON.parse(json.stdout));
    expect(printed.sources).toHaveLength(2);
    // Dates in words, as npm run ask reads them: the undated sample is left out of the period.
    const text = await runScript('scripts/brief.ts', ['--since', 'June 2025', 'ceasefire'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Brief: ceasefire \(since 1 Jun 2025\)\n\nKey points\n\[1\] /);
    expect(text.stdout).toContain('\n\nTimeline\n3 Jun 2025  ');
    const bad = await runScript('scripts/brief.ts', ['--since', 'the day after never', 'ceasefire'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe(
      'Error: since: "the day after never" is not a date I can read; write it as YYYY-MM-DD (2025-06-03) or in words (last Monday, 3 March 1987, March 1987).',
    );
  }, 60_000);

  it('says the archive has nothing on a topic it does not cover, citing nothing', async () => {
    const brief = await briefing.brief('volcanic eruption in Iceland');
    expectWellFormed(brief);
    expect(brief).toMatchObject({ found: false, reason: NOTHING_ON_TOPIC, keyPoints: [], sources: [] });
    expect((await briefing.brief('?!')).found).toBe(false);
  });
});

describe('a brief on a small archive of council stories', () => {
  let corpus: Corpus;
  let briefing: Briefing;
  beforeAll(async () => {
    corpus = await scratchCorpus({});
    await writeGeneratedArticles(corpus.articlesDir, 40);
    // The same reservoir story syndicated under another headline: one fact, which must not be two key points.
    const syndicated = await fs.readFile(path.join(corpus.articlesDir, 'council-2.md'), 'utf8');
    await fs.writeFile(
      path.join(corpus.articlesDir, 'syndicated.md'),
      syndicated
        .replace(/title: .*/, 'title: Wire copy: council reservoir vote')
        .replace('published: 2024-11-03', 'published: 2024-11-04'),
    );
    briefing = await indexedBriefing(corpus);
  }, 180_000);
  afterAll(async () => {
    briefing?.close();
    await corpus?.cleanup();
  });

  it('keeps to the topic, cites distinct articles, merges the syndicated copy and orders the timeline', async () => {
    const brief = await briefing.brief('reservoir');
    expectWellFormed(brief);
    expectDistinctPoints(brief);
    expect(brief.found).toBe(true);
    const articles = brief.keyPoints.map((p) => p.citation.articleId);
    expect(new Set(articles).size).toBe(articles.length);
    expect(brief.keyPoints.length).toBeGreaterThanOrEqual(3);
    // Every story cited and every timeline entry is one of the reservoir stories.
    for (const source of brief.sources) expect(source.title).toMatch(/reservoir/i);
    for (const entry of brief.timeline) expect(entry.title).toMatch(/reservoir/i);
    expect(brief.timeline.length).toBeGreaterThanOrEqual(3);
    // The council leaders quoted on it, each with a statement about it.
    expect(brief.speakers.length).toBeGreaterThan(0);
    for (const { passage } of brief.speakers)
      expect(passage.text.slice(passage.highlight.start, passage.highlight.end)).toMatch(/reservoir/i);
  });

  it('keeps to the period asked, and says when the topic is only outside it', async () => {
    const brief = await briefing.brief('reservoir', { period: { since: '2024-11-10', until: '2024-11-20' } });
    expectWellFormed(brief);
    expect(brief.found).toBe(true);
    expect(brief.period).toEqual({ since: '2024-11-10', until: '2024-11-20' });
    for (const passage of [...brief.keyPoints, ...brief.speakers.map((s) => s.passage)])
      expect(
        passage.citation.published!.slice(0, 10) >= '2024-11-10' &&
          passage.citation.published!.slice(0, 10) <= '2024-11-20',
      ).toBe(true);
    for (const entry of brief.timeline)
      expect(entry.published >= '2024-11-10' && entry.published <= '2024-11-20').toBe(true);

    const none = await briefing.brief('reservoir', { period: { since: '2025-01-01' } });
    expect(none.found).toBe(false);
    expect(none.reason).toBe(
      'Nothing on this in the archive since 1 Jan 2025; there is outside that period.',
    );
  });
});
