import { z } from 'zod';
import {
  asksForCause,
  asksForLoss,
  asksForMoney,
  asksInThePast,
  answerKindTest,
  holdsMoney,
  isPictureWord,
  statesLoss,
} from '../search/answer-type.js';
import { parseSpeakerQuestion } from '../search/parse-question.js';
import { fullNameAsked, namesPerson, personNameAsked } from '../search/resolve-speaker.js';
import type { Story } from '../search/story-cache.js';
import { namesEvery } from '../search/article-coverage.js';
import { countryFormsOf } from '../search/place-names.js';
import { wordnetLexicon } from '../search/query-expansion.js';
import {
  contentTerms,
  termCoverage,
  termsHeld,
  withNamePhrases,
  withoutTimeFrame,
  wordsOf,
  type TextWords,
} from '../search/term-match.js';
import {
  askedOutcome,
  deadlineAsked,
  deadlineNamed,
  deedNamed,
  deedsTakenAsDone,
  objectNamed,
  yesNoDeedAsked,
  looksAhead,
  saysUntold,
  thingsAsked,
  untoldAbout,
  statesOutcome,
  statesYearDone,
  type Named,
  type TakenDeed,
} from '../search/asked-outcome.js';
import {
  countedKind,
  countedThing,
  countsAsObject,
  countsOneOf,
  jobsCounted,
} from '../search/counted-thing.js';
import {
  askedIdentity,
  asksDoersName,
  asksForPrice,
  saysDoerUnknown,
  withholdsIdentity,
  withholdsPrice,
} from './withheld.js';
import { givesPayersSum, payerAsked } from './payer.js';
import { asksForTakings, asksHowMuchTaken, givesTakings } from './takings.js';
import { asksForFunds, asksForPenalty, givesFunds, givesPenalty } from './funds.js';
import { asksPerShare, givesSumPerShare } from './per-share.js';
import { givesValue, valueAsked } from './asked-value.js';
import { periodEndsAsked, yearsAsked, yearsOfEvents } from '../search/question-years.js';
import { givesYearOf, namesMonthOf } from '../search/year-table.js';
import { yearToldBack } from '../search/year-told.js';

/**
 * When is a passage good enough to call the question answered? Either the model finds it close in
 * meaning, or it holds enough of the question's (rarity-weighted) words and is at least somewhat close,
 * or it holds the question's anchors (see ANCHOR_TERMS) whatever the model thinks.
 * Similarity scales differ between models, so the numbers are per model, measured by `npm run eval`.
 */
export const evidenceThresholdsSchema = z.object({
  minSimilarity: z.number().min(-1).max(1),
  minCoverage: z.number().min(0).max(1),
  minSimilarityWithCoverage: z.number().min(-1).max(1),
});
export type EvidenceThresholds = z.infer<typeof evidenceThresholdsSchema>;

/** How many of the best passages may carry the evidence: the answer is often second to a near miss. */
export const EVIDENCE_DEPTH = 3;

export interface Evidence {
  similarity: number;
  /** Rarity-weighted share of the question's words that the passage (with its article's context) holds. */
  coverage: number;
  /**
   * The passage holds the question's anchors (its rarest content words, and any year it names) and enough
   * of the rest, or every name the question asks about and most of the rest, or (asked for a figure) every
   * name, a figure and some of the rest.
   */
  anchored: boolean;
  /**
   * The passage (with its context) and its story lack a year the question names (see yearMissed; a results
   * table's whole year published early the next year holds it, see givesYearOf, and a story of that year
   * naming one of its months, see namesMonthOf), or its article was
   * published before a year a past-tense question names as when it happened (see publishedBefore), or by the
   * end of a period of accounts it asks about (see accountsPeriodEnds). Never
   * strong evidence, however close in meaning: "the score in the 2010 World Cup final" is not answered by
   * a passage on another final.
   */
  missesYear?: boolean;
  /**
   * None of the best few passages comes from an article that mentions every name the question asks about.
   * Never strong evidence: they are about something else that shares the question's other words. See
   * stories in evidenceOf.
   */
  missesName?: boolean;
  /**
   * None of the best few passages' stories names the thing the question counts (see countedThing), nor a
   * synonym of it. Never strong evidence: they are about the subject, not about what is counted. See
   * countedMissed.
   */
  missesCounted?: boolean;
  /**
   * The question asks for a sum of money and none of the best few passages' stories gives one. Never strong
   * evidence: they are about the subject, not about what it costs or pays. See moneyMissed.
   */
  missesMoney?: boolean;
  /**
   * The question asks for the outcome of a judgement, a contest or a choice and none of the best few
   * passages' stories states one. Never strong evidence: they report what led to it. See outcomeMissed.
   */
  missesOutcome?: boolean;
  /**
   * The question asks which thing and every one of the best few passages' stories about what it names calls
   * that thing unnamed. Never strong evidence: the story says it does not tell. See identityMissed.
   */
  missesIdentity?: boolean;
  /**
   * The question asks for a value of a narrow kind (an interest rate, the new date of something moved: see
   * valueAsked) and none of the best few passages' stories gives one. Never strong evidence: they are about
   * the subject, not the value. See valueMissed.
   */
  missesValue?: boolean;
  /**
   * The question asks what a person named in full said and none of the best few passages names them
   * saying anything. Never strong evidence: they are about the subject, not the person's words. See
   * evidenceOf.
   */
  missesSpeaker?: boolean;
}

/**
 * How many of the question's rarest content words make its anchors, and how much of all its content words
 * an anchored passage must hold besides. Lexical, so the same for every model. Measured on the development
 * set (`npm run eval -- --only dev`): news questions paraphrase the rest of the sentence ("how much less
 * do women take home" for "earn 19% less") but keep its names and rare words, so the calibrated coverage
 * threshold (0.7 on the archive) refused 12 of the 44 search questions whose answer was in the top 3; with
 * anchors 4 of 44 are refused and no more unanswerable questions are answered. One anchor alone answered
 * 3 more unanswerable ones ("Sydney" missing from "who designed the Sydney Opera House", found by "opera"
 * and "house"); three anchors answered 7 fewer answerable ones. A year is always an anchor: "did Makarov
 * get his pension in 2010?" is not answered by a passage about his pension that never mentions 2010.
 */
export const ANCHOR_TERMS = 2;
export const MIN_ANCHORED_COVERAGE = 0.4;
/**
 * A passage that holds every name the question asks about ("Oracle", "India", "World Bank") and this
 * share of its rarity-weighted content words is found too, though it lacks a rare word the question
 * paraphrases ("laying off", "set aside"). Measured on the development set (`npm run --silent eval --
 * --only dev`): 0.6 answered 3 more of the refused answerable questions, each with the answer in the
 * top 3, and 1 more unanswerable one ("when will Ukraine join the European Union?", answered by passages
 * on Ukraine and the EU; refused now, see holdsMoreThanNames); 0.5 answered 2 more answerable ones but
 * stood 0.01 from answering "what's the weather in London tomorrow?" from a London story.
 */
