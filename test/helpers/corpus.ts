import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SAMPLE_ARTICLES_DIR = path.resolve('data/articles');
export const NATO_SAMPLE = 'nato-warns-putin-ceasefire-deadline.txt';
export const CONDITIONS_SAMPLE = 'putin-conditions-for-ending-war.txt';

/**
 * A scratch folder with a copy of the sample articles (or with `files`, by name, instead) and room for an
 * index, removed by `cleanup`.
 */
export async function scratchCorpus(files?: Record<string, string>): Promise<{
  root: string;
  articlesDir: string;
  dbPath: string;
  cleanup(): Promise<void>;
}> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-test-'));
  const articlesDir = path.join(root, 'articles');
  if (files) {
    await fs.mkdir(articlesDir);
    for (const [file, text] of Object.entries(files)) await fs.writeFile(path.join(articlesDir, file), text);
  } else {
    await fs.cp(SAMPLE_ARTICLES_DIR, articlesDir, { recursive: true });
  }
  return {
    root,
    articlesDir,
    dbPath: path.join(root, 'index.db'),
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
}

/**
 * Sets a file's times `minutes` back: older than the margin within which a just-saved file is read again
 * anyway, so a re-index may skip it as unchanged.
 */
export async function dateBack(file: string, minutes = 60): Promise<Date> {
  const time = new Date(Date.now() - minutes * 60_000);
  await fs.utimes(file, time, time);
  return time;
}

const TOWNS = ['Ashford', 'Brampton', 'Carrick', 'Dunmore', 'Elsworth', 'Fenwick', 'Glenrose', 'Harlow'];
const TOPICS = ['ferry', 'library', 'tramway', 'reservoir', 'orchard', 'bridge', 'market', 'observatory'];
const FIRST_NAMES = [
  'Maria',
  'Tomas',
  'Ingrid',
  'Kwame',
  'Aiko',
  'Pavel',
  'Lucia',
  'Osman',
  'Freya',
  'Diego',
];
const SURNAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Novak', 'Brennan', 'Haddad', 'Castell'];

/**
 * `count` made-up council stories (Markdown), each different in town, topic, official and figures, with a
 * quoted official: bulk for tests that need a re-index to take a while or an index with many speakers.
 */
export async function writeGeneratedArticles(dir: string, count: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    const town = `${TOWNS[n % TOWNS.length]} ${Math.floor(n / TOWNS.length) + 1}`;
    const topic = TOPICS[(n * 3) % TOPICS.length]!;
    const official = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${SURNAMES[(n * 7) % SURNAMES.length]}`;
    const day = String((n % 28) + 1).padStart(2, '0');
    await fs.writeFile(
      path.join(dir, `council-${n}.md`),
      `---\ntitle: ${town} council backs the ${topic} plan\nsource: County Wire\npublished: 2024-11-${day}\n---\n` +
        `The council of ${town} voted ${20 + (n % 9)} to ${n % 7} on Tuesday to fund the ${topic} plan, at a cost of ${(n + 3) * 1750} pounds over ${2 + (n % 5)} years.\n\n` +
        `"This ${topic} will serve ${town} for a generation, and the budget for it is ${n % 2 ? 'modest' : 'prudent'}," said ${official}, the council leader.\n\n` +
        `Opponents said the ${topic} money would be better spent on roads, schools and the ${TOPICS[(n + 1) % TOPICS.length]} service, and asked for a public consultation before work starts in spring.\n`,
    );
  }
}

/** Questions only the articles `writeNewArticles` adds answer: a new article's fact and a generated speaker. */
export const NEW_ARTICLE_QUESTION = 'Which comet did the Quillmoor astronomers photograph?';
export const NEW_SPEAKER_QUESTION = 'What did Maria Okafor say?';

/**
 * Adds to a corpus what a re-index must bring in: `generated` council stories (the first one quotes Maria
 * Okafor) and an article on the Quillmoor comet.
 */
export async function writeNewArticles(articlesDir: string, generated: number): Promise<void> {
  await writeGeneratedArticles(path.join(articlesDir, 'generated'), generated);
  await fs.writeFile(
    path.join(articlesDir, 'quillmoor.md'),
    '---\ntitle: Quillmoor astronomers catch a comet\nsource: Highland Courier\npublished: 2025-06-02\n---\nAstronomers in Quillmoor photographed the comet Tsuchinshan with their new refractor on Friday night.\n',
  );
}
