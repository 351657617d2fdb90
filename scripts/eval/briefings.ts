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
 * The first twelve were measured while the brief was built; the fifteen `heldOut` ones were added when
 * ranking by the topic's centrality was tuned, and checked alongside so that no choice fits twelve topics.
 */
export const BRIEFING_TOPICS: readonly { tag: string; words: string; heldOut?: boolean }[] = [
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
  ...(
    [
      ['wheat', 'wheat'],
      ['corn', 'corn'],
      ['nat-gas', 'natural gas'],
      ['livestock', 'livestock'],
      ['jobs', 'unemployment'],
      ['iron-steel', 'steel'],
      ['alum', 'aluminium'],
      ['rubber', 'rubber'],
      ['zinc', 'zinc'],
      ['silver', 'silver'],
      ['tin', 'tin'],
      ['money-supply', 'money supply'],
      ['rice', 'rice'],
      ['orange', 'orange juice'],
      ['barley', 'barley'],
    ] as const
  ).map(([tag, words]) => ({ tag, words, heldOut: true })),
];

/** What the Reuters SGML says of one story: its TOPICS tags, its date, and whether indexers categorised it. */
interface ReutersStory {
  topics: string[];
  published: string | null;
  /**
   * False for a story without tags that the corpus's README says may never have been categorised: marked
   * TOPICS="BYPASS" ("clearly were not indexed") or TOPICS="NO" ("many cases where it is clear that a story
   * should belong to one or more TOPICS categories, but ... the category was not assigned"). A TOPICS="YES"
   * story without tags was judged to belong to none.
   */
  categorised: boolean;
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
    for (const [, attribute, newId, record] of sgml.matchAll(
      /<REUTERS TOPICS="(\w+)"[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g,
    )) {
      const tags = /<TOPICS>([\s\S]*?)<\/TOPICS>/.exec(record!)?.[1] ?? '';
      const topics = [...tags.matchAll(/<D>([^<]+)<\/D>/g)].map((m) => m[1]!);
      stories.set(newId!, {
        topics,
        published: reutersDate(/<DATE>([^<]*)<\/DATE>/.exec(record!)?.[1]),
        categorised: topics.length > 0 || attribute === 'YES',
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
  heldOut: boolean;
  /** Cited Reuters stories the indexers may never have categorised (see `categorised`): misses in `precision`. */
  uncategorised: number;
  /** Share of the cited articles, the uncategorised left out, that carry the tag (other corpora count against). */
  judgedPrecision: number;
  timeline: number;
  timelinePrecision: number;
  timelineOrdered: boolean;
  /** Share of the timeline's entries whose date is the story's DATE. */
  datesMatch: number;
  /** The cited articles without the tag, each with its headline and what the judge says of it. */
  misses: string[];
}

export function scoreBrief(
  brief: TopicBrief,
  { tag, words, heldOut = false }: (typeof BRIEFING_TOPICS)[number],
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
    heldOut,
    stories: tagged,
    found: brief.found,
    cited: cited.length,
    precision: share(cited, carries),
    uncategorised: cited.filter((id) => story(id)?.categorised === false).length,
    judgedPrecision: share(
      cited.filter((id) => story(id)?.categorised !== false),
      carries,
    ),
    timeline: timeline.length,
    timelinePrecision: share(
      timeline.map((entry) => entry.articleId),
      carries,
    ),
    timelineOrdered: timeline.every((entry, i) => i === 0 || timeline[i - 1]!.published <= entry.published),
    misses: brief.sources
      .filter((source) => !carries(source.articleId))
      .map((source) => {
        const judged = story(source.articleId);
        const verdict = !judged
          ? 'another corpus'
          : judged.categorised
            ? `tagged ${judged.topics.join(', ') || 'with no topic'}`
            : 'uncategorised';
        return `${source.articleId} "${source.title}" (${verdict})`;
      }),
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
    for (const topic of BRIEFING_TOPICS) {
      const tagged = indexed.filter((id) => stories.get(id)?.topics.includes(topic.tag)).length;
      scores.push(scoreBrief(await briefing.brief(topic.words), topic, stories, tagged));
    }
    return scores;
  } finally {
    briefing.close();
  }
}

const fixed = (value: number) => value.toFixed(2);

/** The cited articles without their topic's tag, topic by topic, for `--failures`. */
export const briefingFailures = (scores: readonly TopicBriefScore[]) =>
  scores
    .filter((s) => s.misses.length > 0)
    .map((s) => `${s.tag} ("${s.words}"):\n${s.misses.map((miss) => `  ${miss}`).join('\n')}`);

export function printBriefingScores(
  scores: readonly TopicBriefScore[],
  index: string,
  model: string,
  printTable: (header: string[], rows: string[][]) => void,
): void {
  console.log(
    `Briefings on Reuters-21578 topics (${index}), with ${model}; precision is the share of cited articles tagged with the topic:`,
  );
  printTable(
    [
      'topic',
      'words',
      'stories',
      'cited',
      'precision',
      'uncategorised',
      'judged',
      'timeline',
      'tl precision',
      'ordered',
      'dates match',
    ],
    scores.map((s) => [
      s.heldOut ? `${s.tag} (held out)` : s.tag,
      s.words,
      String(s.stories),
      s.found ? String(s.cited) : 'not found',
      fixed(s.precision),
      String(s.uncategorised),
      fixed(s.judgedPrecision),
      String(s.timeline),
      fixed(s.timelinePrecision),
      s.timelineOrdered ? 'yes' : 'NO',
      fixed(s.datesMatch),
    ]),
  );
  const summary = (label: string, group: readonly TopicBriefScore[]) => {
    const cited = group.reduce((sum, s) => sum + s.cited, 0);
    const share = (count: (s: TopicBriefScore) => number, of: (s: TopicBriefScore) => number) => {
      const total = group.reduce((sum, s) => sum + of(s), 0);
      return fixed(total ? group.reduce((sum, s) => sum + count(s), 0) / total : 0);
    };
    const judged = (s: TopicBriefScore) => s.cited - s.uncategorised;
    console.log(
      `${label}: ${share(
        (s) => s.precision * s.cited,
        (s) => s.cited,
      )} of ${cited} cited articles carry the topic (${share((s) => s.judgedPrecision * judged(s), judged)} leaving out the uncategorised); ${group.filter((s) => s.precision >= 0.9).length} of ${group.length} topics at 0.9 or more (${group.filter((s) => s.judgedPrecision >= 0.9).length} leaving out the uncategorised); ${group.filter((s) => s.cited >= 5).length} briefs cite 5 or more articles.`,
    );
  };
  const [first, heldOut] = [scores.filter((s) => !s.heldOut), scores.filter((s) => s.heldOut)];
  summary(`The first ${first.length} topics`, first);
  summary(`The ${heldOut.length} held out`, heldOut);
  summary('All topics', scores);
  console.log();
}
