import type { PassageRecord, PassageStore } from '../store/passage-store.js';

type StoryPassageReader = Pick<PassageStore, 'articlePassages' | 'vectors'>;

/**
 * `store` for the completions of one answer's passages (period headers, a short lead's next paragraph, the
 * answer kind, the story paragraph, the nearest paragraph), each story's passages read from it once: each
 * completion reads the first shown results' stories whole, mostly the same few stories.
 */
export function readingEachStoryOnce(store: StoryPassageReader): StoryPassageReader {
  const read = new Map<number, PassageRecord[]>();
  return {
    async articlePassages(articleIds) {
      const ids = [...new Set(articleIds)].sort((a, b) => a - b);
      const missing = ids.filter((id) => !read.has(id));
      if (missing.length > 0) {
        for (const id of missing) read.set(id, []);
        for (const passage of await store.articlePassages(missing))
          read.get(passage.articleId)?.push(passage);
      }
      // As the store gives them: by article id, each article's in reading order.
      return ids.flatMap((id) => read.get(id) ?? []);
    },
    vectors: (ids) => store.vectors(ids),
  };
}
