import fc from 'fast-check';
import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answerSchema, type Answer, type AnswerPassage } from '../src/answer/answer-schema.js';
import { NOTHING_FOUND } from '../src/answer/build-answer.js';
import { formatAnswerText } from '../src/answer/format-text.js';
import { speakerChoices } from '../src/bot/commands/quotes.js';
import { Cooldown } from '../src/bot/cooldown.js';
import { cutAtSentence, DISCORD_LIMITS, ELLIPSIS, excerptAround, fairShares } from '../src/bot/limits.js';
import { questionIn } from '../src/bot/message-question.js';
import { NOT_FOUND_COLOR, renderAnswer, shownAnswer } from '../src/bot/render-answer.js';
import { ARTICLES_PER_PAGE, renderSources } from '../src/bot/render-sources.js';
import type { ArticleRecord } from '../src/store/passage-store.js';
import { expectWithinDiscordLimits } from './helpers/discord-limits.js';

const HEADLINE =
  'Putin must meet a deadline for peace in Ukraine... or meet the consequences: NATO leaders warning as they reveal Russias staggering death toll in war';

function passage(
  n: number,
  text: string,
  highlighted: string,
  citation: Partial<AnswerPassage['citation']> = {},
) {
  const start = text.indexOf(highlighted);
  return {
    rank: n,
    text,
    highlight: { start, end: start + highlighted.length },
    score: 1 / n,
    kind: 'body' as const,
    citation: {
      n,
      articleId: 'nato.txt',
      title: HEADLINE,
      source: 'Daily Wire',
      url: 'https://example.org/nato',
      published: '2025-04-04T10:00:00Z',
      paragraph: n + 5,
      ...citation,
    },
  };
}

const answer = (fields: Partial<Answer>): Answer =>
  answerSchema.parse({
    question: 'what did Lammy say?',
    found: true,
    speaker: null,
    reason: null,
    passages: [],
    ...fields,
  });

const LAMMY = answer({
  speaker: { name: 'David Lammy', roles: ['British foreign minister'] },
  passages: [
    passage(
      1,
      'NATO ministers met in Brussels. We continue to bear down the sanctions on Russia, Lammy said. Talks go on.',
      'We continue to bear down the sanctions on Russia, Lammy said.',
    ),
    passage(2, 'We see, Vladimir Putin. We know what youre doing.', 'We see, Vladimir Putin.', {
      url: null,
      source: null,
      published: null,
    }),
  ],
});

/** Sentences of about 100 characters, numbered so a cut position can be read back. */
const longText = (sentences: number, marker = '') =>
  Array.from(
    { length: sentences },
    (_, i) => `Sentence ${i} of the inspectors' report says the hull girders passed every check${marker}.`,
  ).join(' ');

