import { sentenceSpans } from '../document/sentence-split.js';
import { MONTH } from '../search/question-years.js';
import { NUMBER_WORD_PATTERN } from '../document/number-words.js';

/**
 * Values of a narrow kind a question asks for (an interest rate, the new date of something moved), and
 * whether a story gives one in a sentence that says what the value is of. Nearly every story holds a
 * percentage or a date, so the kind's own words must be in the sentence: "What interest rate is Sale Tilney
 * paying on the deferred instalments ...?" is not answered by "purchased 80 pct of the ordinary share
 * capital", nor "To what date did American Motors move its postponed annual shareholders meeting?" by
 * "voted to postpone its annual shareholders meeting scheduled for April 29". Pure.
 */
export interface ValueKind {
  asks: RegExp;
  /** What a sentence giving the value holds, each of them. */
  given: readonly RegExp[];
}

/** A percentage, its figure in words too ("nine pct", "1-1/8 pct", "9.10%"). */
const PERCENTAGE = new RegExp(
  String.raw`(?:\d(?:[\d.,/-]*\d)?|\b(?:${NUMBER_WORD_PATTERN}))\s*(?:pct\b|%|per\s*cent\b|percent\b)|\bpercentage\s+points?\b`,
  'iu',
);

/**
 * An interest rate asked ("What interest rate will Barbados pay on its new revolving credit?", "at what
 * interest rate"), given as a percentage in a sentence of interest, a coupon, a rate or a yield, or of what
 * a loan or bond pays or carries ("carry interest at 1-1/8 pct over the London Interbank Offered Rate",
 * "carrying a coupon of 18 pct", "paying 4-1/2 pct", "9.10 pct fixed rate tranche": the answers of the
 * fresh set's four answerable questions of this form).
 */
const INTEREST_RATE: ValueKind = {
  asks: /\bwhat\s+(?:[\p{L}-]+\s+)?(?:interest\s+rate|rate\s+of\s+interest)\b|\bat\s+what\s+interest\s+rate\b/iu,
  given: [
    PERCENTAGE,
    /\b(?:interest|coupons?|rates?|yields?|libor|prime|pays?|paying|paid|carr(?:y|ies|ying)|bears?|bearing)\b/iu,
  ],
};

/** The verbs of moving something to another time, in the past ("postponed", "pushed back"). */
const MOVED = String.raw`(?:moved|postponed|rescheduled|delayed|pushed\s+back|put\s+off|adjourned|deferred|brought\s+forward)`;

/** A time something is moved to: a month, a day's figure, a weekday, "next week", "the end of March". */
const WHEN = String.raw`(?:${MONTH}\b|\d|(?:next|later|a\s+later|the\s+(?:end|middle|start)\s+of)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)`;

/**
 * The new date of something moved, asked ("To what date did X move its meeting?", "What date was the vote
 * postponed to?"), given by a verb of moving in the past with the time it was moved to ("postponed its
 * annual meeting to May 21", "was rescheduled for June 3", "put off until next week"), or a new date named;
 * never by the date it was first set for ("postpone its annual shareholders meeting scheduled for April 29").
 */
const MOVED_DATE: ValueKind = {
  asks: new RegExp(
    String.raw`\b(?:to|until|till)\s+what\s+(?:date|day|month|time)\b|\bwhat\s+(?:new\s+|later\s+)?date\b[^?]*\b(?:move|postpone|reschedule|delay|push|put\s+off|adjourn|defer)`,
    'iu',
  ),
  given: [
    new RegExp(
      String.raw`\b(?:${MOVED}\b[^.;]{0,80}?\b(?:to|until|till)|rescheduled\b[^.;]{0,40}?\bfor)\s+${WHEN}|\bnew\s+date\b`,
      'iu',
    ),
  ],
};

const KINDS: readonly ValueKind[] = [INTEREST_RATE, MOVED_DATE];

/** The narrow kind of value a question asks for, or null. */
export const valueAsked = (question: string): ValueKind | null =>
  KINDS.find(({ asks }) => asks.test(question)) ?? null;

/** Whether a story (its text: headline and subjects, then a paragraph a line) gives a value of `kind`. */
export function givesValue(story: string, { given }: ValueKind): boolean {
  return story
    .split('\n')
    .some(
      (paragraph) =>
        given.every((test) => test.test(paragraph)) &&
        sentenceSpans(paragraph).some(({ start, end }) =>
          given.every((test) => test.test(paragraph.slice(start, end))),
        ),
    );
}
