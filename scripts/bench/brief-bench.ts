import { Briefing } from '../../src/answer/briefing.js';
import type { BenchConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { BRIEFING_TOPICS } from '../eval/briefings.js';
import { latency, timeEach, type Latency } from './stats.js';

export interface BriefRun {
  topics: number;
  /** `Briefing.brief` as `/brief` calls it: embedding the topic, search, centrality, key points, timeline. */
  brief: Latency;
}

/**
 * Topics a newsroom briefs on across both corpora: the eval's Reuters topics (1987 commodities and markets)
 * and BBC subjects of 2004-05 in a reader's words, so both kinds of story are searched and read whole.
 */
const BBC_TOPICS = [
  'the general election',
  'broadband',
  'house prices',
  'the Oscars',
  'mobile phones',
  'tuition fees',
  'the Six Nations',
  'video games',
  'identity cards',
  'the tsunami',
];

/** Warm, in-process latency of a brief on each topic, from the index at `dbPath`. */
export async function briefRun(dbPath: string, config: BenchConfig, embedder: Embedder): Promise<BriefRun> {
  const briefing = await Briefing.open({ ...config, DB_PATH: dbPath }, embedder, { readOnly: true });
  try {
    const topics = [...BRIEFING_TOPICS.map((topic) => topic.words), ...BBC_TOPICS];
    // An untimed pass first: the model's and SQLite's first calls pay for compiling and paging in.
    for (const topic of topics) await briefing.brief(topic);
    return {
      topics: topics.length,
      brief: latency(await timeEach(topics, (topic) => briefing.brief(topic))),
    };
  } finally {
    briefing.close();
  }
}