export const MIN_NAMED_COVERAGE = 0.6;
/**
 * A question that asks for a figure ("how many workers is Oracle laying off?") is found, too, by a passage
 * that holds every name it asks about, a figure, and MIN_ANCHORED_COVERAGE of its content words: the figure
 * is what it asks, and the rest it often says in other words ("cutting about 5,000 jobs"). Measured on the
 * development set (`npm run --silent eval -- --only dev`): one more paraphrase answered, its answer first
 * (hit@3 0.286 -> 0.357), no unanswerable question answered (refused 0.939 unchanged), held-out unchanged.
 * So is a question asking for a cause by a passage that gives one (see answer-type): "Why was Shell
 * prevented from buying Woodside Petroleum?" by "The bid was thrown out by Treasurer Peter Costello on
 * national interest grounds" (paraphrase hit@3 0.500 -> 0.571, unanswerable refused 0.970 and held-out
 * 0.765 unchanged).
 */
const namedCoverageNeeded = (givesKind: boolean) => (givesKind ? MIN_ANCHORED_COVERAGE : MIN_NAMED_COVERAGE);
const YEAR = /^(?:1[89]|20)\d\d$/u;

/**
 * A passage that holds the names a question asks about and none of the other words it asks about them is
 * about the same subject, not an answer: "When will Ukraine join the European Union?" was answered by a
 * story on Ukraine wanting closer European Union links, whose names are three quarters of the question's
 * weight. Neither anchor rule counts such a passage, unless the question asks for a figure and it gives one, or
 * asks what someone said on no topic (see evidenceOf).
 * Measured on the development set (`npm run --silent eval -- --only dev`): unanswerable refused 0.939 ->
 * 0.970, no answerable question refused or moved.
 */
/**
 * The other words are held as the anchor rules hold them, by an anchor's related words too (see
 * relatedWords): "when is Casino Royale supposed to come out?" asks nothing of the story beyond its name
 * but "supposed", which its paragraph on the film's plans writes as a synonym; refused so, with the answer
 * first ("Producers ... expect the film to be released in 2006"). Measured with `npm run --silent eval --
 * --only dev,fresh`: fresh chatty hit@3 0.919 -> 0.946 (answerable
 * refused 0.033 -> 0.031); nothing else moved on the three sets, unanswerable refused unchanged (0.970,
 * 0.764, 0.600).
 */
function holdsMoreThanNames(
  words: TextWords,
  content: readonly string[],
  names: readonly string[],
  relatedOf?: (term: string) => readonly string[],
): boolean {
  const asked = content.filter((term) => !names.includes(term));
  return asked.length === 0 || termsHeld(words, asked, relatedOf).size > 0;
}

/**
 * Whether a passage's story's lead, its first paragraph, holds the question's anchors (see ANCHOR_TERMS) that
 * the passage and its context lack (`missing`; with none missing, it does): a story names its subject there
 * and says "the loan" after. "What is Portugal's state petrochemicals company going to do with the money from
 * its new eight-year credit?" was refused with its answer second, "The loan will be for eight years and
 * proceeds will be used to refinance existing debt", whose story's lead names "the Portugese state-owned oil
 * refinery and petrochemicals company" (its headline, in the context, names Portugal). Held so in the anchor
 * rule, for the anchors and in the share of the question's words: `npm run --silent eval -- --only dev,fresh`
 * with the eleventh batch: its answerable hit@3 0.843 -> 0.871 (refused 0.086 -> 0.057: that question, and
 * Gramley's reading of the jobs numbers, asked of search), nothing moved on dev or fresh, unanswerable
 * refused unchanged on the three (0.970, 0.882, 0.400). Held by the whole story, "what's the weather going to
 * be like in London tomorrow?" was answered by "The ICO executive board meets tomorrow in London" of a coffee
 * story that mentions the weather (development unanswerable refused 0.970 -> 0.939).
 */
function leadHolds(
  passage: { context: string },
  story: Story | undefined,
  missing: readonly string[],
  relatedOf: ((term: string) => readonly string[]) | undefined,
  names: readonly string[],
): boolean {
  if (missing.length === 0) return true;
  if (story === undefined) return false;
  // A story's text is its context, then its paragraphs, a line each (see PassageStore.storyTexts).
  const lead = story.text.slice(passage.context.length + 1).split('\n')[0]!;
  return termsHeld(wordsOf(lead), missing, relatedOf, names).size === missing.length;
}

/**
 * Whether a passage lacks a year the question names: neither the passage with its context (`held`) nor
 * its whole story (`story`, when read) names it. The story counts: a paragraph reporting "an 18% jump in
 * quarterly profits" answers "General Electric's net profits for the final quarter of 2004" when its story
 * says "full year 2004" (the BBC archive is undated). Measured on the development set (`npm run --silent
 * eval -- --only dev`): that question answered, its answer second (fact hit@3 0.882 -> 0.941), no
 * unanswerable question answered. Not kept: letting an undated story that names no year at all answer
 * (it may be from any year) answered "who won the 2022 Champions League final?" from a 2004 story on the
 * competition and "how many passengers did Air Deccan carry in 2010?" (unanswerable refused 0.970 ->
 * 0.909).
 */
const yearMissed = (year: string, held: ReadonlySet<string>, story: Story | undefined) =>
  !held.has(year) && (story === undefined || !termsHeld(story.words, [year]).has(year));

/**
 * Whether a question asking in the past tense (see asksInThePast) names a year that neither a passage (with
 * its context, `text`) nor its story names as past (see statesYearDone): a story names a later year only as
 * still to come. "What pre-tax profit did Barclays report for 2005?" was answered by the story of its 2004
 * profits ("The outlook for 2005 is good"), "What pay rise did Zimbabwe give workers when the wage freeze
 * ended in January 1988?" by one of 1987 on "the freeze ... until January 1988". (A year read as the
 * question's period, "by 2008", leaves the question searched without it: not judged here.)
 * Measured with `npm run --silent eval -- --only dev,fresh`: fresh unanswerable refused 0.764 -> 0.800
 * (Barclays' 2005 profit, Zimbabwe's pay rise of 1988), nothing else moved on either set. Of the 54 and 50
 * answerable questions of SQuAD 2.0's dev half and XQuAD-en asking in the past tense about a year (the
 * answer's whole article read, no search), none has an article naming the year only as still to come; read
 * by sentence rather than by clause, 3 and 3 had ("a position he would hold until his death in 1958").
 * Never for a question that itself looks ahead (see looksAhead): "How many officers did the government
 * want on the beat by 2008?" asks for the plan (no question of dev, fresh or the eighth batch moved).
 */
const yearAheadOnly = (year: string, text: string, story: Story | undefined) =>
  !statesYearDone(text, year) && (story === undefined || !statesYearDone(story.text, year));

/**
 * Whether a passage's article was published before a year a past-tense question names as when its events
 * took place (see yearsOfEvents): a story can tell what was done in 1988 only in 1988 or later, and one of
 * 1987 names 1988 only as ahead ("unlikely to continue in 1988"), however it words it. "How much did West
 * Germany spend on development aid in 1988?" was answered from 1987 news (the fourteenth batch). An undated
 * article (`published` null, the BBC's) may be from any year and is judged by its words alone (see
 * yearMissed and yearAheadOnly). Never for a question that looks ahead (see looksAhead): "What inflation does
 * the study expect for Switzerland in 1988?" asks for the forecast. Measured with `npm run --silent eval -- --only dev,fresh --questions
 * /work/batch/fourteenth.jsonl`: the fourteenth batch's unanswerable refused 0.700 -> 1.000 with this rule,
 * the price (see moneyMissed) and the thing withheld (see identityMissed), one question each; nothing else
 * moved on dev, fresh or the batch (no answerable question refused).
 */
const publishedBefore = (year: number, published: string | null | undefined) =>
  published != null && Number(published.slice(0, 4)) < year;

