import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Answer, AnswerPassage, Citation } from '../answer/answer-schema.js';
import { NOTHING_FOUND } from '../answer/build-answer.js';
import { describeCitation } from '../answer/citation-text.js';
import { periodLine } from '../answer/period-text.js';
import type { ShownAnswer } from '../store/feedback-store.js';
import { feedbackRow } from './feedback.js';
import {
  cutAtSentence,
  DISCORD_LIMITS,
  embedLength,
  excerptAround,
  fairShares,
  fitWithin,
  packLines,
} from './limits.js';
import { fitLiteral, linkedWithin, literal, NO_PINGS } from './safe-text.js';

/** A message ready to send, as a reply, an interaction response or an edit of one. */
export interface BotMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_PINGS;
}

export const FOUND_COLOR = 0x5865f2;
export const NOT_FOUND_COLOR = 0x99aab5;

/**
 * The answer module returns at most 10 passages by default; more would leave each too little room. With this
 * many, the sources (at most SOURCE_LINE_CHARS each) and a title always leave the passages over 2,000
 * characters of the 6,000 an embed may hold.
 */
const MAX_PASSAGES_SHOWN = 10;
const SOURCE_LINE_CHARS = 300;
/** Headlines run long and every source line repeats one; the link leads to the rest. */
const SOURCE_HEADLINE_CHARS = 70;
const PASSAGE_SEPARATOR = '\n\n';
/** A note names a speaker and a topic; longer ones are cut rather than crowding out the passages. */
const NOTE_CHARS = 300;

const shownPassages = (answer: Answer): AnswerPassage[] => answer.passages.slice(0, MAX_PASSAGES_SHOWN);

/** What the feedback store keeps about an answer: the question and where each quote shown came from. */
export function shownAnswer(answer: Answer): ShownAnswer {
  return {
    question: answer.question,
    found: answer.found,
    passages: shownPassages(answer).map(({ citation }) => ({
      n: citation.n,
      articleId: citation.articleId,
      paragraph: citation.paragraph,
    })),
  };
}

function heading(answer: Answer): string {
  if (!answer.speaker) return answer.question || 'Your question';
  const { name, roles } = answer.speaker;
  return roles.length ? `${name} (${roles.join('; ')})` : name;
}

/** `text` with the highlighted span in bold; the markers hug the words, or Discord shows them as asterisks. */
function embolden(text: string, highlight: { start: number; end: number }): string {
  const marked = text.slice(highlight.start, highlight.end);
  const core = marked.trim();
  if (!core) return literal(text);
  const coreStart = highlight.start + marked.indexOf(core);
  const coreEnd = coreStart + core.length;
  return `${literal(text.slice(0, coreStart))}**${literal(core)}**${literal(text.slice(coreEnd))}`;
}

/** One numbered quote, at most `max` characters, cut around its answering sentence when too long. */
export function renderPassage(passage: AnswerPassage, max: number): string {
  const prefix = `> **[${passage.citation.n}]** `;
  return fitWithin(max, (room) => {
    const excerpt = excerptAround(passage.text, passage.highlight, room - prefix.length);
    return prefix + embolden(excerpt.text, excerpt.highlight);
  });
}

/** "[1] Headline — Source, 3 Jun 2025, paragraph 6", linked to the article when it has a URL. */
function renderSource(citation: Citation): string {
  const prefix = `**[${citation.n}]** `;
  const described = describeCitation({
    ...citation,
    title: cutAtSentence(citation.title, SOURCE_HEADLINE_CHARS),
  });
  const label = fitLiteral(described, SOURCE_LINE_CHARS - prefix.length);
  return prefix + linkedWithin(label, citation.url, SOURCE_LINE_CHARS - prefix.length);
}

/** Numbered quotes sharing `room` characters fairly, each cut around its answering sentence. */
export function renderPassages(passages: readonly AnswerPassage[], room: number): string {
  const full = passages.map((passage) => renderPassage(passage, Infinity).length);
  const shares = fairShares(full, room - PASSAGE_SEPARATOR.length * (passages.length - 1));
  return passages.map((passage, i) => renderPassage(passage, shares[i]!)).join(PASSAGE_SEPARATOR);
}

/** The period the answer was drawn from, under it; none for an answer from articles of any date. */
function periodFooter(answer: Answer): Pick<APIEmbed, 'footer'> {
  const line = periodLine(answer);
  // Dates and counts only: short, and a footer shows no Markdown, so it needs no escaping.
  return line ? { footer: { text: line } } : {};
}

function foundEmbed(answer: Answer): APIEmbed {
  const passages = shownPassages(answer);
  const fields = packLines(
    passages.map(({ citation }) => renderSource(citation)),
    DISCORD_LIMITS.fieldValue,
  ).map((value, i) => ({ name: i === 0 ? 'Sources' : 'Sources (continued)', value }));
  const title = fitLiteral(heading(answer), DISCORD_LIMITS.embedTitle);
  const footer = periodFooter(answer);
  // The note says how to read the passages ("none is clearly about ..."), so it comes before them.
  const note = answer.note ? `*${fitLiteral(answer.note, NOTE_CHARS)}*${PASSAGE_SEPARATOR}` : '';
  const room =
    Math.min(
      DISCORD_LIMITS.embedDescription,
      DISCORD_LIMITS.embedTotal - embedLength({ title, fields, ...footer }),
    ) - note.length;
  return {
    title,
    description: note + renderPassages(passages, room),
    color: FOUND_COLOR,
    fields,
    ...footer,
  };
}

function notFoundEmbed(answer: Answer): APIEmbed {
  return {
    title: fitLiteral(heading(answer), DISCORD_LIMITS.embedTitle),
    description: fitLiteral(answer.reason ?? NOTHING_FOUND, DISCORD_LIMITS.embedDescription),
    color: NOT_FOUND_COLOR,
    ...periodFooter(answer),
  };
}

/**
 * An answer as a Discord message: the speaker or question as title, the passages as numbered quotes with
 * the answering sentence in bold, the sources with links, and 👍 / 👎 buttons for `answerId`. Pure, and
 * always within Discord's limits whatever the passages hold.
 */
export function renderAnswer(answer: Answer, answerId: number): BotMessage {
  return {
    embeds: [answer.found && answer.passages.length ? foundEmbed(answer) : notFoundEmbed(answer)],
    components: [feedbackRow(answerId)],
    allowedMentions: NO_PINGS,
  };
}
