import { givesSumWith } from './sum-sentence.js';

/**
 * Whether a question asks for a sum of lent or provided money (a loan, a credit, financing, funding), and
 * whether a story gives one. Pure.
 */

/**
 * "How much financing is the Japanese government providing ...?", "How much credit will the banks
 * extend?", "How much is the additional working capital loan Marine Midland agreed to advance ...?": the
 * thing asked right after "how much", or as what "how much is the ..." asks of (up to four words before
 * it). Not "how much of the loan" (a share of it) nor a loan's account ("How much was sitting in the
 * Treasury's tax and loan accounts?"). Such a question is not answered by a story giving another sum only:
 * the story of Chevron's venture with Nippon Oil gives Nippon's own "initial investment of more than 100 mln
 * dlrs" and says the Japanese government will provide financing, no sum of it; the story of Quantech's
 * waivers gives its quarterly loss and says Marine Midland will advance a loan, no sum of it (twenty-seventh
 * batch). Measured with `npm run --silent eval -- --only dev,fresh,held-out,dates` and `npm run --silent eval
 * -- --only dates --questions <the twenty-seventh batch>`: its unanswerable refused 0.400 -> 0.900 with the
 * other rules of this change (these two, a maturity, an appeal's outcome and a value not revealed); its
 * answerable hit@3 0.886 unchanged, nothing moved on dev, fresh, held-out or dates. Of the fresh set's
 * answerable "how much" questions asking a loan, a credit, financing or funding, none is read so ("How much
 * is I.C.H. prepared to lend ...?" asks by the verb).
 */
const FUNDS_ASKED =
  /\bhow\s+much\s+(?:(?:is|was|are|were|will\s+be)\s+(?:the|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,4}?)?(?:financing|funding|loans?|credits?)\b(?!\s+(?:accounts?|rating|card|cards|union|unions|agreement|agreements|notes?)\b)/iu;

/**
 * The words a sentence gives such a sum by, in their forms and in the words Reuters writes them in ("a
 * 50 mln dlr facility", "would loan it up to 100 mln dlrs", "lent", "advances", "financed", "funds").
 */
const FUNDS =
  /\b(?:loans?|loaned|lend(?:s|ing)?|lent|credits?|facilit(?:y|ies)|advances?|advanced|financ(?:e|es|ed|ing)|fund(?:s|ed|ing)?)\b/iu;

/** Whether a question asks for a sum lent or provided (see FUNDS_ASKED). */
export const asksForFunds = (question: string) => FUNDS_ASKED.test(question);

/**
 * Whether a story (its text: the headline and subjects, then a paragraph a line) gives a sum lent or
 * provided: a sentence giving a sum in words of lending or financing (see FUNDS).
 */
export const givesFunds = (story: string) => givesSumWith(story.split('\n'), FUNDS);

/**
 * A penalty or a fine asked by "how much" ("How much penalty tax did the Tokyo Regional Taxation Bureau
 * impose on Fuji Bank?", "How much in fines did Acme pay?"), given only by a sentence giving a sum in words
 * of a penalty or a fine ("fined 11m euros", "Pay $1,000 (£535) fine"): the story of Fuji Bank's penalty
 * says the bureau "has imposed a penalty tax" and gives only the bank's profit and lending (fresh).
 * Measured with `npm run --silent eval -- --only dev,fresh,held-out,dates`: fresh unanswerable refused 0.951
 * -> 0.955 (that question), nothing else moved on dev, fresh, held-out or dates; the twenty-seventh batch
 * unchanged. The fresh set's answerable fines are asked by the verb ("How much was Parmalat fined ...?").
 */
const PENALTY_ASKED = /\bhow\s+much\s+(?:in\s+)?(?:[\p{L}-]+\s+)?(?:penalty|penalties|fines?)\b/iu;
const PENALTY = /\b(?:penalt(?:y|ies)|fine[sd]?|fining)\b/iu;

/** Whether a question asks for a penalty or a fine by "how much" (see PENALTY_ASKED). */
export const asksForPenalty = (question: string) => PENALTY_ASKED.test(question);

/** Whether a story gives a sum in a sentence of a penalty or a fine (see PENALTY_ASKED). */
export const givesPenalty = (story: string) => givesSumWith(story.split('\n'), PENALTY);
