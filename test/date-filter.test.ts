import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../src/answer/answer-schema.js';
import type { AskOptions } from '../src/answer/build-answer.js';
import type { Briefing } from '../src/answer/briefing.js';
import { formatAnswerText } from '../src/answer/format-text.js';
import { isWithin, type DateRange } from '../src/document/date-range.js';
import { renderAnswer } from '../src/bot/render-answer.js';
import { searchPassages } from '../src/search/hybrid-search.js';
import { yearsAround } from '../src/search/question-years.js';
import { SqlitePassageStore } from '../src/store/passage-store.js';
import { scratchCorpus } from './helpers/corpus.js';
import { indexedBriefing, sharedEmbedder, testConfig } from './helpers/model.js';

/** A fixed "today" for relative dates: Sunday 29 November 2026 ("last week" is 16 to 22 November). */
const TODAY = new Date('2026-11-29T10:00:00Z');

const story = (title: string, published: string | null, body: string) =>
  `---\ntitle: ${title}\n${published ? `published: ${published}\n` : ''}---\n${body}\n`;

/**
 * Six short stories about one ferry, months apart, with one harbour master quoted in all but one; one undated;
 * one on the quay's sea wall, which names the year of a flood; one on a bridge proposed from 2030; and one on a
 * bakery's sales of a month. Beside the sample articles (one dated 3 June 2025, one undated), so that the
 * ferry's words are rare in the index.
 */
const FILES: Record<string, string> = {
  'ferry-jan.md': story(
    'Ashford ferry fares rise',
    '2025-01-14',
    'Ashford ferry fares will rise by 5% from February to pay for fuel.\n\n"Fares must cover the cost of fuel," said Maria Okafor, the harbour master.',
  ),
  'ferry-mar.md': story(
    'Ashford ferry to run at night',
    '2025-03-10',
    'The Ashford ferry will run a night service from April, the harbour office said.\n\n"The night ferry will serve shift workers," said Maria Okafor, the harbour master.',
  ),
  'ferry-apr.md': story(
    'Ashford ferry car park resurfaced',
    '2025-04-22',
    'The Ashford ferry car park was resurfaced over Easter, the harbour office said.',
  ),
  'ferry-may.md': story(
    'Storm stops the Ashford ferry',
    '2025-05-20',
    'The Ashford ferry was cancelled for a week after a storm damaged the pier.\n\n"The pier will be repaired before the summer," said Maria Okafor, the harbour master.',
  ),
  'ferry-nov.md': story(
    'A new boat for the estuary crossing',
    '2026-11-18',
    'A new boat for the Ashford ferry crossing was launched on Wednesday, with room for 40 cars.\n\n"This ferry will serve the town for thirty years," said Maria Okafor, the harbour master.',
  ),
  'sea-wall.md': story(
    'A higher sea wall for the quay',
    '2025-08-04',
    'The estuary flooded the quay in 2012, and the county council has since raised the sea wall.\n\n"The wall will hold a storm like that one," said Tom Reyes, the council engineer.',
  ),
  'bakery.md': story(
    'Hot cross buns sell out in Ashford',
    '2025-04-10',
    'The Ashford bakery sold 12,000 hot cross buns in March, twice as many as a year before, its owner said.',
  ),
  'ferry-history.md': story(
    'A short history of the Ashford ferry',
    null,
    'The Ashford ferry has crossed the estuary since 1990, first with one boat and later with two.\n\n"The ferry is older than the town hall," said Maria Okafor, the harbour master.',
  ),
  'bridge-plan.md': story(
    'A bridge for the estuary',
    '2025-09-02',
    'A road bridge over the estuary is proposed from 2030 if the county council agrees.\n\n"The ferry will keep running until the bridge opens," said Maria Okafor, the harbour master.',
  ),
};

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus();
  for (const [file, text] of Object.entries(FILES))
    await fs.writeFile(path.join(corpus.articlesDir, file), text);
  briefing = await indexedBriefing(corpus);
}, 120_000);
afterAll(async () => {
  briefing.close();
  await corpus.cleanup();
});