/**
 * Words of a company's or a country's accounts for a period: what it made, earned, lost, sold or reported.
 */
const ACCOUNTS =
  /\b(?:profits?|loss(?:es)?|lose|lost|earn(?:s|ed|ing|ings)?|net|results?|revenues?|sales|turnover|income|surplus|deficit|report(?:ed)?|mak(?:e|es|ing)|made)\b/iu;

/**
 * The months that the periods of accounts a past-tense question asks about end in (see periodEndsAsked),
 * when it asks for accounts (see ACCOUNTS) and not for someone's words: a story reports a period's
 * figures only once the period has ended. "What net result did Alusuisse report for the full year 1987?"
 * was answered by a story of March 1987 giving its 1985 loss, "So how much did Citibank's Norwegian
 * subsidiary end up making in 1987?" by one of 1987 giving its 1986 loss (twenty-fourth batch), read in the
 * question as asked: the dates searched for ("in 1987") are read off the question searched (see evidenceOf's
 * `wholeQuestion`; 0.936 -> 0.940, that question). Measured with `npm run --silent eval -- --only dev,fresh`
 * (with the other rules of this round: fresh unanswerable refused 0.910 -> 0.936), nothing else moved on dev
 * or fresh.
 */
const accountsPeriodEnds = (question: string, asksWords: boolean) =>
  asksWords || !asksPast(question) || !ACCOUNTS.test(question) ? [] : periodEndsAsked(question);

/** Whether an article was published in or before the month `end` ("YYYY-MM"); an undated one never is. */
const publishedBy = (end: string, published: string | null | undefined) =>
  published != null && published.slice(0, 7) <= end;

/**
 * The words that hold one of a question's anchors (its rarest content words, see ANCHOR_TERMS) as well as
 * the word itself, in the anchor rules: its related words, as search asks for them (WordNet synonyms of its
 * common senses, see query-expansion). A question paraphrases the story's rare word ("enlargement" for
 * "expansion eastwards"), and search already ranks the synonym's passages for it. Never a year's or a
 * name's (a name is held in its country's forms, see termsHeld), and never a common word's: "going" held by
 * "operations" (a sense of "go" is "operate") raised "what's the weather going to be like in London
 * tomorrow?" to within reach of an answer. Only for a question asked of search (`question` given): a
 * brief's topic and a speaker's topic are judged by their own words. Measured on the development set
 * (`npm run --silent eval -- --only dev`): "What guarantee does the Kremlin want from the Western alliance
 * about enlargement?" answered by "a written pledge to stop expansion eastwards" (paraphrase hit@3 0.571
 * -> 0.643), nothing else moved, unanswerable refused 0.970 unchanged; held-out 0.765 unchanged.
 */
function relatedWords(question: string | undefined, anchors: readonly string[], names: readonly string[]) {
  if (question === undefined) return undefined;
  const lexicon = wordnetLexicon();
  return (term: string) =>
    anchors.includes(term) && !names.includes(term) && !YEAR.test(term) ? lexicon.related(term) : [];
}

/**
 * The rarity weight (see rarityWeights) of a word held by one passage in a hundred: a thing counted that is
 * commoner ("people", "jobs") is one a story counts in its own words ("expects 40 million to see it",
 * "killing 300"), so only a rarer one must be named (see countedMissed).
 */
const MIN_COUNTED_WEIGHT = Math.log(100);

/**
 * Whether none of `stories` (the best few passages' stories' words) names the thing a question counts (see
 * countedThing), in its own word or a synonym (WordNet's, as relatedWords): "How many flights used
 * Heathrow's third runway in its first year of operation?" was answered by stories on the runway's plans,
 * which hold every other rare word of it (similarity 0.66, coverage 0.58). The whole story, not the passage:
 * a story names the thing in one paragraph and gives its figure in another (Price Co's results table, then
 * "NOTE: Twelve- and 40-week periods.").
 * Measured on the development set and on a fresh batch of 108 questions written by writers who had not tuned
 * the system (`npm run --silent eval -- --only dev,fresh`): unanswerable refused 0.444 -> 0.556
 * on the batch, no answerable question refused or moved in either. Without MIN_COUNTED_WEIGHT, "How many
 * people is Howl's Moving Castle expected to draw in Japan?" was refused, its answer shown 4th. On SQuAD
 * 2.0's dev half and XQuAD-en (crowd-written questions; each answerable one's article read for the word,
 * rarity counted in the set's paragraphs, no search), 1 of 19 and 1 of 11 "how many" questions counting a
 * rarer thing have an article that never names it ("How many balls did Josh Norman intercept?":
 * "interceptions"). Not kept: the attribute a "what was the X of" question asks for ("What was the turnout in
 * Gibraltar's sovereignty referendum?", answered by a story on the referendum's result), which refused that
 * development question too (unanswerable 0.970 -> 1.000), but 5 of 28 and 6 of 10 such SQuAD and XQuAD
 * questions have an article that never names their attribute ("the goal of", "the nickname for", "the ratio
 * of men to women", "the estimated death toll").
 * A story counts the thing, too, where a figure counts its kind (see countedKind) in another word: "How
 * many new storage sites are Southmark and National Self planning to open ...?" was refused with its answer
 * first, "the purchase includes nine storage facilities ... a two-year 100 facility expansion program"
 * ("site" and "facility" share no WordNet sense). The kind word only when it is rare enough to say what is
 * counted (MIN_COUNTED_WEIGHT, as the thing): "new" is not. Measured with `npm run --silent eval -- --only
 * dev,fresh`: fresh paraphrase hit@3 0.750 -> 0.760 (refused 0.154 -> 0.144), nothing else moved on either
 * set, unanswerable refused unchanged (0.970, 0.942).
 * A story counts the thing, too, where a figure follows one of the question's own words after the thing,
 * as its verb's object (see countsAsObject): "How many job centres will Nixdorf's order from the West
 * German labour office computerise?" was refused with its answer first, "to computerise 90 local labour
 * exchanges". Only a verb's object: with any word of the question, "How many flights used Heathrow's
 * third runway in its first year of operation?" was answered (fresh unanswerable refused 0.954 -> 0.949).
 * Measured with `npm run --silent eval -- --only dev,fresh --questions <the twentieth batch>`: its fact
 * hit@3 0.667 -> 1.000 (answerable refused 0.086 -> 0.057), nothing moved on dev or fresh.
 * Jobs, workers, staff or employees counted, however common the word, need a story giving a count of jobs
 * (see jobsCounted), besides the thing named when it is rare: "How many jobs went when Electrolux closed its
 * Spennymoor cooker plant?" was answered by the story of its plan to move plants, which counts none.
 * Measured with `npm run --silent eval -- --only dev,fresh`: fresh unanswerable refused 0.954 -> 0.959
 * (that question), nothing else moved on dev or fresh; each of their 3 answerable questions counting jobs
 * or workers has an answer story counting them ("cutting about 5,000 jobs").
 */
function countedMissed(
  question: string,
  stories: readonly { words: TextWords; text: string }[],
  weightOf: (term: string) => number,
): boolean {
  const counted = countedThing(question);
  if (counted === null || stories.length === 0) return false;
  const countsObject = countsAsObject(question);
  const countsJobs = jobsCounted(counted);
  if (countsJobs !== null && !stories.some(({ text }) => countsJobs(text) || countsObject?.(text) === true))
    return true;
  if (weightOf(counted) < MIN_COUNTED_WEIGHT) return false;
  const related = () => wordnetLexicon().related(counted);
  const kind = countedKind(question);
  const countsKind = kind !== null && weightOf(kind) >= MIN_COUNTED_WEIGHT ? countsOneOf([kind]) : null;
  return !stories.some(
    ({ words, text }) =>
      termsHeld(words, [counted], related).size > 0 ||
      countsKind?.(text) === true ||
      countsObject?.(text) === true,
  );
}

