import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Briefing } from '../../src/answer/briefing.js';
import type { TopicBrief } from '../../src/answer/brief-schema.js';
import type { CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { reutersDate } from '../bench/corpora.js';

/**
 * Reuters-21578 topics briefed on, each with the words a user would type for it. Each has 20 or more
 * stories with a body in the corpus; the words are the topic's name in plain English, not tuned per topic.
 */
export const BRIEFING_TOPICS: readonly { tag: string; words: string }[] = [
  { tag: 'coffee', words: 'coffee' },
  { tag: 'gold', words: 'gold' },
  { tag: 'crude', words: 'crude oil' },
  { tag: 'sugar', words: 'sugar' },
  { tag: 'cocoa', words: 'cocoa' },
  { tag: 'grain', words: 'grain' },
  { tag: 'ship', words: 'shipping' },
  { tag: 'interest', words: 'interest rates' },
  { tag: 'money-fx', words: 'foreign exchange' },
  { tag: 'trade', words: 'trade deficit' },
  { tag: 'copper', words: 'copper' },
  { tag: 'cotton', words: 'cotton' },
];

/** What the Reuters SGML says of one story: its TOPICS tags and its date. */
interface ReutersStory {
  topics: string[];
  published: string | null;
}

/**
 * Each story's TOPICS and DATE by NEWID, read from the original SGML under BENCH_DIR at run time (the
 * data stays outside the repository). A regular expression is enough: these two elements are flat.
 */
export function readReutersStories(benchDir: string): Map<string, ReutersStory> {
  const folder = path.join(benchDir, 'reuters21578');
  const stories = new Map<string, ReutersStory>();
  for (const file of fs.readdirSync(folder).filter((name) => /^reut2-\d+\.sgm\.gz$/.test(name))) {
    const sgml = zlib.gunzipSync(fs.readFileSync(path.join(folder, file))).toString('latin1');
    for (const [, newId, record] of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const topics = /<TOPICS>([\s\S]*?)<\/TOPICS>/.exec(record!)?.[1] ?? '';
      stories.set(newId!, {
        topics: [...topics.matchAll(/<D>([^<]+)<\/D>/g)].map((m) => m[1]!),
        published: reutersDate(/<DATE>([^<]*)<\/DATE>/.exec(record!)?.[1]),
      });
    }
  }
  return stories;
}

/** `reuters/reut2-000.jsonl#17` (the archive index's key) to NEWID 17; null for another corpus's article. */
const newIdOf = (articleId: string) => /^reuters\/reut2-\d+\.jsonl#(\d+)$/.exec(articleId)?.[1] ?? null;

export interface TopicBriefScore {
  tag: string;
  words: string;
  /** Stories tagged with the topic among those indexed. */
  stories: number;
  found: boolean;
  cited: number;
  /** Share of the cited articles that carry the tag (articles of other corpora count against it). */
  precision: number;
  /** Cited Reuters stories the judge left without any TOPICS tag: counted as misses in `precision`. */
  untagged: number;
  /** Share of the cited articles the judge gave any tag to (or that are not Reuters) that carry this one. */
  judgedPrecision: number;
  timeline: number;
  timelinePrecision: number;
  timelineOrdered: boolean;
  /** Share of the timeline's entries whose date is the story's DATE. */
  datesMatch: number;
}

export function scoreBrief(
  brief: TopicBrief,
  tag: string,
  words: string,
  stories: ReadonlyMap<string, ReutersStory>,
  tagged: number,
): TopicBriefScore {
  const story = (articleId: string) => {
    const id = newIdOf(articleId);
    return id ? stories.get(id) : undefined;
  };
  const carries = (articleId: string) => story(articleId)?.topics.includes(tag) ?? false;
  const share = (items: readonly string[], test: (id: string) => boolean) =>
    items.length === 0 ? 0 : items.filter(test).length / items.length;
  const cited = brief.sources.map((source) => source.articleId);
  const timeline = brief.timeline;
  return {
    tag,
    words,
    stories: tagged,
    found: brief.found,
    cited: cited.length,
    precision: share(cited, carries),
    untagged: cited.filter((id) => story(id)?.topics.length === 0).length,
    judgedPrecision: share(
      cited.filter((id) => story(id)?.topics.length !== 0),
      carries,
    ),
    timeline: timeline.length,
    timelinePrecision: share(
      timeline.map((entry) => entry.articleId),
      carries,
    ),
    timelineOrdered: timeline.every((entry, i) => i === 0 || timeline[i - 1]!.published <= entry.published),
    datesMatch:
      timeline.length === 0
        ? 0
        : timeline.filter((entry) => story(entry.articleId)?.published === entry.published).length /
          timeline.length,
  };
}

/** Briefs on each topic from the archive index at `config.DB_PATH`, as `npm run brief` would. */
export async function evaluateBriefings(
  config: CoreConfig & { BENCH_DIR: string },
  embedder: Embedder,
): Promise<TopicBriefScore[]> {
  const stories = readReutersStories(config.BENCH_DIR);
  const briefing = await Briefing.open(config, embedder, { readOnly: true });
  try {
    const indexed = (await briefing.articles())
      .map((article) => newIdOf(article.key))
      .filter((id): id is string => id !== null);
    const scores: TopicBriefScore[] = [];
    for (const { tag, words } of BRIEFING_TOPICS) {
      const tagged = indexed.filter((id) => stories.get(id)?.topics.includes(tag)).length;
      scores.push(scoreBrief(await briefing.brief(words), tag, words, stories, tagged));
    }
    return scores;
  } finally {
    briefing.close();
  }
}

const fixed = (value: number) => value.toFixed(2);

export function printBriefingScores(
  scores: readonly TopicBriefScore[],
  model: string,
  printTable: (header: string[], rows: string[][]) => void,
): void {
  console.log(
    `Briefings on Reuters-21578 topics (the development archive: samples + BBC + Reuters), with ${model}; precision is the share of cited articles tagged with the topic:`,
  );
  printTable(
    [
      'topic',
      'words',
      'stories',
      'cited',
      'precision',
      'untagged',
      'judged',
      'timeline',
      'tl precision',
      'ordered',
      'dates match',
    ],
    scores.map((s) => [
      s.tag,
      s.words,
      String(s.stories),
      s.found ? String(s.cited) : 'not found',
      fixed(s.precision),
      String(s.untagged),
      fixed(s.judgedPrecision),
      String(s.timeline),
      fixed(s.timelinePrecision),
      s.timelineOrdered ? 'yes' : 'NO',
      fixed(s.datesMatch),
    ]),
  );
  const cited = scores.reduce((sum, s) => sum + s.cited, 0);
  const tagged = scores.reduce((sum, s) => sum + s.precision * s.cited, 0);
  console.log(
    `All topics: ${fixed(cited ? tagged / cited : 0)} of ${cited} cited articles carry the topic; ${scores.filter((s) => s.cited >= 5).length} of ${scores.length} briefs cite 5 or more articles.\n`,
  );
}
