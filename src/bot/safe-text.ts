import type { MessageMentionOptions } from 'discord.js';
import { cutAtSentence, fitWithin } from './limits.js';

/**
 * Sent with every message: nothing the bot writes pings anyone, whatever an article or a question contains,
 * and replies do not ping the person who asked.
 */
export const NO_PINGS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * `@everyone` and `@here` as visible text that Discord cannot parse as mentions, should `allowedMentions`
 * ever be missing from a message.
 */
function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/g, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Characters that start inline markdown (bold, italics, strike, code, spoilers), masked links, and the `<`
 * of mentions, channels, timestamps and custom emoji. A backslash shows any of them as typed. Line-start
 * markdown (headings, lists, quotes) needs no escaping: a literal never starts a line of ours.
 */
const INLINE_MARKDOWN = /[\\*_~`|[\]<]/g;

/**
 * Article or user text shown literally inside Discord markdown: markdown and mentions escaped, `@everyone`
 * defused, line breaks flattened (a passage is shown as one quoted line). Done here rather than with
 * discord.js's escapeMarkdown, which is slow on long passages and leaves brackets and mentions alone.
 */
export function literal(text: string): string {
  return defuseMentions(text.replace(/\s/g, ' ')).replace(INLINE_MARKDOWN, '\\$&');
}

/** `text` as a literal no longer than `max`, shortened at a sentence or word when needed. */
export function fitLiteral(text: string, max: number): string {
  return fitWithin(max, (room) => literal(cutAtSentence(text, room)));
}

/** Only web links make masked links; a parenthesis would end the link early. */
function linkTarget(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const { protocol, href } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') return null;
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A literal `label` linked to `url` when there is a web link and the markdown fits `max`, else the label. */
export function linkedWithin(label: string, url: string | null, max: number): string {
  const target = linkTarget(url);
  const linked = target && `[${label}](${target})`;
  return linked && linked.length <= max ? linked : label;
}
