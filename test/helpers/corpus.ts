import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SAMPLE_ARTICLES_DIR = path.resolve('data/articles');
export const NATO_SAMPLE = 'nato-warns-putin-ceasefire-deadline.txt';
export const CONDITIONS_SAMPLE = 'putin-conditions-for-ending-war.txt';

/** A scratch folder with a copy of the sample articles and room for an index, removed by `cleanup`. */
export async function scratchCorpus(): Promise<{
  root: string;
  articlesDir: string;
  dbPath: string;
  cleanup(): Promise<void>;
}> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-test-'));
  const articlesDir = path.join(root, 'articles');
  await fs.cp(SAMPLE_ARTICLES_DIR, articlesDir, { recursive: true });
  return {
    root,
    articlesDir,
    dbPath: path.join(root, 'index.db'),
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
}
