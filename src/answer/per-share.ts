import { givesSumWith } from './sum-sentence.js';

/** Whether a question asks for a price per share, and whether a story gives a sum per share. Pure. */

/** A share as the unit of a price: "a share", "per share", "each share", Reuters' "a shr". */
const PER_SHARE = /\b(?:a|per|each)\s+(?:share|shr)\b/iu;

/**
 * Whether a question asking for a sum of money asks it per share ("What price per share is Intercep
 * offering for CCR Video?", "How much a share will Harcourt pay?").
 */
export const asksPerShare = (question: string) => PER_SHARE.test(question);

/**
 * Whether a story (its text: the headline and subjects, then a paragraph a line) gives a sum per share: a
 * sentence giving a sum with a share as its unit ("offered 25 dlrs a share", "at $15 per share"). "What
 * price per share is Sealion offering for Marlow?" is not answered by the story of a tender offer worth
 * 120 mln dlrs in all, whose only sums are the offer's size and Marlow's sales.
 */
export const givesSumPerShare = (story: string) => givesSumWith(story.split('\n'), PER_SHARE);
