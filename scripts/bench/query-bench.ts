import { Briefing } from '../../src/answer/briefing.js';
import { DEFAULT_LIMIT } from '../../src/answer/build-answer.js';
import type { BenchConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { searchPassages } from '../../src/search/hybrid-search.js';
import { openPassageStore } from '../../src/store/open-store.js';
import { loadSquad } from '../eval/datasets.js';
import { latency, timeEach, type Latency } from './stats.js';

/** p50 and p95 of each stage, in ms. */
export interface QueryRun {
  questions: number;
  /** Embedding the question alone. */
  embed: Latency;
  /** Hybrid search alone (BM25 and vector lists, fused), the question's vector ready. */
  search: Latency;
  /** Everything `Briefing.ask` does once the vectors are ready: routing, search, judging, building. */
  answer: Latency;
  /** `Briefing.ask` as the bot calls it: embedding, search and answer together. */
  endToEnd: Latency;
}

const SPEAKERS = 60;
const HEADLINES = 100;
const SQUAD_QUESTIONS = 100;
const TOPICS = ['the economy', 'the election', 'the film', 'broadband', 'taxes', 'the match', 'security'];

const spread = <T>(items: readonly T[], count: number): T[] =>
  Array.from(
    { length: Math.min(count, items.length) },
    (_, i) => items[Math.floor((i * items.length) / count)]!,
  );

/**
 * Questions of every kind the bot gets: what the most quoted people said, with and without a topic;
 * headlines asked back (the index holds the answer); SQuAD questions about Wikipedia (mostly "nothing found").
 */
async function questionsFor(briefing: Briefing, benchDir: string): Promise<string[]> {
  const speakers = (await briefing.speakers()).slice(0, SPEAKERS);
  return [
    ...speakers.map((speaker) => `What did ${speaker.name} say?`),
    ...speakers.map((speaker, i) => `What did ${speaker.surname} say about ${TOPICS[i % TOPICS.length]}?`),
    ...spread(await briefing.articles(), HEADLINES).map((article) => article.title),
    ...spread(
      loadSquad(benchDir, 'squad2-half', 'squad-v2.0-dev-half/dev-v2.0.json').questions.map(
        (q) => q.question,
      ),
      SQUAD_QUESTIONS,
    ),
  ];
}

/**
 * Answers from texts embedded before: asking through it times search and answer building alone, with
 * the production code path unchanged.
 */
function cachedEmbedder(embedder: Embedder, cache: Map<string, Float32Array>): Embedder {
  return {
    model: embedder.model,
    dimension: embedder.dimension,
    countTokens: (text) => embedder.countTokens(text),
    async embed(texts) {
      const missing = texts.filter((text) => !cache.has(text));
      if (missing.length > 0) throw new Error(`not embedded beforehand: ${missing.join(' | ')}`);
      return texts.map((text) => cache.get(text)!);
    },
  };
}

/** Keeps every text the answer path embeds (the question, or a speaker question's topic). */
function recordingEmbedder(embedder: Embedder, cache: Map<string, Float32Array>): Embedder {
  return {
    ...cachedEmbedder(embedder, cache),
    async embed(texts) {
      const vectors = await embedder.embed(texts);
      texts.forEach((text, i) => cache.set(text, vectors[i]!));
      return vectors;
    },
  };
}

/**
 * Warm, in-process latency at the index's scale, stage by stage and together: embedding a question, hybrid
 * search, everything else `Briefing.ask` does with the vectors it needs ready, and `ask` as the bot calls it.
 */
export async function queryRun(dbPath: string, config: BenchConfig, embedder: Embedder): Promise<QueryRun> {
  const cache = new Map<string, Float32Array>();
  const recording = await Briefing.open({ ...config, DB_PATH: dbPath }, recordingEmbedder(embedder, cache));
  const cached = await Briefing.open({ ...config, DB_PATH: dbPath }, cachedEmbedder(embedder, cache));
  const store = await openPassageStore({ ...config, DB_PATH: dbPath });
  try {
    const questions = await questionsFor(recording, config.BENCH_DIR);
    // Untimed passes first: the model's and SQLite's first calls pay for compiling and paging in.
    for (const question of questions) await recording.ask(question);
    for (const question of questions) await cached.ask(question);
    const vectors = new Map<string, Float32Array>();
    const embedMs = await timeEach(questions, async (question) =>
      vectors.set(question, (await embedder.embed([question]))[0]!),
    );
    // The weight only mixes the two lists' scores: it does not change what the search costs.
    const searchMs = await timeEach(questions, (question) =>
      searchPassages(store, question, vectors.get(question)!, {
        limit: DEFAULT_LIMIT,
        mode: 'hybrid',
        vectorWeight: 0.5,
      }),
    );
    const answerMs = await timeEach(questions, (question) => cached.ask(question));
    const endToEndMs = await timeEach(questions, (question) => recording.ask(question));
    return {
      questions: questions.length,
      embed: latency(embedMs),
      search: latency(searchMs),
      answer: latency(answerMs),
      endToEnd: latency(endToEndMs),
    };
  } finally {
    await store.close();
    recording.close();
    cached.close();
  }
}