describe('cutting text to a limit', () => {
  it('leaves text that fits alone', () => {
    expect(cutAtSentence('Short. Text.', 12)).toBe('Short. Text.');
  });

  it('cuts at the last sentence end that fits, marked with an ellipsis', () => {
    const text = longText(50);
    const cut = cutAtSentence(text, 1000);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut).toMatch(new RegExp(`check\\. ${ELLIPSIS}$`));
    expect(text.startsWith(cut.slice(0, -2))).toBe(true);
  });

  it('cuts at a word when the first sentence alone is too long', () => {
    const cut = cutAtSentence('word '.repeat(400).trim() + '.', 101);
    expect(cut).toBe('word '.repeat(20).trim() + ELLIPSIS);
  });

  it('never splits an emoji in two', () => {
    expect(cutAtSentence('🎉'.repeat(100), 11)).toBe('🎉'.repeat(5) + ELLIPSIS);
  });

  it('never exceeds the limit, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000, unit: 'grapheme' }),
        fc.integer({ min: 2, max: 2000 }),
        (text, max) => {
          expect(cutAtSentence(text, max).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it('keeps the highlighted sentence in view: after the cut when early, led by "… " when late', () => {
    const text = longText(60);
    const early = text.indexOf('Sentence 2 ');
    const kept = excerptAround(text, { start: early, end: text.indexOf('Sentence 3 ') - 1 }, 1000);
    expect(kept.text.slice(kept.highlight.start, kept.highlight.end)).toMatch(/^Sentence 2 .*check\.$/);

    const late = text.indexOf('Sentence 40 ');
    const moved = excerptAround(text, { start: late, end: text.indexOf('Sentence 41 ') - 1 }, 1000);
    expect(moved.text.startsWith(`${ELLIPSIS} Sentence 40 `)).toBe(true);
    expect(moved.text.length).toBeLessThanOrEqual(1000);
    expect(moved.text.slice(moved.highlight.start, moved.highlight.end)).toMatch(/^Sentence 40 .*check\.$/);
  });

  it('shares room so that short texts keep everything and long ones split the rest', () => {
    expect(fairShares([100, 5000, 5000], 3100)).toEqual([100, 1500, 1500]);
    expect(fairShares([10, 20], 1000)).toEqual([10, 20]);
  });
});

describe('rendering an answer', () => {
  it('titles a speaker answer with the name and role, numbers the quotes and bolds the answering sentence', () => {
    const [embed] = renderAnswer(LAMMY, 42).embeds;
    expect(embed?.title).toBe('David Lammy (British foreign minister)');
    expect(embed?.description).toBe(
      '> **[1]** NATO ministers met in Brussels. **We continue to bear down the sanctions on Russia, Lammy said.** Talks go on.\n\n' +
        '> **[2]** **We see, Vladimir Putin.** We know what youre doing.',
    );
  });

  it('lists each citation under Sources, linked when the article has a URL', () => {
    const [embed] = renderAnswer(LAMMY, 42).embeds;
    expect(embed?.fields).toEqual([
      {
        name: 'Sources',
        value:
          '**[1]** [Putin must meet a deadline for peace in Ukraine... — Daily Wire, 4 Apr 2025, paragraph 6](https://example.org/nato)\n' +
          '**[2]** Putin must meet a deadline for peace in Ukraine... — paragraph 7',
      },
    ]);
  });

  it('cites every paragraph a quote is shown with, in order', () => {
    const completed = answer({
      passages: [
        passage(1, 'The bid was thrown out. The ruling followed a review.', 'The bid was thrown out.', {
          paragraph: 4,
          alsoParagraphs: [2, 5],
          url: null,
        }),
      ],
    });
    expect(renderAnswer(completed, 1).embeds[0]?.fields?.[0]?.value).toBe(
      '**[1]** Putin must meet a deadline for peace in Ukraine... — Daily Wire, 4 Apr 2025, paragraphs 2, 4 and 5',
    );
  });

  it("shows an answer's note before the passages, in the terminal and in Discord", () => {
    const note =
      'None of the statements by David Lammy is clearly about "punishing Moscow"; here are the closest.';
    const noted = answer({ ...LAMMY, note });
    const [embed] = renderAnswer(noted, 1).embeds;
    expect(embed!.description).toMatch(
      /^\*None of the statements by David Lammy is clearly about "punishing Moscow"; here are the closest\.\*\n\n> \*\*\[1\]\*\*/,
    );
    expect(formatAnswerText(noted)).toMatch(
      /said:\n\nNone of the statements .* closest\.\n\n\[1\] NATO ministers/,
    );
    expect(renderAnswer(LAMMY, 1).embeds[0]!.description).not.toContain('None of');
  });

  it('titles a topic answer with the question', () => {
    const topic = answer({ question: 'Where were the talks?', passages: LAMMY.passages });
    expect(renderAnswer(topic, 1).embeds[0]?.title).toBe('Where were the talks?');
  });

  it('says plainly when nothing answers, with the reason and no sources', () => {
    const [embed] = renderAnswer(
      answer({ found: false, reason: NOTHING_FOUND, question: 'football results' }),
      7,
    ).embeds;
    expect(embed).toEqual({ title: 'football results', description: NOTHING_FOUND, color: NOT_FOUND_COLOR });
  });

  it('carries 👍 / 👎 buttons for the recorded answer, and never pings', () => {
    const message = renderAnswer(LAMMY, 42);
    expect(message.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: 'feedback:42:up',
            emoji: { name: '👍' },
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: 'feedback:42:down',
            emoji: { name: '👎' },
          },
        ],
      },
    ]);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(shownAnswer(LAMMY)).toEqual({
      question: 'what did Lammy say?',
      found: true,
      passages: [
        { n: 1, articleId: 'nato.txt', paragraph: 6 },
        { n: 2, articleId: 'nato.txt', paragraph: 7 },
      ],
    });
  });

  it('shows @everyone and user mentions in articles as text that cannot ping', () => {
    const text = '@everyone look: <@123456789012345678> and @here said it.';
    const [embed] = renderAnswer(answer({ passages: [passage(1, text, text)] }), 1).embeds;
    expect(embed?.description).toBe(
      '> **[1]** **@\u200beveryone look: \\<@123456789012345678> and @\u200bhere said it.**',
    );
  });

  it('escapes markdown and forged links in article text', () => {
    const text = 'Prices *soared* by 5% [see](https://evil.example) _today_.';
    const [embed] = renderAnswer(answer({ passages: [passage(1, text, text)] }), 1).embeds;
    expect(embed?.description).toBe(
      '> **[1]** **Prices \\*soared\\* by 5% \\[see\\](https://evil.example) \\_today\\_.**',
    );
  });

  it('cuts a 5,000-character passage at a sentence boundary, keeping its highlight bold', () => {
    const text = longText(70);
    const highlighted = text.match(/Sentence 3 [^.]*\./)![0];
    const message = renderAnswer(answer({ passages: [passage(1, text, highlighted)] }), 1);
    const description = message.embeds[0]!.description!;
    expect(text.length).toBeGreaterThan(5000);
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(description).toMatch(new RegExp(`check\\. ${ELLIPSIS}$`));
    expect(description).toContain(`**${highlighted}**`);
    expectWithinDiscordLimits(message);
  });

  it('stays within every Discord limit, whatever the passages, headlines, sources and links', () => {
    const longString = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' });
    const arbitraryPassage = fc
      .record({
        text: fc.oneof(longString(6000), fc.constant(longText(60, ' *and* @everyone'))),
        title: longString(600),
        source: fc.option(longString(400)),
        url: fc.option(fc.oneof(fc.webUrl(), fc.constant(`https://example.org/${'x('.repeat(1200)}`))),
        from: fc.nat(),
        length: fc.nat(),
      })
      .filter(({ text }) => /\S/.test(text));
    fc.assert(
      fc.property(
        fc.array(arbitraryPassage, { minLength: 1, maxLength: 12 }),
        longString(1200),
        (drawn, question) => {
          const passages = drawn.map(({ text, title, source, url, from, length }, i) => {
            const start = from % text.length;
            return {
              ...passage(i + 1, text, '', { title, source, url }),
              highlight: { start, end: Math.min(text.length, start + 1 + (length % 400)) },
            };
          });
          const speaker = question.length % 2 ? { name: question, roles: [question] } : null;
          const note = question.length % 3 ? undefined : `None of the statements is about ${question}.`;
          expectWithinDiscordLimits(renderAnswer(answer({ question, speaker, passages, note }), 2 ** 40));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('rendering the list of sources', () => {
  const articles: ArticleRecord[] = Array.from({ length: 23 }, (_, i) => ({
    id: i + 1,
    key: `a${i}.md`,
    title: i === 4 ? `A very long headline ${'that goes on '.repeat(60)}` : `Headline ${i + 1}`,
    source: i % 2 ? 'Lake Gazette' : null,
    url: i % 3 ? `https://example.org/${i}` : null,
    published: i % 4 ? '2025-06-03' : null,
    passages: i + 1,
  }));

  it('shows ten articles a page, numbered, with details and a page count', () => {
    const [embed] = renderSources(articles, 0).embeds;
    const lines = embed!.description!.split('\n');
    expect(lines).toHaveLength(ARTICLES_PER_PAGE);
    expect(lines[0]).toBe('**1.** Headline 1 — 1 passage');
    expect(lines[1]).toBe(
      '**2.** [Headline 2](https://example.org/1) — Lake Gazette · 3 Jun 2025 · 2 passages',
    );
    expect(embed?.footer?.text).toBe('Page 1 of 3 · 23 articles, 276 passages');
  });

  it('pages with Previous/Next, disabled at either end, and clamps pages that no longer exist', () => {
    const buttons = (page: number) =>
      (
        renderSources(articles, page).components[0]!.components as { custom_id: string; disabled: boolean }[]
      ).map(({ custom_id, disabled }) => [custom_id, disabled]);
    expect(buttons(0)).toEqual([
      ['sources:prev:0', true],
      ['sources:next:1', false],
    ]);
    expect(buttons(1)).toEqual([
      ['sources:prev:0', false],
      ['sources:next:2', false],
    ]);
    expect(buttons(9)).toEqual([
      ['sources:prev:1', false],
      ['sources:next:2', true],
    ]);
    expect(renderSources(articles.slice(0, 3), 0).components).toEqual([]);
    for (let page = 0; page < 3; page++) expectWithinDiscordLimits(renderSources(articles, page));
  });
});

describe('small pure pieces of the bot', () => {
  const speakers = Array.from({ length: 40 }, (_, i) => ({
    name: i === 0 ? 'David Lammy' : `Speaker ${i} ${'x'.repeat(i === 1 ? 120 : 0)}`.trim(),
    surname: i === 0 ? 'Lammy' : `${i}`,
    roles: i === 0 ? ['British foreign minister'] : [`role ${'y'.repeat(i * 3)}`],
    quotes: 40 - i,
  }));

  it('offers at most 25 speakers matching the typed text by name or role, names within 100 characters', () => {
    expect(speakerChoices(speakers, 'LAM')).toEqual([
      { name: 'David Lammy · British foreign minister · 40 quotes', value: 'David Lammy' },
    ]);
    expect(speakerChoices(speakers, 'foreign').map((c) => c.value)).toEqual(['David Lammy']);
    const all = speakerChoices(speakers, '');
    expect(all).toHaveLength(DISCORD_LIMITS.autocompleteChoices);
    expect(all.map((c) => c.value)).not.toContain(speakers[1]!.name);
    for (const choice of all) expect(choice.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
  });

  it('finds the question in a message, and none in greetings, thanks or a bare mention', () => {
    const bot = '111111111111111111';
    expect(questionIn(`<@${bot}> what did Lammy say?`, bot)).toBe('what did Lammy say?');
    expect(questionIn(`<@!${bot}>   sanctions\n on Russia`, bot)).toBe('sanctions on Russia');
    for (const smallTalk of [
      `<@${bot}>`,
      'hi',
      'Hello there!',
      `<@${bot}> thanks a lot`,
      'ok thanks',
      '👍',
      '???',
    ]) {
      expect(questionIn(smallTalk, bot)).toBeNull();
    }
  });

  it('lets one request per window through, warns once, then stays silent until the window ends', () => {
    let now = 0;
    const cooldown = new Cooldown(5, () => now);
    expect(cooldown.check('alice')).toEqual({ kind: 'allowed' });
    expect(cooldown.check('bob')).toEqual({ kind: 'allowed' });
    now = 1_000;
    expect(cooldown.check('alice')).toEqual({ kind: 'warn', retryAfterSeconds: 4 });
    expect(cooldown.check('alice')).toEqual({ kind: 'silent', retryAfterSeconds: 4 });
    now = 5_000;
    expect(cooldown.check('alice')).toEqual({ kind: 'allowed' });
    expect(new Cooldown(0, () => now).check('alice')).toEqual({ kind: 'allowed' });
  });
});