/**
 * Whether a question asks for a sum of money ("how much ... pay / earn / cost", see asksForMoney) and none
 * of `stories` (the best few passages' stories' texts) gives one: "How much a week will Richard Dunne earn
 * on his new Man City contract?" was answered by a story on his wish to stay at the club and one on a derby
 * he played in, which hold his name, the club and "new", and no sum. The whole story, not the passage: a
 * story names its subject in one paragraph and gives the sum in another, and the answer is shown with that
 * paragraph (see completeWithAnswerKind). Only a sum of money, of the kinds of answer a question asks for:
 * nearly every story holds a figure or a date, and a reason is often given in no word of cause (see
 * answer-type), while a sum is written with a currency.
 * Measured with `npm run --silent eval -- --only dev,fresh`: the second batch's unanswerable refused
 * 0.588 -> 0.647, nothing else moved on either set (each of the 9 answerable questions asking search for a
 * sum finds a story giving one). On SQuAD 2.0's dev half and XQuAD-en (the answer's article read, no
 * search), each of the 5 answerable questions asking for a sum has an article giving one, though the answer
 * of one is not a sum ("How much does it cost to gain entry to a parliament meeting?": "free").
 * Only the stories about everything the question names count (see evidenceOf): "What price did Philip
 * Morris pay for Rothmans Holdings' stake in Rothmans International?" was answered beside the story of
 * Rothmans denying the sale, which gives no price, by one of analysts' forecasts for Philip Morris ("9.50
 * dlrs in 1988"). Measured with `npm run --silent eval -- --only dev,fresh` (with "what price did" read as
 * asking for a sum, see asksForMoney; either alone moved nothing): fresh unanswerable refused 0.855 ->
 * 0.873, nothing else moved on either set. "How much did Kevin Campbell win in damages from Mark Morrison
 * ...?" asks for a sum too, and its story gives none ("spent thousands of pounds"): the eighth batch's
 * unanswerable refused 0.800 -> 0.900 (the eighth batch, in fresh.jsonl since), nothing else moved on dev,
 * fresh or the eighth batch; on SQuAD 2.0's dev half and XQuAD-en, the 4 and 1 answerable questions asking
 * for a sum each have an article giving one.
 * A question asking a deal's price ("How much is Butler Manufacturing paying for Naturalite?", see
 * asksForPrice) is not answered by a story that says its price is not given ("Terms were not disclosed",
 * see withholdsPrice), whatever other sum it gives ("Naturalite had sales of about 20 mln dlrs in 1986"):
 * see publishedBefore for the measurement. Of SQuAD 2.0's dev half and XQuAD-en (the answer's paragraph
 * read, no search), the 2 and 0 answerable questions asking a price have a paragraph that gives it.
 * A question asking what was lost is not answered by a sum of another measure (see asksForLoss): a show's
 * cost is no loss.
 * A question naming who paid ("How much did Donald Trump pay for his stake in UAL?", see payerAsked) is
 * answered only by a story about their deal (its headline names them) or one giving a sum in a sentence
 * naming them (see givesPayersSum): the stories of UAL's takeover say Trump "holds a stake" and give what
 * the pilots would pay. Measured with `npm run --silent eval -- --only dev,fresh --questions <the twentieth
 * batch>`: its unanswerable refused 0.600 -> 0.800, nothing moved on dev or fresh. Each of the 6 answerable
 * questions of dev and fresh naming a payer has an answer story giving a sum in a sentence naming them, or
 * naming them in its headline ("INDIA BUYS PALM OLEIN AT TENDER").
 * A question asking for takings ("How much money did Super Size Me take at the box office?", see
 * asksForTakings) is answered only by a story giving a sum in words of takings (see givesTakings), not by
 * the story of the film's award, whose only sum is a court's damages (twenty-first batch).
 * A question asking a price per share ("What price per share is Intercep Investment offering for CCR
 * Video?", see asksPerShare) is answered only by a story giving a sum per share (see givesSumPerShare), not
 * by one giving only an offer's size or a company's sales; what someone is offering or bidding asks a sum
 * as what they pay does (see asksForMoney). A price only, not earnings a share, which results tables give
 * as "Shr 2.93 dlrs" ("How much did FirsTier Financial earn a share in the nine months?" was refused so).
 * Measured with `npm run --silent eval -- --only dev,fresh`: fresh unanswerable refused 0.944 -> 0.949 (that
 * question, whose stories give no sum at all), nothing else moved on dev or fresh.
 */
const moneyMissed = (question: string, stories: readonly string[]) => {
  if (stories.length === 0 || !asksForSum(question)) return false;
  const price = asksForPrice(question);
  const loss = asksForLoss(question);
  const payer = payerAsked(question);
  const paid = payer.length > 0 ? givesPayersSum(payer) : () => true;
  const takings = asksForTakings(question);
  const perShare = price && asksPerShare(question);
  const funds = asksForFunds(question);
  const penalty = asksForPenalty(question);
  return !stories.some(
    (text) =>
      holdsMoney(text) &&
      !(price && withholdsPrice(text)) &&
      (!loss || statesLoss(text)) &&
      paid(text) &&
      (!takings || givesTakings(text)) &&
      (!perShare || givesSumPerShare(text)) &&
      (!funds || givesFunds(text)) &&
      (!penalty || givesPenalty(text)),
  );
};

/**
 * Whether a question asks for a sum of money, takings asked by "how much" among them (see asksHowMuchTaken),
 * and a loan, financing, a penalty or a fine asked by "how much" (see asksForFunds, asksForPenalty). Not a question asking why (see
 * asksForCause), whose "how much" names what the reason is about: "Why has Air Deccan not disclosed how much
 * it is paying ATR for the aircraft?" is answered by the story saying the value "has not been revealed,
 * because of a confidentiality clause" (twenty-seventh batch), which gives no sum of the price: refused
 * once a value "has not been revealed" was read as a price withheld (see withholdsPrice), answered again
 * (`npm run --silent eval -- --only dates --questions <the twenty-seventh batch>`: answerable hit@3 0.871 ->
 * 0.886); no other question of dev, fresh or the batch asks why with "how much".
 */
const asksForSum = (question: string) =>
  !asksForCause(question) &&
  (asksForMoney(question) ||
    asksHowMuchTaken(question) ||
    asksForFunds(question) ||
    asksForPenalty(question));

/**
 * Whether a question asks which thing ("Which East Coast utility is Allegheny and Western going to sell its
 * gas to?", see askedIdentity) and every one of `stories` (the best few passages' stories about everything
 * it names) calls that thing unnamed ("a large, unspecified East Coast utility", see withholdsIdentity):
 * the story says it is not told. Answered so from that story (the fourteenth batch); see publishedBefore
 * for the measurement. Of the 562 and 226 answerable "which X" and "what X" questions of SQuAD 2.0's dev
 * half and XQuAD-en (the answer's paragraph read, no search), none has a paragraph calling X unnamed.
 */
