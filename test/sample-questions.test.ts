import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import type { Briefing } from '../src/answer/briefing.js';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing } from './helpers/model.js';

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus();
  briefing = await indexedBriefing(corpus);
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

  it('reads "why did X say Y" as a question about X\'s statements on Y', async () => {
    const answer = await ask('Why did Lammy say sanctions on Russia must continue?');
    expect(answer.speaker?.name).toBe('David Lammy');
    expect(highlighted(answer)[0]).toMatch(/sanctions/);
  });

  it("ranks a speaker's statements by the topic asked about", async () => {
    const answer = await ask('What did Lammy say about sanctions?');
    expect(answer.found).toBe(true);
    expect(highlighted(answer)[0]).toMatch(/sanctions/);
  });

  it('ranks the statements by a topic in other words than theirs, never dropping them all, and says so', async () => {
    // Lammy spoke of "sanctions on Russia", not of punishing Moscow: no statement shares a word with it.
    const answer = await ask('What did Lammy say about punishing Moscow?', 3);
    expect(answer.found).toBe(true);
    expect(answer.speaker?.name).toBe('David Lammy');
    expect(texts(answer).join('\n')).toContain('We continue to bear down the sanctions on Russia');
    expect(answer.note).toMatch(/^None of the statements by David Lammy is clearly about "punishing Moscow"/);
    const football = await ask('What did Lammy say about football?');
    expect(football.found).toBe(true);
    expect(football.note).toMatch(/clearly about "football"/);
    expect(football.passages.length).toBeGreaterThan(0);
  });

  it('adds no note when a statement is about the topic', async () => {
    expect((await ask('What did Lammy say about sanctions?')).note).toBeUndefined();
  });

  it.each([
    'hey Lammy',
    'Lammy?',
    'Please tell me what did Lammy say?',
    '@everyone what did Lammy say?',
    '<@123456789012345678> hi bot, can you tell me what Lammy said? thanks!',
    "I'd like to know what David Lammy has said, thank you",
    'what has Lammy been saying?',
    'so what did Lammy say abt sanctions?? lol',
  ])('recognises the chatty "%s" as a question about David Lammy', async (question) => {
    const answer = await ask(question);
    expect(answer.question).toBe(question);
    expect(answer.speaker?.name).toBe('David Lammy');
    expect(texts(answer).join('\n')).toContain('We continue to bear down the sanctions on Russia');
  });

  it.each([
    ['what did Barrot say during the meeting?', 'Jean-Noel Barrot'],
    ["what was Tsahkna's reaction to the new conditions?", 'Margus Tsahkna'],
    ['how did Lammy describe Putin?', 'David Lammy'],
    ["Joly's view on the deadline", 'Melanie Joly'],
    ['did Umerov comment on the talks?', 'Rustem Umerov'],
    ['what is Zelensky saying about the conditions?', 'Volodymyr Zelensky'],
  ])('%s → %s', async (question, speaker) => {
    expect((await ask(question)).speaker?.name).toBe(speaker);
  });

  it('searches a chatty question that names no speaker without its wrapper', async () => {
    const answer = await ask(
      'hey bot, can you please tell me how many Russian casualties there were in February? thx',
      3,
    );
    expect(answer.found).toBe(true);
    expect(texts(answer).join('\n')).toMatch(/35,140 casualties/);
  });

  it('searches a question without its chat fillers and sign-offs ("tbh", "lol", "ty")', async () => {
    const answer = await ask('tbh how many Russian casualties were there in February lol ty', 3);
    expect(answer.found).toBe(true);
    expect(texts(answer).join('\n')).toMatch(/35,140 casualties/);
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

  it('says that no article is from last weekend, and when the articles are from', async () => {
    const answer = await ask('What were the football results last weekend?');
    expect(answer.found).toBe(false);
    expect(answer.reason).toMatch(
      /^No dated article was published from .+\. The dated articles were published on 3 Jun 2025\.$/,
    );
    expect(answer.passages).toEqual([]);
  });

  it.each(['Who won the Eurovision song contest?', 'What were the football results?'])(
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
