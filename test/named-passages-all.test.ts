import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { namedPassages, namesAsked } from '../src/search/named-passages.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing, testConfig } from './helpers/model.js';

/**
 * A company named in many short passages that hold every other word of the question, though not the party's
 * name, and one long paragraph on party donations that names the company and the party together. Real
 * model, real SQLite.
 */
const story = (title: string, paragraphs: string[]) =>
  `---\ntitle: ${title}\npublished: 2005-01-20\n---\n${paragraphs.join('\n\n')}\n`;
const DONATIONS = [
  'The Harbour Party received more than £5m in donations in the final quarter, new figures show.',
  'This is nearly half of the £11m received by the parties listed by the commission. The largest gifts came ' +
    'from trade unions and from individuals, among them a retired shipping magnate and a refrigerator ' +
    'maker, who each gave more than £300,000 before the campaign began. And Fenwick is listed as donating ' +
    'a sum of £10,575 to the Harbour Party. This was a fee the firm paid for a room for an event held ' +
    'during the conference. Registered parties must set out each quarter all donations over £5,000.',
];
const FILES: Record<string, string> = {
  'donations.md': story('Parties build up poll war chests', DONATIONS),
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, index) => [
      `fenwick-${index}.md`,
      story(`Fenwick results ${index}`, [
        `Fenwick will hand money to a party of shareholders at its harbour plant ${index + 1}, it said.`,
      ]),
    ]),
  ),
  ...Object.fromEntries(
    Array.from({ length: 6 }, (_, index) => [
      `harbour-${index}.md`,
      story(`Harbour Party campaign ${index}`, [`The Harbour Party opened campaign office ${index + 1}.`]),
    ]),
  ),
};
const QUESTION = 'Why did Fenwick hand money to the Harbour Party?';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let store: SqlitePassageStore;

beforeAll(async () => {
  corpus = await scratchCorpus(FILES);
  (await indexedBriefing(corpus)).close();
  const config = testConfig({ DB_PATH: corpus.dbPath });
  store = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
    sqliteVecPath: config.SQLITE_VEC_PATH,
  });
}, 120_000);
afterAll(async () => {
  await store.close();
  await corpus.cleanup();
});

describe('the passages of a question naming several things', () => {
  it('are those naming them all first, however many naming the rarest match its other words better', async () => {
    const names = namesAsked(QUESTION);
    expect(names).toEqual(['fenwick', 'harbour party']);
    const named = await namedPassages(
      store,
      names,
      (name) => (name === 'fenwick' ? 9 : 7),
      buildMatchExpression(QUESTION)!,
      0.5,
    );
    const texts = (await store.passages(named.map((hit) => hit.id))).map((passage) => passage.text);
    expect(texts).toHaveLength(10);
    expect(texts).toContain(DONATIONS[1]);
  });
});