const identityMissed = (question: string, stories: readonly string[]) => {
  if (stories.length === 0) return false;
  if (asksDoersName(question) && stories.every(saysDoerUnknown)) return true;
  const thing = askedIdentity(question);
  return thing !== null && stories.every(withholdsIdentity(thing));
};

/**
 * Whether a question asks for a value of a narrow kind (see valueAsked) and none of `stories` (the best few
 * passages' stories about everything it names) gives one in a sentence saying what it is of (see
 * givesValue): the story of Sale Tilney's purchase says the balance is paid "plus interest" and gives no
 * rate, the one of American Motors' board says it voted to postpone the meeting and gives no new date.
 * Measured with `npm run --silent eval -- --only dev,fresh`: fresh unanswerable refused 0.944 -> 0.953 (those
 * two), nothing else moved on either set; the fresh set's four answerable "what interest rate" questions keep
 * their answers.
 */
const valueMissed = (question: string, stories: readonly string[]) => {
  const kind = valueAsked(question);
  return kind !== null && stories.length > 0 && !stories.some((text) => givesValue(text, kind));
};

/**
 * Whether a question asks for an outcome (a verdict, a decision, a win, a choice: see askedOutcome) and none
 * of `stories` (the best few passages' stories' texts) states one (see statesOutcome): "What verdict did the
 * jury reach in Richard Scrushy's HealthSouth fraud trial?" was answered by the story of the trial's opening,
 * "What did the Hague court decide in Cehave's case ...?" by one saying the court "would give its verdict
 * within six weeks", "Which actor was finally cast as James Bond in Casino Royale?" by one saying "no decision
 * has yet been made". The whole story, not the passage, as for a sum of money. Narrower than refusing every
 * story that calls an outcome still to come ("expected to", "no decision"), which refused 12 answerable
 * questions whose stories say so of something else: the question must ask for the outcome (a verb of
 * judging, winning or choosing after "finally" or "eventually", a verdict, ruling or decision asked for,
 * what or how someone decided, whether someone was convicted), and a story stating one anywhere answers
 * it. A passage stating one is favoured in ranking (see favourAnswerKinds), so that a story of the verdict
 * ranked below those of the trial is judged too.
 * Measured with `npm run --silent eval -- --only dev,fresh`: fresh unanswerable refused 0.640 -> 0.840, no
 * answerable question of either set asks for an outcome. On SQuAD 2.0's dev half and XQuAD-en (the
 * answer's article read, no search), 2 answerable questions ask for one ("What did Warner Sinback decide",
 * "Did the European Court of Justice rule ...?"), and their articles state it ("He decided that ...").
 * So for a question stressing what was in the end done ("How much gold did Homestake actually produce in
 * 1987?", "did japan's ex-im bank ever approve that credit?": see askedOutcome), whose stories held only
 * the forecast ("he sees Homestake's 1987 gold production about the same"), the offer, the plan or the
 * order still to be carried out ("ordered Texaco to pay"), and for whether someone named was convicted,
 * which another story's conviction, or a regulator's "we found clues", had answered. Measured with `npm run
 * --silent eval -- --only dev,fresh`: the sixth batch's unanswerable
 * refused 0.400 -> 1.000 (six questions), the fifth batch's 0.600 -> 0.700 ("Were the Yili executives ever
 * convicted ...?"), nothing else moved on dev, fresh or either batch. Of the answerable questions of XQuAD-en
 * and SQuAD 2.0's dev half (answer's paragraph read, no search), 2 and 2 stress a deed ("When did Obama
 * finally visit Kenya?", "did Norway end up joining ...?": "Norway did not end up joining"), and each
 * paragraph states it; "What did NSFNET eventually provide?" did too, answered in other words, and is
 * read as no stress (see askedOutcome).
 * So, too, for a question asking what came of the first year of something new ("How many marriage approval
 * certificates did the Home Office turn down in the first year of the sham wedding rules?"), whose stories
 * report the rules coming into force: measured with `npm run --silent eval -- --only dev,fresh`, fresh
 * unanswerable refused 0.800 -> 0.855 (Ryanair's compensation, the sham marriage rules, IBM's mouse
 * adapter), nothing else moved on either set; no answerable question of XQuAD-en or SQuAD 2.0's dev half
 * asks so.
 * So, too, for a release asked for ("When was the American hostage Alann Steen finally set free?", of a story
 * where his kidnappers "offered to free him"), an outcome someone "ended up" reaching ("Which labs ended up
 * hiring the Media Lab Europe researchers after it shut?", of one saying they "will be quickly snapped up"),
 * and a sentence asked for with who was sentenced ("What sentences did the Greek court hand Kenteris and
 * Thanou when their criminal trial ended?", of stories where a tribunal cleared them and banned their
 * coach). Measured with `npm run --silent eval -- --only dev,fresh` (the ninth batch included): the ninth
 * batch's unanswerable refused 0.700 -> 1.000 (these three), nothing else moved on dev or fresh; no
 * answerable question of XQuAD-en or SQuAD 2.0's dev half is read as asking for an outcome it did not ask
 * for before.
 * So, too, for a vote asked for ("What was the Senate vote confirming David Ruder as SEC chairman?", of the
 * stories of his nomination), a winner of a prize named ("Who won the international film prize at the
 * Directors Guild of Great Britain awards?", of the story of its nominees) and a judgement stressed after
 * its doer, who must be its decider ("When did US regulators finally approve Diageo's takeover of
 * Chalone?", of a story where Diageo "has agreed to buy" and expects approval). Measured with `npm run
 * --silent eval -- --only dev,fresh`: fresh unanswerable refused 0.882 -> 0.918 (these three), nothing else
 * moved on either set. With "confirm" a verb of deciding, "Yili ... confirmed its chairman ... were all in
 * custody" stated a conviction (0.906). So, too, for a match's result against a side named ("Did Hingis get
 * past Marlene Weingartner in the first round in Pattaya?", of the story of her comeback, where "she faces"
 * her and once "lost to Elena Dementieva"): the eleventh batch's unanswerable refused 0.400 -> 0.500,
 * nothing else moved on dev, fresh or the eleventh batch (none of their answerable questions asks so); and
 * for a deed stressed by "in the end" closing the question ("Did the Buenos Aires underground workers get
 * their 53% pay rise in the end?", of the story of the strike): 0.500 -> 0.600, nothing else moved. The doer
 * of a judgement stressed is who decided in the sentence, before the verb (past whoever says it) or by
 * "by" after it: "What contract did TWA's flight attendants finally settle for after their strike?" was
 * answered by "TWA said the commission found ...", of the attendants' charges: 0.600 -> 0.700, nothing else
 * moved.
 */
