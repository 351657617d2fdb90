import type { APIEmbed } from 'discord.js';
import { sentenceSpans, type Span } from '../document/sentence-split.js';

/**
 * Discord's limits on what a bot sends; going over any of them fails the whole request with 400. Lengths are
 * measured in UTF-16 code units (`string.length`), never fewer than the characters Discord counts, so a text
 * that fits here fits there.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  /** Title, description, field names and values, footer and author name of all embeds together. */
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonsPerRow: 5,
} as const;

export const ELLIPSIS = '…';

/** A sentence cut keeps at least this share of the room; otherwise a word cut loses less text. */
const MIN_SENTENCE_CUT_SHARE = 0.5;

/** Where to cut `text` so that what is kept plus its ellipsis fits `max`, and that ellipsis. */
function cutPoint(text: string, max: number): { end: number; suffix: string } {
  const sentenceRoom = max - ` ${ELLIPSIS}`.length;
  // Only the part that can be kept is split: sentence ends before the cut do not depend on what follows it.
  const sentenceEnd = sentenceSpans(text.slice(0, max + 1))
    .map((span) => span.end)
    .filter((end) => end <= sentenceRoom)
    .at(-1);
  if (sentenceEnd !== undefined && sentenceEnd >= sentenceRoom * MIN_SENTENCE_CUT_SHARE) {
    // "Peace in Ukraine..." already says that more follows.
    return {
      end: sentenceEnd,
      suffix: /(?:\.\.\.|…)$/.test(text.slice(0, sentenceEnd)) ? '' : ` ${ELLIPSIS}`,
    };
  }
  const room = Math.max(0, max - ELLIPSIS.length);
  const lastSpace = text.slice(0, room + 1).search(/\s+\S*$/);
  let end = lastSpace >= room * MIN_SENTENCE_CUT_SHARE ? lastSpace : room;
  // Never leave half of a surrogate pair (an emoji, say) before the ellipsis.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return { end, suffix: ELLIPSIS };
}

/**
 * `text` shortened to at most `max` characters: at the last sentence end that fits, else at a word, with
 * "…" showing that something was left out. Unchanged when it already fits.
 */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const { end, suffix } = cutPoint(text, max);
  return text.slice(0, end).trimEnd() + suffix;
}

/** A passage shortened around the sentence that answers, with the highlight's new offsets. */
interface Excerpt {
  text: string;
  highlight: Span;
}

/**
 * At most `max` characters of `text` that keep the highlighted span in view: cut after the highlight when it
 * sits early enough, otherwise starting at the highlight with a leading "… ".
 */
export function excerptAround(text: string, highlight: Span, max: number): Excerpt {
  if (text.length <= max) return { text, highlight };
  const lead = highlight.end <= max - ` ${ELLIPSIS}`.length ? '' : `${ELLIPSIS} `;
  const rest = text.slice(lead ? highlight.start : 0);
  const offset = lead ? highlight.start : 0;
  const room = max - lead.length;
  const { end, suffix } = rest.length <= room ? { end: rest.length, suffix: '' } : cutPoint(rest, room);
  const kept = rest.slice(0, end).trimEnd();
  const clamp = (at: number) => Math.min(Math.max(at - offset, 0), kept.length) + lead.length;
  return {
    text: lead + kept + suffix,
    highlight: { start: clamp(highlight.start), end: clamp(highlight.end) },
  };
}

/**
 * The longest rendering of at most `max` characters: `render(room)` is tried with less and less room until
 * its output fits, for renderings that grow (escaping, markup) after being cut to `room`. Empty if none fits.
 */
export function fitWithin(max: number, render: (room: number) => string): string {
  for (let room = max; room > 0;) {
    const text = render(room);
    if (text.length <= max) return text;
    room -= text.length - max;
  }
  return '';
}

/**
 * Splits `total` characters between texts wanting `wanted` each: no one gets more than it wants, and what
 * short texts leave over goes to the longer ones in equal parts.
 */
export function fairShares(wanted: readonly number[], total: number): number[] {
  const shares = wanted.map(() => 0);
  const shortestFirst = wanted.map((_, index) => index).sort((a, b) => wanted[a]! - wanted[b]!);
  let left = total;
  shortestFirst.forEach((index, done) => {
    shares[index] = Math.min(wanted[index]!, Math.floor(left / (wanted.length - done)));
    left -= shares[index]!;
  });
  return shares;
}

/** Characters that count against Discord's 6000 per message, for one embed. */
export function embedLength(embed: APIEmbed): number {
  return [
    embed.title,
    embed.description,
    embed.footer?.text,
    embed.author?.name,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ].reduce((total, text) => total + (text?.length ?? 0), 0);
}

/**
 * Groups lines into as few chunks of at most `max` characters (joined by newlines) as possible, in order.
 * Lines longer than `max` must have been shortened before.
 */
export function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= max)
      chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks;
}
