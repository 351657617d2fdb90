import { givesSumWith } from './sum-sentence.js';

/** Whether a question asks for a film's or a show's takings, and whether a story gives them. Pure. */

/** Words of takings: "at the box office", "box-office takings", "gross", "ticket sales". */
const TAKINGS = /\bbox[\s-]+office\b|\btakings\b|\bgross(?:es|ed|ing)?\b|\bticket\s+sales\b/iu;

/** Whether a question asking for a sum of money asks for takings ("How much did X take at the box office?"). */
export const asksForTakings = (question: string) => TAKINGS.test(question);

/**
 * "How much ... take": not "How much did Acme ticket sales fall?" nor "How much did Acme gross margins
 * improve?", which a percentage answers.
 */
const HOW_MUCH_TAKEN = /\bhow\s+much\b[^?]*\b(?:take|takes|took|taken)\b/iu;

/**
 * Whether a question asks how much was taken in takings ("How much did the Charlotte's Web film take at the
 * box office?"): a sum of money, as "how much did X earn" asks (see asksForMoney), though "how much ...
 * take" asks none elsewhere ("How much time did the repairs take?"). Answered before from the story of the
 * film's casting, which gives no sum (twenty-third batch; refused now, with `npm run --silent eval -- --only
 * dev,fresh`, nothing else moved on either set).
 */
export const asksHowMuchTaken = (question: string) => HOW_MUCH_TAKEN.test(question) && TAKINGS.test(question);

/**
 * Whether a story (its text: the headline and subjects, then a paragraph a line) gives takings: a sentence
 * giving a sum in words of takings. "How much money did Super Size Me take at the box office?" is not
 * answered by the story of its writers' award, whose only sum is the damages a court awarded McDonald's.
 */
export const givesTakings = (story: string) => givesSumWith(story.split('\n'), TAKINGS);
