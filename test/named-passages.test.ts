import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../src/answer/briefing.js';
import { buildMatchExpression } from '../src/search/fts-query.js';
import { searchPassages } from '../src/search/hybrid-search.js';
import { namedPassages, namesAsked } from '../src/search/named-passages.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing, sharedEmbedder, testConfig } from './helpers/model.js';
import { MADE_UP_COMPANIES } from './helpers/made-up-companies.js';

/**
 * A company named by two words every story here uses ("Field Co"), whose results note holds one other word
 * of the question, among other companies' notes that hold four of them. Real model, real SQLite.
 */
const DECOYS = MADE_UP_COMPANIES;
const story = (title: string, paragraphs: string[]) =>
  `---\ntitle: ${title}\npublished: 2025-05-09\n---\n${paragraphs.join('\n\n')}\n`;
const FILES: Record<string, string> = {
  'field-co.md': story('FIELD CO THIRD QUARTER NET', [
    'Shr 30 cts vs 24 cts. Net 14.7 mln vs 11.3 mln.',
    'NOTE: Twelve- and 40-week periods.',
  ]),
  'danish-jobless.md': story('DANISH UNEMPLOYMENT FALLS IN FEBRUARY', [
    'The total number of unemployed in February was 213,200.',
  ]),
  ...Object.fromEntries(
    DECOYS.map((company, index) => [
      `decoy-${index}.md`,
      story(`${company.toUpperCase()} THIRD QUARTER NET`, [
        `Shr ${20 + index} cts vs 19 cts. Net ${index + 3}.1 mln vs 2.9 mln.`,
        `NOTE: Prior quarterly figures and nine month figures cover ${index + 2} extra weeks of field sales to co-op stores.`,
        `The quarterly figures also cover ${index + 1} weeks of field trials at the co-owned plant, the company said.`,
      ]),
    ]),
  ),
};

const QUESTION = "How many weeks do Field Co's quarterly figures cover?";

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;
let store: SqlitePassageStore;

beforeAll(async () => {
  corpus = await scratchCorpus(FILES);
  briefing = await indexedBriefing(corpus);
  const config = testConfig({ DB_PATH: corpus.dbPath });
  store = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
    sqliteVecPath: config.SQLITE_VEC_PATH,
  });
}, 120_000);
afterAll(async () => {
  await store.close();
  briefing.close();
  await corpus.cleanup();
});

describe('passages of a story that names what a question asks about', () => {
  it('are found by the question words, wherever the question ranks them among all passages', async () => {
    const named = await namedPassages(
      store,
      namesAsked(QUESTION),
      () => 1,
      buildMatchExpression(QUESTION)!,
      0.5,
    );
    const texts = (await store.passages(named.map((hit) => hit.id))).map((passage) => passage.text);
    expect(texts.sort()).toEqual([
      'NOTE: Twelve- and 40-week periods.',
      'Shr 30 cts vs 24 cts. Net 14.7 mln vs 11.3 mln.',
    ]);
    expect(namesAsked(QUESTION)).toEqual(['field co']);
    // A country is left to the evidence check, which reads its every form.
    expect(namesAsked("How many weeks do Field Co's figures in France cover?")).toEqual(['field co']);
    // An abbreviated thing that no passage holds is the asker's word, as in the evidence check.
    const iou = "How much in unpaid IOUs did Field Co's customers leave?";
    expect(namesAsked(iou)).toEqual(['ious', 'field co']);
    expect(namesAsked(iou, (word) => word !== 'ious')).toEqual(['field co']);
    expect(await namedPassages(store, [], () => 1, '"weeks"', 0.5)).toEqual([]);
  });

  it('name a country in the words its stories write it in', async () => {
    const question = 'How many people were out of work in Denmark in February?';
    const named = await namedPassages(store, ['denmark'], () => 1, buildMatchExpression(question)!, 0.5);
    const texts = (await store.passages(named.map((hit) => hit.id))).map((passage) => passage.text);
    expect(texts).toEqual(['The total number of unemployed in February was 213,200.']);
  });

  it("answer a question whose other words other companies' notes hold more of", async () => {
    const [vector] = await (await sharedEmbedder()).embed([QUESTION]);
    // A shallow search, as one of a large archive's: the other notes fill the first BM25 and vector matches.
    const hits = await searchPassages(store, QUESTION, vector!, {
      limit: 3,
      mode: 'hybrid',
      vectorWeight: 0.2,
      candidates: 3,
      complementBest: true,
    });
    expect(hits.map((hit) => hit.passage.text)).toContain('NOTE: Twelve- and 40-week periods.');
  });
});
