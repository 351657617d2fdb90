import type { APIEmbed } from 'discord.js';
import type { BriefSource, TopicBrief } from '../answer/brief-schema.js';
import { formatPublished } from '../answer/citation-text.js';
import { periodInTitle } from '../answer/period-text.js';
import { NOTHING_ON_TOPIC } from '../answer/topic-brief.js';
import { plural } from '../plural.js';
import { DISCORD_LIMITS, embedLength, fairShares, packLines } from './limits.js';
import { FOUND_COLOR, NOT_FOUND_COLOR, renderPassages, type BotMessage } from './render-answer.js';
import { fitLiteral, linkedWithin, literal, NO_PINGS } from './safe-text.js';

/**
 * Characters of each section, under the 6,000 all embeds of a message may hold together (titles take the
 * rest): the key points get most, as the brief's substance; each also stays under a description's 4,096.
 */
const BUDGET = { keyPoints: 2400, timeline: 1500, speakers: 1000, sources: 900 } as const;
const TITLE_CHARS = 200;
const HEADLINE_CHARS = 90;

/** "`3 Jun 1987` **Headline**: the line on the topic", each line its fair share of `room`. */
function timelineText(brief: TopicBrief, room: number): string {
  const lines = brief.timeline.map((entry) => {
    const head = `\`${formatPublished(entry.published)}\` **${fitLiteral(entry.title, HEADLINE_CHARS)}**`;
    return { head, line: entry.line };
  });
  const shares = fairShares(
    lines.map(({ head, line }) => head.length + 2 + literal(line).length),
    room - lines.length,
  );
  return lines
    .map(({ head, line }, i) => `${head}: ${fitLiteral(line, Math.max(0, shares[i]! - head.length - 2))}`)
    .join('\n');
}

/** Each speaker in bold with their roles, then their statement as a numbered quote. */
function speakersText(brief: TopicBrief, room: number): string {
  const heads = brief.speakers.map(({ name, roles }) =>
    fitLiteral(`${name}${roles.length ? ` (${roles.join('; ')})` : ''}`, 120),
  );
  const shares = fairShares(
    brief.speakers.map((speaker, i) => heads[i]!.length + 5 + speaker.passage.text.length + 20),
    room - brief.speakers.length,
  );
  return brief.speakers
    .map(
      (speaker, i) =>
        `**${heads[i]}**\n${renderPassages([speaker.passage], Math.max(0, shares[i]! - heads[i]!.length - 5))}`,
    )
    .join('\n');
}

/** "[1, 3] Headline — Reuters, 3 Jun 1987", linked to the article when it has a URL. */
function sourceLine(source: BriefSource, max: number): string {
  const prefix = `**[${source.citations.join(', ')}]** `;
  const details = [source.source, source.published && formatPublished(source.published)].filter(Boolean);
  const label = fitLiteral(
    `${source.title}${details.length ? ` — ${details.join(', ')}` : ''}`,
    Math.min(max - prefix.length, HEADLINE_CHARS + 40),
  );
  return prefix + linkedWithin(label, source.url, max - prefix.length);
}

function sourcesText(brief: TopicBrief, room: number): string {
  const per = Math.floor((room - brief.sources.length) / Math.max(1, brief.sources.length));
  // Lines that do not fit the budget are left out rather than cut to nothing; the footer counts them all.
  return packLines(
    brief.sources.map((source) => sourceLine(source, per)),
    room,
  )[0]!;
}

function notFoundMessage(brief: TopicBrief): BotMessage {
  return {
    embeds: [
      {
        title: fitLiteral(`Brief: ${brief.topic || 'your topic'}`, TITLE_CHARS),
        description: fitLiteral(brief.reason ?? NOTHING_ON_TOPIC, DISCORD_LIMITS.embedDescription),
        color: NOT_FOUND_COLOR,
      },
    ],
    components: [],
    allowedMentions: NO_PINGS,
  };
}

/**
 * A brief as one Discord message of up to four embeds (key points, timeline, who said what, sources),
 * within Discord's limits whatever the articles hold. Pure.
 */
export function renderBrief(brief: TopicBrief): BotMessage {
  if (!brief.found || brief.keyPoints.length === 0) return notFoundMessage(brief);
  const embeds: APIEmbed[] = [
    {
      title: fitLiteral(`Brief: ${brief.topic}${periodInTitle(brief.period)}`, TITLE_CHARS),
      description: renderPassages(brief.keyPoints, BUDGET.keyPoints),
      color: FOUND_COLOR,
    },
  ];
  if (brief.timeline.length > 0)
    embeds.push({ title: 'Timeline', description: timelineText(brief, BUDGET.timeline), color: FOUND_COLOR });
  if (brief.speakers.length > 0)
    embeds.push({
      title: 'Who said what',
      description: speakersText(brief, BUDGET.speakers),
      color: FOUND_COLOR,
    });
  embeds.push({
    title: 'Sources',
    description: sourcesText(brief, BUDGET.sources),
    color: FOUND_COLOR,
    footer: { text: `${plural(brief.sources.length, 'article')} cited` },
  });
  // The budgets add up to less than the limit; this only guards against a future change of them.
  while (embeds.reduce((total, embed) => total + embedLength(embed), 0) > DISCORD_LIMITS.embedTotal)
    embeds.splice(-2, 1);
  return { embeds, components: [], allowedMentions: NO_PINGS };
}
