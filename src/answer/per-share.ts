import { givesSumWith } from './sum-sentence.js';

/** Whether a question asks for a price per share, and whether a story gives a sum per share. Pure. */

/** A share as the unit of a price: "a share", "per share", "each share", Reuters' "a shr". */
const PER_SHARE = /\b(?:a|per|each)\s+(?:share|shr)\b/iu;

/** A share asked as a price's unit, not "a share in" or "of" something: a stake, priced as a sum in all. */
const PER_SHARE_ASKED = new RegExp(String.raw`${PER_SHARE.source}(?!\s+(?:in|of)\b)`, 'iu');

/**
 * Whether a question asking for a sum of money asks it per share ("What price per share is Intercep
 * offering for CCR Video?", "How much a share will Harcourt pay?"), not for a stake ("How much did Shell pay
 * for a share in the Brent field?", answered by "40 mln stg for a 10 pct share in ...").
 */
export const asksPerShare = (question: string) => PER_SHARE_ASKED.test(question);

/**
 * Whether a story (its text: the headline and subjects, then a paragraph a line) gives a sum per share: a
 * sentence giving a sum with a share as its unit ("offered 25 dlrs a share", "at $15 per share"). "What
 * price per share is Sealion offering for Marlow?" is not answered by the story of a tender offer worth
 * 120 mln dlrs in all, whose only sums are the offer's size and Marlow's sales.
 */
export const givesSumPerShare = (story: string) => givesSumWith(story.split('\n'), PER_SHARE);
