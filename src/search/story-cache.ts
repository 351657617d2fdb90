import type { PassageStore } from '../store/passage-store.js';
import { wordsOf, type TextWords } from './term-match.js';

/** A whole story: its context (headline) then every paragraph, and its words as term matching reads them. */
export interface Story {
  text: string;
  words: TextWords;
}

/** A story's text with its words worked out. */
export const storyOf = (text: string): Story => ({ text, words: wordsOf(text) });

/**
 * How many stories a cache keeps (see StoryCache), the least recently used dropped first: a bound on memory,
 * not a figure tuned to the bench. A question reads up to 30 (hybrid-search's STORY_DEPTH); a BBC story
 * (2,300 characters) takes 14.6 KB with its words, so 1,000 keep about 15 MB. The bench's 320 questions read
 * 1,708 stories in all, 4,650 times a pass.
 */
const STORIES_KEPT = 1000;

/** The stories read for one version of one index. */
interface Generation {
  store: object;
  version: number;
  kept: Map<number, Story>;
}

type StoryReader = Pick<PassageStore, 'storyTexts' | 'dataVersion'>;

/**
 * Whole stories by article id, kept between questions: each question's story coverage (article-coverage)
 * reads its 30 best passages' stories and works out their words, and the evidence check reads the first
 * three again. An article id may name another story after a re-index (ids of removed articles are given
 * again), so what is kept is dropped whenever the index's data version changes or another store (a
 * replaced index file) is read.
 */
export class StoryCache {
  private generation: Generation | null = null;

  constructor(private readonly capacity = STORIES_KEPT) {}

  /**
   * The stories of `articleIds` that the index holds (see PassageStore.storyTexts), by article id in
   * ascending order: one store read for those not kept.
   */
  async stories(store: StoryReader, articleIds: readonly number[]): Promise<Map<number, Story>> {
    const ids = [...new Set(articleIds)].sort((a, b) => a - b);
    if (ids.length === 0) return new Map();
    const generation = await this.generationOf(store);
    const { kept } = generation;
    const missing = ids.filter((id) => !kept.has(id));
    const read = await readStories(store, missing);
    // Kept only while this generation is current: a question on another store or version replaced it meanwhile.
    const current = this.generation === generation;
    const found = new Map<number, Story>();
    for (const id of ids) {
      const story = read.get(id) ?? kept.get(id);
      if (story === undefined) continue;
      found.set(id, story);
      if (!current) continue;
      // A Map iterates in insertion order: set again, the story is the most recently used.
      kept.delete(id);
      kept.set(id, story);
    }
    for (const id of kept.keys()) {
      if (kept.size <= this.capacity) break;
      kept.delete(id);
    }
    return found;
  }

  private async generationOf(store: StoryReader): Promise<Generation> {
    const version = await store.dataVersion();
    if (this.generation?.store !== store || this.generation.version !== version) {
      this.generation = { store, version, kept: new Map() };
    }
    return this.generation;
  }
}

/** Each article's text and its words: one store read for all of them. */
async function readStories(
  store: Pick<PassageStore, 'storyTexts'>,
  ids: readonly number[],
): Promise<Map<number, Story>> {
  if (ids.length === 0) return new Map();
  const texts = await store.storyTexts(ids);
  return new Map([...texts].map(([id, text]) => [id, storyOf(text)]));
}
