import { describe, expect, it } from 'vitest';
import type { AnswerPassage } from '../src/answer/answer-schema.js';
import { topicBriefSchema, type TopicBrief } from '../src/answer/brief-schema.js';
import { renderBrief } from '../src/bot/render-brief.js';
import { renderDigest } from '../src/bot/render-digest.js';
import { digestOf, type DigestArticle } from '../src/store/index-digest.js';
import { expectWithinDiscordLimits } from './helpers/discord-limits.js';

const LONG = `@everyone ${'The council said the [reservoir](https://evil.example) would **open** soon. '.repeat(120)}`;

function passage(n: number, text = LONG): AnswerPassage {
  return {
    rank: n,
    text,
    highlight: { start: 10, end: 80 },
    score: 1,
    kind: 'body',
    citation: {
      n,
      articleId: `story-${n}.md`,
      title: `A headline that runs on and on ${'and on '.repeat(40)}`,
      source: 'County Wire',
      url: `https://example.org/${n}`,
      published: '2024-11-02',
      paragraph: n,
    },
  };
}

/** The largest brief the core builds, every text as long and awkward as an article can make it. */
const worstCase: TopicBrief = topicBriefSchema.parse({
  topic: `reservoir ${'x'.repeat(990)}`,
  found: true,
  reason: null,
  period: { since: '2024-11-01', until: '2024-11-30' },
  keyPoints: [1, 2, 3, 4, 5].map((n) => passage(n)),
  timeline: Array.from({ length: 10 }, (_, i) => ({
    articleId: `story-${i}.md`,
    published: `2024-11-${String(i + 10)}`,
    title: `Timeline headline ${'long '.repeat(60)}`,
    source: 'County Wire',
    url: null,
    line: LONG,
  })),
  speakers: [6, 7, 8].map((n) => ({
    name: `Speaker ${'Name '.repeat(40)}`,
    roles: ['council leader '.repeat(20)],
    statements: 3,
    passage: passage(n),
  })),
  sources: Array.from({ length: 8 }, (_, i) => ({
    articleId: `story-${i + 1}.md`,
    title: `Source headline ${'long '.repeat(60)}`,
    source: 'County Wire',
    url: `https://example.org/${i + 1}`,
    published: '2024-11-02',
    citations: [i + 1],
  })),
});

describe('renderBrief', () => {
  it('fits Discord limits with the longest brief, keeps every section and pings nobody', () => {
    const message = renderBrief(worstCase);
    expectWithinDiscordLimits(message);
    expect(message.embeds.map((embed) => embed.title?.split(':')[0])).toEqual([
      'Brief',
      'Timeline',
      'Who said what',
      'Sources',
    ]);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(JSON.stringify(message)).not.toContain('@everyone');
    // An article's markdown link is shown as text, not as a link.
    expect(message.embeds[0]!.description).toContain('\\[reservoir\\](https://evil.example)');
    expect(message.embeds[0]!.description).not.toMatch(/[^\\]\]\(https:\/\/evil/);
  });
});

describe('renderDigest', () => {
  it('shows as many headlines as fit a short message, by source, and counts the rest', () => {
    const articles: DigestArticle[] = Array.from({ length: 150 }, (_, i) => ({
      key: `a-${i}`,
      title: `Headline ${i} ${'words '.repeat(30)}`,
      source: i % 3 ? 'Reuters' : null,
      url: `https://example.org/${i}`,
      change: i % 5 ? 'added' : 'updated',
    }));
    const message = renderDigest(digestOf(articles)!);
    expectWithinDiscordLimits(message);
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('New in the archive: 120 articles added, 30 updated');
    expect(embed.description!.length).toBeLessThanOrEqual(2000);
    expect(embed.description).toMatch(/^\*\*Reuters\*\*\n• \[Headline 1 /);
    const shown = embed.description!.split('\n').filter((line) => line.startsWith('• ')).length;
    expect(embed.description).toMatch(new RegExp(`… and ${150 - shown} more articles$`));
  });

  it('has nothing to post when nothing was added or updated', () => {
    expect(digestOf([])).toBeNull();
  });
});
