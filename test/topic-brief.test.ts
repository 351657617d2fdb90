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

/** A wire story as the archive holds it: Markdown with its headline and date. */
const story = (title: string, published: string, ...paragraphs: string[]) =>
  `---\ntitle: ${title}\nsource: Wire\npublished: ${published}\n---\n${paragraphs.join('\n\n')}\n`;

describe('a brief on a topic that names a company and fills tables', () => {
  let corpus: Corpus;
  let briefing: Briefing;
  beforeAll(async () => {
    corpus = await scratchCorpus({
      'pakistan.md': story(
        'Pakistan cotton output reaches 7.7 mln bales',
        '1987-03-02',
        'Pakistan produced 7.7 mln bales of cotton this season, up from 7.2 mln last year, the ministry said.',
        'Most of the cotton was grown in Punjab, where the weather was kind to the crop.',
        'Exports of raw cotton are expected to rise to 4 mln bales.',
      ),
      'texas.md': story(
        'Little risk seen for Texas cotton from cold',
        '1987-03-30',
        'The cold snap is unlikely to damage the Texas cotton crop, which has not yet been planted, a state agronomist said.',
        'Farmers in Texas plan to sow cotton in April as usual once the soil warms.',
        'Cotton acreage in the state is forecast to rise by a tenth.',
      ),
      'seedings.md': story(
        'Analysts peg U.S. cotton seedings at 10.6 mln acres',
        '1987-03-27',
        'Analysts expect American farmers to plant 10.6 mln acres of cotton this year, up from 10.0 mln.',
        'Higher cotton prices and the farm programme encouraged the larger planting, they said.',
        'The cotton planting report is due at the end of the month.',
      ),
      'exports.md': story(
        'Egypt cuts cotton export prices',
        '1987-04-06',
        'Egypt has cut the prices of its long staple cotton for export by five percent, traders said.',
        'The cut is meant to win back buyers who turned to cheaper cotton from Sudan.',
        'Egyptian cotton stocks are high after two good harvests.',
      ),
      'china.md': story(
        'China cotton imports seen falling',
        '1987-04-10',
        'China will import less cotton this year as its own mills use more of the record domestic crop, officials said.',
        'Cotton stocks held by the state are large enough to meet demand until the autumn.',
        'Textile exports made from cotton are rising fast.',
      ),
      'certificated.md': story(
        'Certificated cotton stocks',
        '1987-04-07',
        'COTTON STOCKS 12,345 BALES',
        'COTTON AWAITING REVIEW 1,250',
        'COTTON TOTAL 13,595',
      ),
      'nyfe.md': story(
        'NYFE to move to N.Y. Cotton Exchange',
        '1987-04-08',
        'The New York Futures Exchange will move its trading floor to the New York Cotton Exchange, NYFE president Lewis Horowitz said.',
        'NYFE will become an affiliate of the Cotton Exchange through a licensing agreement, the exchanges said.',
        'Cotton Exchange members will have trading rights to the stock index futures contracts of NYFE.',
        '"The move will give traders of both exchanges access to each other\'s contracts," said Joseph O\'Neill, president of the Cotton Exchange.',
      ),
      'barley-crop.md': story(
        'French barley crop seen larger',
        '1987-04-02',
        'The French barley harvest is expected to be larger this year after a mild winter, the farm ministry said.',
        'Farmers planted more winter barley than last year, it said.',
      ),
      'barley-sale.md': story(
        'Saudi Arabia buys barley',
        '1987-04-03',
        'Saudi Arabia bought 300,000 tonnes of barley for shipment in May, exporters said.',
        'The barley will come from the European Community and Australia, they said.',
      ),
      'barley-table.md': story(
        'Barley receipts',
        '1987-04-04',
        'BARLEY RECEIPTS 1,250',
        'BARLEY SHIPMENTS 980',
        'MALTING BARLEY 75',
      ),
    });
    briefing = await indexedBriefing(corpus);
  }, 120_000);
  afterAll(async () => {
    briefing?.close();
    await corpus?.cleanup();
  });

  it('cites the stories about cotton: not a company named after it, nor a table of it', async () => {
    const brief = await briefing.brief('cotton');
    expectWellFormed(brief);
    expect(brief.found).toBe(true);
    // The exchange's move mentions cotton only in its name; the stock table states nothing in sentences.
    const offTopic = /NYFE|Certificated/;
    expect(brief.sources.map((source) => source.title).filter((title) => offTopic.test(title))).toEqual([]);
    expect(brief.timeline.map((entry) => entry.title).filter((title) => offTopic.test(title))).toEqual([]);
    expect(brief.keyPoints.length).toBe(5);
    expect(new Set(brief.keyPoints.map((point) => point.citation.articleId)).size).toBe(5);
    expect(brief.timeline.length).toBe(5);
  });

  it("makes key points of sentences, never of a table's rows, even when the table is the only other story", async () => {
    const brief = await briefing.brief('barley');
    expectWellFormed(brief);
    expect(brief.found).toBe(true);
    expect(brief.keyPoints.length).toBeGreaterThanOrEqual(2);
    for (const point of brief.keyPoints) expect(point.text).not.toMatch(/^[A-Z ]+[\d,]+$/);
    expect(brief.sources.map((source) => source.title)).not.toContain('Barley receipts');
  });
});