const outcomeMissed = (question: string, stories: readonly string[], asksWords: boolean) => {
  const outcome = askedOutcome(question);
  if (outcome !== null && stories.length > 0 && !stories.some((text) => statesOutcome(text, outcome)))
    return true;
  // Each test below reads what the stories say: with no story, none of them holds.
  if (asksWords || stories.length === 0) return false;
  // A deed the stories only foresee, a deadline asked that they name only as one still to meet, or a thing
  // asked that a story says is not known ("did not name the shareholder"), each the outcome of a question
  // that is no answer to it (see saysUntold). A deed asked yes or no whose verb the stories name in no form
  // is judged by what it gives (see objectNamed): "Did Reagan grant Oklahoma federal disaster aid after the
  // central Oklahoma floods, and how much?" was answered by the governor "expected to ask President Reagan
  // for federal disaster relief". Not every deed unnamed: five answerable questions asked yes or no of dev
  // and fresh name their deed in other words ("Did the rebels' bomb knock out the electricity?": "power
  // supplies were not affected"), none of them what it gives only as still to come. Measured with `npm run
  // --silent eval -- --only dev,fresh --questions <the eighteenth batch>`: its unanswerable refused 0.800 ->
  // 0.900, nothing else moved on dev, fresh or the batch.
  const asked = thingsAsked(question, asksForCause(question));
  const about = untoldAbout(question);
  const deadline = asksPast(question) ? deadlineAsked(question) : null;
  const deeds = deedsDone(question);
  // Each deed's naming read once: the deed asked yes or no is the first (see yesNoDeedAsked).
  const namedBy = deeds.map((deed) => stories.map((text) => deedNamed(text, deed)));
  const yesNo = yesNoDeedAsked(question, deeds);
  return (
    namedBy.some(onlyAhead) ||
    (yesNo !== null &&
      namedBy[0]!.every((named) => named === 'unnamed') &&
      onlyAhead(stories.map((text) => objectNamed(text, yesNo)))) ||
    (deadline !== null && onlyAhead(stories.map((text) => deadlineNamed(text, deadline)))) ||
    stories.some((text) => saysUntold(text, asked, about))
  );
};

/**
 * How the last question judged asks of the past, kept because readsStories and evidenceOf both read it of
 * the same question and each reading of its deeds looks their verbs up in WordNet: whether it asks in the
 * past tense looking to nothing ahead itself, and (once asked for) the deeds it takes as done.
 */
let lastAsked: { question: string; past: boolean; deeds?: readonly TakenDeed[] } | undefined;

const pastAsked = (question: string) => {
  if (lastAsked?.question !== question)
    lastAsked = { question, past: asksInThePast(question) && !looksAhead(question) };
  return lastAsked;
};

/** Whether a question asks in the past tense, looking to nothing ahead itself (see asksInThePast, looksAhead). */
export const asksPast = (question: string) => pastAsked(question).past;

/** The deeds a question in the past tense, looking to nothing ahead itself, takes as done (see deedsTakenAsDone). */
const deedsDone = (question: string): readonly TakenDeed[] => {
  const asked = pastAsked(question);
  asked.deeds ??= asked.past ? deedsTakenAsDone(question) : [];
  return asked.deeds;
};

/**
 * Whether stories name a deed (see deedNamed) or a deadline (see deadlineNamed) only as still to come:
 * named by one, done in none. A question in the past tense takes its deed as done, whatever its phrasing,
 * where a story may tell only of the deed ahead: "Did the New Hampshire Supreme Court agree to rehear the
 * Amoskeag-Portsmouth case?" of the story where the banks "will file motions for a rehearing", "Did FECSA's
 * creditor banks end up agreeing to reschedule its debt?" of the one where talks "will cover a possible
 * rescheduling". Read so rather than one phrasing of an outcome at a time (see askedOutcome); a deed the stories never name, in
 * other words perhaps, is left to the other judgements. Measured with `npm run --silent eval -- --only
 * dev,fresh`: fresh unanswerable refused 0.878 -> 0.896 (those two), nothing else moved on dev or fresh. Not
 * for a question asking for someone's words (see evidenceOf), nor for a deed done "last" (see
 * deedsTakenAsDone), which newly refused three answerable questions of fresh.
 */
const onlyAhead = (named: readonly Named[]) =>
  (named.includes('ahead') || named.includes('earlier')) && !named.includes('done');

/**
 * Words a question asks for money by. A passage giving a sum (see holdsMoney: "£10,575", "$387m", "283 mln
 * stg") holds the question's "money" whether or not it says the word, as a caption holds "photo": "Why did
 * McDonald's hand money to the Liberal Democrats?" is answered by "fast food giants McDonald's are listed
 * as donating a sum of £10,575. This was a fee the firm paid for a room ...", which held the two names and
 * nothing else of the question (see holdsMoreThanNames). Measured with `npm run --silent eval -- --only
 * dev,fresh` (with the passages naming every name searched first, see namedPassages): the second batch's
 * paraphrase hit@3 0.818 -> 0.909, the development set unchanged (unanswerable refused 0.970); each change
 * alone moved no question.
 */
const MONEY_WORDS = new Set(['money', 'cash']);

/**
 * Whether the judgement of a question reads its best passages' whole stories (see evidenceOf's `stories`):
 * for the names it asks about, the years it names, the thing it counts, a sum of money, an outcome, a
 * thing to be identified and a value of a narrow kind (see valueAsked) it asks for.
 */
export const readsStories = (question: string, names: readonly string[]) =>
  names.length > 0 ||
  yearsAsked(question).length > 0 ||
  countedThing(question) !== null ||
  asksForSum(question) ||
  askedOutcome(question) !== null ||
  deedsDone(question).length > 0 ||
  askedIdentity(question) !== null ||
  asksDoersName(question) ||
  valueAsked(question) !== null;

/** The model's half of the judgement, whose thresholds are calibrated per model and per index. */
export function isCloseInMeaning(
  { similarity, coverage }: Evidence,
  thresholds: EvidenceThresholds,
): boolean {
  return (
    similarity >= thresholds.minSimilarity ||
    (coverage >= thresholds.minCoverage && similarity >= thresholds.minSimilarityWithCoverage)
  );
}

export function isStrongEvidence(evidence: Evidence, thresholds: EvidenceThresholds): boolean {
  if (
    evidence.missesYear ||
    evidence.missesName ||
    evidence.missesCounted ||
    evidence.missesMoney ||
    evidence.missesOutcome ||
    evidence.missesIdentity ||
    evidence.missesValue ||
    evidence.missesSpeaker
  ) {
    return false;
  }
  return isCloseInMeaning(evidence, thresholds) || evidence.anchored;
}

/**
 * A question asking for someone's words, view or reaction ("How did Snoop Dogg's camp answer the make-up
 * artist who is suing him?", "How does wheat growers' leader Jim Miller feel US diplomacy has affected grain
 * sales abroad?", "According to Reynolds and Reynolds, what did Advanced Voice Technologies do wrong?"),
 * phrased so that it is not read as asking what someone said (see parseSpeakerQuestion), asks search for a
 * statement beyond its names: a
 * passage that names them and attributes words (STATEMENT) gives the kind of answer asked, as a figure
 * does for "how many", and needs MIN_ANCHORED_COVERAGE of the question's words, not MIN_NAMED_COVERAGE.
 * The question paraphrases what the statement is about ("camp" for "the rapper's spokesperson", "US
 * diplomacy" for "State Department trade policies"), and each of those three was refused with its answer
 * among the passages judged (named-words coverage 0.42 to 0.69). Measured with `npm run --silent eval --
 * --only dev,fresh`: fresh speaker-topic-paraphrase hit@3 0.850 -> 0.900 (refused 0.050 -> 0),
 * reported-speech refused 0.026 -> 0 (its story second, the answer in the paragraph after), answerable
 * refused 0.040 -> 0.033; nothing else moved, unanswerable refused unchanged (0.970, 0.764). Read so for
 * every question asking what someone said as well, a body's search fallback (see build-answer) answered
 * "what was the IMF managing director's reaction to the tsunami?" from a passage naming the IMF, not with
 * Rodrigo de Rato's statements (speaker-reading test). An accusation asked ("What is Pittway accusing Black
 * and Decker of?") asks for a statement too, which stories report by other verbs ("Pittway Corp charged
 * Black and Decker Inc with infringing ..."): refused with that paragraph first, it is answered; fresh
 * reported-speech hit@3 0.821 -> 0.911 with the cause questions of answer-type, "the bank board" of
 * resolve-speaker and the credits of PIPELINE_VERSION 20 (`npm run --silent eval -- --only dev,fresh`),
 * nothing else moved on dev or fresh.
 */
