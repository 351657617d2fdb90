import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema } from '../src/answer/answer-schema.js';
import { Briefing } from '../src/answer/briefing.js';
import { renderAnswer } from '../src/bot/render-answer.js';
import { reindex } from '../src/ingest/reindex.js';
import { scratchCorpus, writeGeneratedArticles } from './helpers/corpus.js';
import { expectWithinDiscordLimits } from './helpers/discord-limits.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

const RUNS = 1000;

/** Words the index holds, so that junk around them still reaches real passages and speakers. */
const INDEXED_WORDS = ['Lammy', 'Putin', 'sanctions', 'NATO', 'Ukraine', 'casualties', 'ferry', 'council'];
const FTS5_SYNTAX = [
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(',
  'NEAR/2',
  '*',
  '^',
  '"',
  "'",
  '(',
  ')',
  ':',
  '-',
  '+',
  '""',
  'text:',
  'title:',
  '{text title}:',
  'passages_fts:',
  'rank:',
  '\u0000',
];
const SQL_FRAGMENTS = [
  "'; DROP TABLE passages; --",
  '" OR 1=1 --',
  "1'); DELETE FROM articles; --",
  'UNION SELECT * FROM sqlite_master',
  "x'); PRAGMA writable_schema=1; --",
  '%_\\',
];
const BLANKS = [' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\u200b', '\ufeff'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const token = fc.oneof(
  fc.constantFrom(...INDEXED_WORDS),
  fc.constantFrom(...FTS5_SYNTAX),
  fc.constantFrom(...SQL_FRAGMENTS),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  loneSurrogate,
);
const junk = fc.array(token, { maxLength: 10 }).map((tokens) => tokens.join(' '));

/** Names and roles that resolve to indexed speakers, alone or with junk, so the speaker path runs too. */
const speaker = fc.oneof(
  fc.constantFrom(
    'Lammy',
    'David Lammy',
    'the Estonian foreign minister',
    'Tsahkna',
    'Maria Okafor',
    'Okafor',
  ),
  junk,
  fc.tuple(fc.constantFrom('Lammy', 'Okafor'), junk).map(([name, noise]) => `${name} ${noise}`),
);

const speakerQuestion = fc.oneof(
  fc.constantFrom('what did "\' say?', 'what did NEAR( say about *', "what did ' OR 1=1 say?"),
  fc
    .tuple(
      fc.constantFrom(
        (who: string, what: string) => `what did ${who} say about ${what}?`,
        (who: string) => `What did ${who} say?`,
        (who: string, what: string) => `quotes from ${who} on ${what}`,
        (who: string) => `${who}'s remarks`,
        (who: string, what: string) => `how did ${who} react to ${what}`,
      ),
      speaker,
      junk,
    )
    .map(([shape, who, what]) => shape(who, what)),
);

const tenThousand = fc.oneof(
  fc.string({ unit: 'binary', minLength: 10_000, maxLength: 10_000 }),
  token.map((word) => `${word} `.repeat(10_000).slice(0, 10_000)),
);

const blank = fc.string({ unit: fc.constantFrom(...BLANKS), maxLength: 20 });

const question = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
  { arbitrary: junk, weight: 4 },
  { arbitrary: speakerQuestion, weight: 3 },
  { arbitrary: tenThousand, weight: 1 },
  { arbitrary: blank, weight: 1 },
);

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let briefing: Briefing;

beforeAll(async () => {
  corpus = await scratchCorpus();
  await writeGeneratedArticles(path.join(corpus.articlesDir, 'generated'), 24);
  const config = testConfig({ DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir });
  const embedder = await sharedEmbedder();
  await reindex(config, { full: false, prune: false, dryRun: false }, async () => embedder);
  briefing = await Briefing.open(config, embedder);
});

afterAll(async () => {
  briefing?.close();
  await corpus?.cleanup();
});

/** What a user could tell apart: how much is indexed, and what a known question gets. */
async function indexState() {
  return {
    passages: await briefing.passageCount(),
    articles: (await briefing.articles()).length,
    speakers: (await briefing.speakers()).length,
    lammy: await briefing.ask('What did Lammy say about sanctions?'),
  };
}

describe('1,000 random questions', () => {
  it('are all answered with a valid answer that renders within Discord limits, and leave the index as it was', async () => {
    const before = await indexState();
    expect(before.lammy.found).toBe(true);

    await fc.assert(
      fc.asyncProperty(question, async (asked) => {
        const answer = await briefing.ask(asked);
        const parsed = answerSchema.safeParse(answer);
        expect(parsed.error?.issues ?? []).toEqual([]);
        // A user sees either quotes or a reason, never an empty "found" answer or an empty "not found".
        expect(answer.found).toBe(answer.passages.length > 0);
        if (!answer.found) expect(answer.reason).toEqual(expect.stringMatching(/\S/));

        const message = renderAnswer(answer, 1);
        expectWithinDiscordLimits(message);
        expect(message.allowedMentions.parse).toEqual([]);
      }),
      // A NUL inside a speaker question once reached FTS5 and ended its string early.
      { numRuns: RUNS, examples: [['what did Lammy \u0000 say about AND?']] },
    );

    expect(await indexState()).toEqual(before);
  }, 240_000);
});