async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
  return answerSchema.parse(await briefing.ask(question, { today: TODAY, ...options }));
}

const dates = (answer: Answer) => answer.passages.map((p) => p.citation.published);
const allWithin = (answer: Answer, range: DateRange) => dates(answer).every((d) => isWithin(d, range));

describe('a period named in the question', () => {
  it('answers only from articles published in it, says which, and counts the undated left out', async () => {
    const answer = await ask('What was planned for the Ashford ferry service in March 2025?');
    expect(answer.found).toBe(true);
    expect(dates(answer)).toEqual(expect.arrayContaining(['2025-03-10']));
    expect(allWithin(answer, { since: '2025-03-01', until: '2025-03-31' })).toBe(true);
    expect(answer.period).toEqual({ since: '2025-03-01', until: '2025-03-31' });
    expect(answer.undatedLeftOut).toBe(2);
  });

  it('reads relative dates against today', async () => {
    const answer = await ask('What boat was launched for the Ashford ferry last week?');
    expect(answer.period).toEqual({ since: '2026-11-16', until: '2026-11-22' });
    expect(answer.found).toBe(true);
    expect(new Set(dates(answer))).toEqual(new Set(['2026-11-18']));
  });

  it("limits a speaker's statements to the period", async () => {
    const answer = await ask('What did Maria Okafor say between January and March 2025?');
    expect(answer.speaker?.name).toBe('Maria Okafor');
    expect(answer.passages.map((p) => p.text).join(' ')).toContain('cover the cost of fuel');
    expect(allWithin(answer, { since: '2025-01-01', until: '2025-03-31' })).toBe(true);
    expect(new Set(dates(answer))).toEqual(new Set(['2025-01-14', '2025-03-10']));
  });

  it("says when a relative period holds nothing, naming the archive's oldest and newest dates", async () => {
    const answer = await ask('What happened to the Ashford ferry yesterday?');
    expect(answer.found).toBe(false);
    expect(answer.reason).toBe(
      'No dated article was published on 28 Nov 2026. The dated articles were published from 14 Jan 2025 to 18 Nov 2026.',
    );
    expect(answer.period).toEqual({ since: '2026-11-28', until: '2026-11-28' });
  });

  it('reads a year no article was published in as the time of the events, and says so', async () => {
    const answer = await ask('When did the Ashford ferry start crossing the estuary in 1990?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('since 1990');
    expect(answer.note).toContain('No dated article was published in 1990');
    expect(answer.period).toBeUndefined();
  });
});

describe("a month of a year ('in March 2025')", () => {
  it('whose articles do not answer is the month of events reported later, answered from the whole archive', async () => {
    const answer = await ask('How many hot cross buns did the Ashford bakery sell in March 2025?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('12,000 hot cross buns');
    expect(answer.note).toBe(
      'Nothing in the articles published in March 2025 answers this, so these passages are from the whole archive.',
    );
  });
});

describe('a year counted from today', () => {
  it('that holds nothing answering is answered from the whole archive, saying so', async () => {
    const answer = await ask('How long has the Ashford ferry crossed the estuary, as of last year?');
    expect(answer.found).toBe(true);
    expect(answer.passages.map((p) => p.text).join(' ')).toContain('since 1990');
    expect(answer.note).toBe(
      'Nothing in the articles published in 2025 answers this, so these passages are from the whole archive.',
    );
    expect(answer.period).toBeUndefined();
  });

  it("as the speaker's: statements of other dates about the topic when none of the year's is", async () => {
    const answer = await ask('What did Maria Okafor say about the town hall last year?');
    expect(answer.speaker?.name).toBe('Maria Okafor');
    expect(answer.passages[0]!.text).toContain('older than the town hall');
    expect(answer.note).toContain('Nothing in the articles published in 2025 answers this');
  });

  it('that no article was published in is read as the articles\' own "this year"', async () => {
    const answer = await ask("What did Maria Okafor say about this year's fares?", {
      today: new Date('2027-03-01T10:00:00Z'),
    });
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('cover the cost of fuel');
    expect(answer.note).toContain('No dated article was published from 1 Jan 2027 to 1 Mar 2027.');
  });
});

describe("an event of a day, week or month ('this week's storm')", () => {
  it('that no article was published in is read as one the articles report at other dates, saying so', async () => {
    const answer = await ask("What did this week's storm do to the Ashford pier?");
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('damaged the pier');
    expect(answer.note).toContain('No dated article was published from 23 Nov 2026 to 29 Nov 2026.');
  });
});

describe("a month without its year ('inflation in February')", () => {
  it("whose articles this year do not answer is answered from the archive's other dates, saying so", async () => {
    const answer = await ask('What new service did the Ashford ferry start in April?', {
      today: new Date('2025-06-15T10:00:00Z'),
    });
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('night service from April');
    expect(answer.note).toBe(
      'Nothing in the articles published in April 2025 answers this, so these passages are from the whole archive.',
    );
  });

  it("that no article was published in this year is the stories' own month, answered without a note", async () => {
    const answer = await ask('What new service did the Ashford ferry start in April?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('night service from April');
    expect(answer.note).toBeUndefined();
    const refused = await ask('How many passengers did the Ashford ferry carry in April?');
    expect(refused.found).toBe(false);
    expect(refused.reason).not.toContain('No dated article');
  });

  it('that is when the news was published keeps to the articles of then', async () => {
    const answer = await ask('What was in the news about the Ashford ferry in November?');
    expect(answer.period).toEqual({ since: '2026-11-01', until: '2026-11-30' });
    expect(new Set(dates(answer))).toEqual(new Set(['2026-11-18']));
  });
});

describe("a day without its year ('the dollar on April 7')", () => {
  it("that no article was published on this year is read as the latest earlier year's that has news of it", async () => {
    const answer = await ask('What was done to the Ashford ferry car park on April 22?');
    expect(answer.found).toBe(true);
    expect(answer.period).toEqual({ since: '2025-04-22', until: '2025-04-22' });
    expect(answer.passages[0]!.text).toContain('car park was resurfaced');
    expect(answer.note).toBeUndefined();
  });

  it("whose day's articles do not answer is answered from the whole archive, saying so", async () => {
    const answer = await ask('What did Maria Okafor say about shift workers on April 22?');
    expect(answer.passages[0]!.text).toContain('serve shift workers');
    expect(answer.note).toContain('Nothing in the articles published on 22 Apr 2025 answers this');
  });
});

describe('a year the archive does not cover', () => {
  it('refuses what a speaker said then, when no article mentions it', async () => {
    const answer = await ask('What did Maria Okafor say about the ferry in 2017?');
    expect(answer.found).toBe(false);
    expect(answer.reason).toBe('The indexed articles are from 2025–2026; none is from 2017 or mentions it.');
  });

  it("keeps only the speaker's statements in stories that mention it", async () => {
    const flood = await ask('What did Maria Okafor say about the 2012 flood?');
    expect(flood.found).toBe(false);
    expect(flood.reason).toBe('No article from 2012 or mentioning it quotes Maria Okafor.');
    const start = await ask("What did Maria Okafor say about the ferry's 1990 start?");
    expect(start.passages.map((p) => p.text)).toEqual([expect.stringContaining('older than the town hall')]);
  });

  it('keeps, for words said before or after it, only stories naming it as past, not as a plan', async () => {
    expect(yearsAround('What did Maria Okafor say before the 2030 bridge opening?')).toEqual([2030]);
    expect(yearsAround('What did Maria Okafor say about the bridge in 2030?')).toEqual([]);
    const before = await ask('What did Maria Okafor say about the ferry before the 2030 bridge opening?');
    expect(before.found).toBe(false);
    expect(before.reason).toBe('No article from 2030 or mentioning it quotes Maria Okafor.');
    const plan = await ask('What did Maria Okafor say about the 2030 bridge?');
    expect(plan.passages.map((p) => p.text)).toEqual([expect.stringContaining('until the bridge opens')]);
  });
});

describe('the since and until options', () => {
  it('win over dates in the question', async () => {
    const range = { since: '2025-05-01', until: '2025-05-31' };
    const answer = await ask('Why was the Ashford ferry cancelled for a week in March 2025?', { range });
    expect(answer.period).toEqual(range);
    expect(answer.found).toBe(true);
    expect(new Set(dates(answer))).toEqual(new Set(['2025-05-20']));
  });

  it('say when the period holds nothing, even for a date no relative words gave', async () => {
    const answer = await ask('Ashford ferry', { range: { since: '2024-01-01', until: '2024-12-31' } });
    expect(answer.found).toBe(false);
    expect(answer.reason).toContain('No dated article was published in 2024.');
  });
});

describe('a recency question', () => {
  it('ranks the newer of the relevant articles first', async () => {
    const plain = await ask('Ashford ferry');
    const latest = await ask("What's the latest on the Ashford ferry?");
    expect(latest.found).toBe(true);
    expect(latest.passages[0]!.citation.published).toBe('2026-11-18');
    expect(plain.passages[0]!.citation.published).not.toBe('2026-11-18');
  });
});

describe('search within a period', () => {
  it('still fills the top k from the period, by BM25 and by vectors alike', async () => {
    const config = testConfig({ DB_PATH: corpus.dbPath });
    const store = SqlitePassageStore.open(corpus.dbPath, config.EMBEDDING_MODEL, {
      sqliteVecPath: config.SQLITE_VEC_PATH,
    });
    try {
      const embedder = await sharedEmbedder();
      const question = 'Ashford ferry storm damaged the pier';
      const [vector] = await embedder.embed([question]);
      const range = { since: '2025-01-01', until: '2025-03-31' };
      for (const mode of ['bm25', 'vector', 'hybrid'] as const) {
        const hits = await searchPassages(store, question, vector!, {
          limit: 4,
          mode,
          vectorWeight: 0.5,
          range,
        });
        expect(hits.map((hit) => hit.passage.published).sort()).toEqual([
          '2025-01-14',
          '2025-01-14',
          '2025-03-10',
          '2025-03-10',
        ]);
      }
      expect(await store.period(range)).toEqual({
        articles: 2,
        undated: 2,
        oldest: '2025-01-14',
        newest: '2026-11-18',
      });
    } finally {
      await store.close();
    }
  });
});

describe('how an answer shows its period', () => {
  it('in the terminal and in Discord', async () => {
    const answer = await ask('What was planned for the Ashford ferry service in March 2025?');
    const line = 'Articles published in March 2025 (2 undated articles left out).';
    expect(formatAnswerText(answer).split('\n')).toContain(line);
    expect(renderAnswer(answer, 1).embeds[0]!.footer?.text).toBe(line);
    const empty = await ask('What happened to the Ashford ferry yesterday?');
    expect(renderAnswer(empty, 2).embeds[0]!.footer?.text).toBe(
      'Articles published on 28 Nov 2026 (2 undated articles left out).',
    );
  });
});

describe("the present week ('the storm this week')", () => {
  it('that no article was published in is read as the week the articles report, saying so', async () => {
    const answer = await ask('What did the storm do to the Ashford pier this week?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toContain('damaged the pier');
    expect(answer.note).toContain('No dated article was published from 23 Nov 2026 to 29 Nov 2026.');
  });

  it("is the asker's own week when they speak of themselves, which older news cannot answer", async () => {
    const answer = await ask('Which Ashford ferry should I take this week?');
    expect(answer.found).toBe(false);
    expect(answer.reason).toContain('No dated article was published from 23 Nov 2026 to 29 Nov 2026.');
  });
});