const VIEW_QUESTION =
  /\b(?:feel|feels|felt|think|thinks|thought|reckon|reckons|believe|believes|answer|answered|respond|responded|react|reacted|reply|replied|accuse|accuses|accused|accusing|allege|alleges|alleged|alleging)\b|^according\s+to\b/iu;
const STATEMENT =
  /\b(?:said|says|told|tells|according\s+to|stated|added|argued|claimed|insisted|warned|denied|denies|alleged|accused|charged|contended|maintained)\b|["“”]/iu;

/**
 * Of the names a question asks about (see questionNames), those a story about it names (see missesName):
 * all but the United States. The archive's wire copy is written for American readers, and its stories of
 * American agencies, companies and figures name no country: "By how much did US distillate fuel
 * inventories fall in the EIA's report for the week ended Feb 27?" was refused with its answer first
 * ("Distillate fuel stocks held in primary storage fell by 3.4 mln barrels in the week ended Feb 27 ...,
 * the Energy Information Administration (EIA) said"). `npm run --silent eval -- --only
 * dev,fresh,held-out,dates`: fresh fact hit@3 0.940 -> 0.947 (answerable 0.916 -> 0.917), nothing else
 * moved, unanswerable refused unchanged (1.000, 0.951). Not Britain as well, the BBC's home: "How many
 * manufacturing jobs did the UK lose in 2006?" was answered from a story of other years (fresh unanswerable
 * refused 0.951 -> 0.947).
 */
export const namedByStories = (names: readonly string[]): string[] =>
  names.filter((name) => !countryFormsOf(name)?.codes.includes('US'));

/**
 * The evidence of the best few hits, best first, for `isStrongEvidence` to judge. A passage's words are
 * read with its article's context, as search read them: "what did the bank buy?" is answered by a
 * paragraph that says only "it completed its acquisition" under a headline naming the bank.
 */
export function evidenceOf(
  hits: readonly {
    passage: { text: string; context: string; kind?: string; articleId?: number; published?: string | null };
    similarity: number;
  }[],
  queryTerms: readonly string[],
  weightOf: (term: string) => number,
  /** The names the question asks about (see questionNames), as query terms. */
  names: readonly string[] = [],
  question?: string,
  /**
   * The hits' whole stories (see StoryCache), by article id. When no article among them mentions every name
   * the question asks about, nothing found is about it, however close in meaning: "How much did Oracle pay
   * to buy Sun Microsystems?" was answered by a story on a Sun product launch, "When will Aston Martin
   * launch its first electric SUV?" by one on its cheapest sports car, each close enough to the model
   * (similarity 0.62 and 0.60, coverage 0.60 and 0.47). The whole article, not the passage: a paragraph that
   * answers often names the subject only in the headline or the opening paragraph. And any of the articles,
   * not each passage's own: "What did the Canadian Coalition on Acid Rain's spokesman say?" found the
   * coalition's story first, and was judged answered by the passage below it, on the Canadian government.
   * A country is named in any of its forms (see termsHeld): "Moscow's troops ... according to UK defence
   * intelligence" is answered by a story on "Russian soldiers" and "the British Ministry of Defence".
   * Measured on the development set (`npm run --silent eval -- --only dev`): unanswerable refused 0.909 ->
   * 0.970; answerable hit@1 / hit@3 unchanged, two answerable questions that were shown other stories'
   * passages ("UK defence intelligence", "the former KGB officer") now refused; held-out unchanged.
   */
  stories?: ReadonlyMap<number, Story>,
  /**
   * The question as asked, with the dates that were read off it to limit the period searched ("in 1987"):
   * the periods of accounts it names (see accountsPeriodEnds). The question searched by default.
   */
  wholeQuestion: string | undefined = question,
): Evidence[] {
  // A name of several words is held as one ("General Electric", never the "General" of "General Motors").
  // A phrase placing the question at its story's time ("so far") is no word its answer must hold.
  const terms =
    question === undefined ? queryTerms : withoutTimeFrame(question, withNamePhrases(question, queryTerms));
  const content = contentTerms(terms);
  const rarest = [...content].sort((a, b) => weightOf(b) - weightOf(a)).slice(0, ANCHOR_TERMS);
  const years = content.filter((term) => YEAR.test(term));
  const anchors = [...new Set([...rarest, ...years])];
  // A caption is the words under a picture: it holds "photo" and "pictured" whether or not it says them;
  // an amount of money holds "money" (see MONEY_WORDS).
  const pictureWords = terms.filter(isPictureWord).join(' ');
  const moneyWords = terms.filter((term) => MONEY_WORDS.has(term)).join(' ');
  const asked = question === undefined ? null : parseSpeakerQuestion(question);
  const wantsStatement = asked?.topic === null;
  // Not a question read as asking what someone said: search answers it only when the speaker's statements
  // do not, and then by the evidence any question needs (a body's search fallback, see build-answer).
  const asksView = question !== undefined && asked === null && VIEW_QUESTION.test(question);
  // A question asking what someone said on a topic is answered, too, by a passage that names the person
  // asked by name and attributes words, when their statements were not credited to them (see
  // searchStatements): "what did Tyrie have to say about the budget details turning up in the Standard
  // early?" was refused with "Tory frontbencher Andrew Tyrie MP demanded an immediate ministerial statement
  // about how measures had been "clearly, or at least apparently, leaked to the Evening Standard"" first,
  // holding 0.59 of the question's words (MIN_NAMED_COVERAGE 0.6). A person asked by name, never a role or
  // a body: "what was the IMF managing director's reaction to the tsunami?" is answered by Rodrigo de Rato's
  // statements, not by a passage quoting "the IMF's managing director" on Turkey (speaker-reading test).
  // Measured with `npm run --silent eval -- --only dev,fresh --questions <the eighteenth and nineteenth
  // batches in one file>`: their speaker-surname hit@3 0.750 -> 0.833 (refused 0.083 -> 0), reported-speech
  // refused 0.083 -> 0 (that story now shown, its answer paragraph not); nothing else moved on dev, fresh or
  // those batches, unanswerable refused unchanged.
  const person = asked?.topic ? personNameAsked(asked.speaker) : null;
  const statesSpeaker = (text: string) => person !== null && namesPerson(person, text);
  const judged = hits.slice(0, EVIDENCE_DEPTH);
  const storyOf = (passage: (typeof judged)[number]['passage']) =>
    passage.articleId === undefined ? undefined : stories?.get(passage.articleId);
  // A passage whose story was not read is judged by its own words and context.
  const storyWordsOf = ({ passage }: (typeof judged)[number]) =>
    storyOf(passage)?.words ?? wordsOf(`${passage.context}\n${passage.text}`);
  const storyNamesEvery = namesEvery(namedByStories(names));
  const namesEverything = ({ passage }: (typeof judged)[number]) => {
    // The story's text begins with its context (headline and subjects), as search read it.
    const story = storyOf(passage);
    return story === undefined || storyNamesEvery(story);
  };
  const missesName = names.length > 0 && judged.length > 0 && !judged.some(namesEverything);
  // The judged passages whose stories are about everything the question names (all of them when it names
  // nothing): a sum of money, a sentence passed or a thing counted in another story is another's. "What
  // sentence did Yoshiaki Tsutsumi get for the Seibu share fraud?" was answered by the story of his fall
  // beside one where "Keaton ... was sentenced", "How many crew were lost when the Cumberlande sank?" by its
  // cargo beside another ship's "one of its eight crew members was killed". Measured with `npm run --silent
  // eval -- --only dev,fresh`: the eighth batch's unanswerable refused
  // 0.600 -> 0.800 (those two), nothing else moved on dev, fresh or the eighth batch (for money, see
  // moneyMissed).
  const about = judged.filter(namesEverything);
  const storyTextOf = ({ passage }: (typeof judged)[number]) =>
    storyOf(passage)?.text ?? `${passage.context}\n${passage.text}`;
  const aboutTexts = about.map(storyTextOf);
  const missesCounted =
    question !== undefined &&
    countedMissed(
      question,
      about.map((hit, index) => ({ words: storyWordsOf(hit), text: aboutTexts[index]! })),
      weightOf,
    );
  const missesMoney = question !== undefined && moneyMissed(question, aboutTexts);
  // A question asking for someone's words asks what they said of a deed, not whether it was done: "How did
  // Ireland's communications minister react to Media Lab Europe closing?" of the story of its closure to come.
  const missesOutcome =
    question !== undefined && outcomeMissed(question, aboutTexts, asked !== null || asksView);
  const missesIdentity = question !== undefined && identityMissed(question, aboutTexts);
  const missesValue = question !== undefined && valueMissed(question, aboutTexts);
  // A question asking what a person named in full said ("What did Nixdorf chairman Klaus Luft say about the
  // labour office computer order?") reaches search when none of their statements answers it (see
  // answerWords in build-answer), or none is stored under that name: a passage answers it only when it
  // names them and attributes words (a verb of saying or quoted words, STATEMENT). Answered before by a
  // story naming Luft chairman and the order's story, where "Nixdorf ... said" (the twentieth batch).
  // Measured with `npm run --silent eval -- --only dev,fresh --questions <the twentieth batch>`: its
  // unanswerable refused 0.400 -> 0.600, nothing moved on dev or fresh. Read for any capitalised words
  // ending the speaker asked, it refused "What did the founder of the British Independent Film Awards say
  // about this year's nominations?" (fresh speaker-role 0.982 -> 0.973): a name after "of" is a body.
  const heard = asked === null ? null : fullNameAsked(asked.speaker);
  const missesSpeaker =
    heard !== null &&
    judged.length > 0 &&
    !judged.some(({ passage }) => namesPerson(heard, passage.text) && STATEMENT.test(passage.text));
  const relatedOf = relatedWords(question, anchors, names);
  const inThePast = question !== undefined && asksPast(question);
  const pastYears = inThePast ? yearsOfEvents(question) : [];
  const periodEnds =
    wholeQuestion === undefined ? [] : accountsPeriodEnds(wholeQuestion, asked !== null || asksView);
  const givesAnswerKindIn = question === undefined ? undefined : answerKindTest(question);
  return judged.map(({ passage, similarity }) => {
    const implied = [
      passage.kind === 'caption' ? pictureWords : '',
      holdsMoney(passage.text) ? moneyWords : '',
      // A dated story's "last year" holds the year before its own (see yearToldBack).
      yearToldBack(passage.text, passage.published) ?? '',
    ];
    const text = [passage.context, passage.text, ...implied].join('\n');
    const words = wordsOf(text);
    const held = termsHeld(words, [...anchors, ...names], relatedOf, names);
    // A name counts as written, as it does in `held` (see termsHeld): "Stephen L. Phelps" is the "Stephen
    // Phelps" asked. Counted by its words in a row alone, "Why did Stephen Phelps quit as head of National
    // Healthcare's board?" was refused with its answer first ("Stephen L. Phelps resigned as chairman of the
    // board ..., to pursue other business interests"), holding 0.37 of the question's weight, not 0.73.
    // `npm run --silent eval -- --only dev,fresh`: fresh paraphrase hit@3 0.694 -> 0.710 (refused 0.177 ->
    // 0.161), nothing else moved on either set, unanswerable refused unchanged (0.970, 0.882).
    const contentCoverage = termCoverage(text, content, weightOf, relatedOf, names);
    // Whether the passage holds the share `needed` of the question's words once the story's lead lends it
    // those of `required` it lacks (see leadHolds); never when the lead lacks one too.
    const coveredWithLead = (required: readonly string[], needed: number) => {
      const missing = required.filter((term) => !held.has(term));
      if (!leadHolds(passage, storyOf(passage), missing, relatedOf, names)) return false;
      const coverage =
        missing.length === 0
          ? contentCoverage
          : termCoverage([text, ...missing].join('\n'), content, weightOf, relatedOf, names);
      return coverage >= needed;
    };
    // The kind of answer asked for and given (a figure, a cause, a length of time, a time limit, a sum of money:
    // see givesAnswerKind) is what the question asks beyond its names. A question asking
    // what someone said, on no topic, asks nothing beyond who: "What did the Canadian Coalition on Acid Rain's
    // spokesman say?" (asked of search when no quote is attributed to the coalition) is answered by "The
    // Canadian Coalition on Acid Rain hailed Mulroney's call", which lacks "spokesman". Measured on the
    // development set (`npm run --silent eval -- --only dev`): that question answered (speaker-org-role
    // 0.933 -> 1.000), nothing else moved, unanswerable refused 0.970 unchanged.
    const givesKind =
      givesAnswerKindIn !== undefined &&
      (givesAnswerKindIn(passage.text) ||
        ((asksView || statesSpeaker(passage.text)) && STATEMENT.test(passage.text)));
    const holdsAsked = givesKind || wantsStatement || holdsMoreThanNames(words, content, names, relatedOf);
    return {
      missesYear:
        years.some(
          (year) =>
            !givesYearOf(passage, Number(year)) &&
            !namesMonthOf(passage, Number(year)) &&
            (yearMissed(year, held, storyOf(passage)) ||
              (inThePast && yearAheadOnly(year, text, storyOf(passage)))),
        ) ||
        pastYears.some((year) => publishedBefore(year, passage.published)) ||
        periodEnds.some((end) => publishedBy(end, passage.published)),
      missesName,
      missesCounted,
      missesMoney,
      missesOutcome,
      missesIdentity,
      missesValue,
      missesSpeaker,
      similarity,
      coverage: termCoverage(text, terms, weightOf),
      // Every anchor held by the passage or its story's lead, and the question's words so; or every name held
      // so: a story names its subject in the lead and says "the province" after. "How far has Guangdong's
      // grain-growing area shrunk?" was refused with its answer second, "the province's grain area fell to
      // 4.33 mln hectares in 1985 from 5.7 mln in 1978", whose story's lead names Guangdong. `npm run
      // --silent eval -- --only dev,fresh`: fresh headline-context hit@3 0.816 -> 0.828 (refused 0.092 ->
      // 0.080), nothing else moved on either set, unanswerable refused unchanged (0.970, 0.911).
      anchored:
        holdsAsked &&
        ((anchors.length > 0 && coveredWithLead(anchors, MIN_ANCHORED_COVERAGE)) ||
          (names.length > 0 && coveredWithLead(names, namedCoverageNeeded(givesKind)))),
    };
  });
}
