/**
 * Greetings, thanks and acknowledgements, alone or strung together ("hi there!", "ok thanks"): messages
 * that address the bot without asking anything, answered with a hint rather than a search.
 */
const SMALL_TALK =
  /^(?:(?:hi|hello|hey|heya|hiya|howdy|yo|sup|gm|good (?:morning|afternoon|evening|night)|thanks?|thank you|thx|ty|cheers|ok(?:ay)?|cool|nice|great|awesome|perfect|got it|bye|goodbye|see you|lol|yes|no|yep|nope)(?:\s+(?:there|all|everyone|folks|bot|again|so much|a lot|very much))*[\s!.,:;)(?]*)+$/iu;

/**
 * The question in a message addressed to the bot: the content without the bot's mention, with white space
 * collapsed. Null when nothing is asked: empty, only mentions or symbols, or small talk.
 */
export function questionIn(content: string, botId: string): string | null {
  const text = content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(text.replace(/<[@#][!&]?\d+>/g, ''))) return null;
  return SMALL_TALK.test(text) ? null : text;
}

/** The short reply to a message that addresses the bot without a question. */
export const hintText = (example: string): string =>
  `Ask me something about the indexed articles, for example: ${example} Type /help to see everything I can do.`;
