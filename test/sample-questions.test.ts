import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus();
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  briefing = await Briefing.open(config, embedder);
});
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

async function ask(question: string, limit?: number): Promise<Answer> {
  return answerSchema.parse(await briefing.ask(question, { limit }));
}
const texts = (answer: Answer) => answer.passages.map((p) => p.text);
const highlighted = (answer: Answer) =>
  answer.passages.map((p) => p.text.slice(p.highlight.start, p.highlight.end));

describe('speaker questions on the sample articles', () => {
  it("what did Lammy say? lists David Lammy's statements in article order, with citations", async () => {
    const answer = await ask('what did Lammy say?');
    expect(answer.found).toBe(true);
    expect(answer.speaker?.name).toBe('David Lammy');
    const all = texts(answer).join('\n');
    expect(all).toContain('We continue to bear down the sanctions on Russia');
    expect(all).toContain('Our judgment is that Putin continues to obfuscate');
    expect(all).toContain('We are pledged to continue to put Ukraine in the strongest possible position');
    expect(all).not.toContain('Over the past three weeks, Russia has been flip flopping');
    const paragraphs = answer.passages.map((p) => p.citation.paragraph);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    for (const passage of answer.passages) {
      expect(passage.citation.title).toMatch(/^Putin must meet a deadline/);
      expect(passage.kind).toBe('body');
    }
  });

  it('what did the Estonian foreign minister say? finds Margus Tsahkna by his role', async () => {
    const answer = await ask('What did the Estonian foreign minister say?');
    expect(answer.speaker?.name).toBe('Margus Tsahkna');
    expect(texts(answer).join('\n')).toContain('There must be red lines in terms of a timetable');
  });

  it("ranks a speaker's statements by the topic asked about", async () => {
    const answer = await ask('What did Lammy say about sanctions?');
    expect(answer.found).toBe(true);
    expect(highlighted(answer)[0]).toMatch(/sanctions/);
  });

  it('says plainly when the speaker is quoted but not on that topic', async () => {
    const answer = await ask('What did Lammy say about football?');
    expect(answer.found).toBe(false);
    expect(answer.reason).toMatch(/David Lammy is quoted .* but not about football/);
  });
});

describe('topic questions on the sample articles', () => {
  it.each([
    ['How many casualties has Russia suffered according to NATO?', /900,000 casualties/],
    ['How many Russian casualties were there in February?', /35,140 casualties/],
    ['Where were the direct peace talks held?', /talks in Turkey/],
    ['Who led the Ukrainian delegation?', /Rustem Umerov/],
    ['What conditions has Putin set for ending the war?', /set his conditions to end/],
    // Paraphrase: the article says "selectively recruiting soldiers from poorer regions".
    ['Which regions do Russian recruits come from?', /poorer regions/],
  ])('%s', async (question, expected) => {
    const answer = await ask(question, 3);
    expect(answer.found).toBe(true);
    expect(texts(answer).join('\n')).toMatch(expected);
    expect(answer.passages[0]!.citation.n).toBe(1);
  });

  it.each(['What were the football results last weekend?', 'Who won the Eurovision song contest?'])(
    'answers found: false for something the articles do not cover: %s',
    async (question) => {
      const answer = await ask(question);
      expect(answer.found).toBe(false);
      expect(answer.reason).toBe(NOTHING_FOUND);
      expect(answer.passages).toEqual([]);
    },
  );

  it('gives a helpful reply to a question without words', async () => {
    const answer = await ask('  ?!  ');
    expect(answer.found).toBe(false);
    expect(answer.reason).toMatch(/Ask a question in words/);
  });
});
