/**
 * Questions that ask for the outcome of something that ends in a judgement, a win or a choice ("What verdict
 * did the jury reach ...?", "What did the Hague court decide ...?", "How much did Lufthansa eventually win
 * in damages?", "Which actor was finally cast as James Bond?"), and whether a story states such an outcome.
 * A story reporting only that the trial opened, that proceedings began, that the company may sue or that
 * no decision has yet been made holds every name of such a question and none of its outcome.
 */

/**
 * The kinds of outcome, each by the verbs that state it: judging and deciding (WordNet's "decide, settle,
 * resolve, adjudicate", "rule, find" and the troponyms of "pronounce, judge": convict, acquit, clear, with
 * what courts do to a case and to the convicted: uphold, overturn, reject, dismiss, sentence, jail, fine,
 * and what a board or a council decides by: approve, agree, vote, opt),
 * and winning or being chosen, which news reports in each other's words ("won the role", "was named the
 * winner"): WordNet's "win" with what is won by award, and its "choose, take, select, pick out" with the
 * troponyms for people (cast, appoint, name, elect, nominate, hire).
 */
const OUTCOME_VERBS = {
  decision:
    'decide rule judge conclude determine settle resolve adjudicate convict acquit clear sentence jail fine uphold overturn reject dismiss find approve agree vote opt'.split(
      ' ',
    ),
  selection: 'win award grant choose select pick cast appoint name elect nominate hire'.split(' '),
} as const;
export type OutcomeKind = keyof typeof OUTCOME_VERBS;

/** The outcome verbs whose past is not the regular one. */
const IRREGULAR_PAST: Readonly<Record<string, readonly string[]>> = {
  win: ['won'],
  cast: ['cast'],
  find: ['found'],
  choose: ['chose', 'chosen'],
  uphold: ['upheld'],
};

/** A verb's past tense and participle ("decided", "ruled", "won", "cast"). */
function pastForms(verb: string): readonly string[] {
  const irregular = IRREGULAR_PAST[verb];
  if (irregular) return irregular;
  return verb.endsWith('e') ? [`${verb}d`] : [`${verb}ed`, `${verb}${verb.at(-1)!}ed`];
}

const KIND_OF_VERB = new Map<string, OutcomeKind>(
  (Object.entries(OUTCOME_VERBS) as [OutcomeKind, readonly string[]][]).flatMap(([kind, verbs]) =>
    verbs.flatMap((verb) => [verb, ...pastForms(verb)].map((form): [string, OutcomeKind] => [form, kind])),
  ),
);
const PAST_OF_KIND = new Map<OutcomeKind, ReadonlySet<string>>(
  (Object.entries(OUTCOME_VERBS) as [OutcomeKind, readonly string[]][]).map(([kind, verbs]) => [
    kind,
    new Set(verbs.flatMap(pastForms)),
  ]),
);

/**
 * An adverb of ending before the verb it ends ("eventually win", "finally cast", "will finally be named"):
 * the asker knows the story went on to an outcome.
 */
const ENDING_ADVERB =
  /\b(?:finally|eventually|ultimately|in\s+the\s+end)\s+(?:be\s+|been\s+|get\s+)?([a-z]+)/iu;
/** A judgement asked for by name: "What verdict did the jury reach", "What was the ruling". */
const JUDGEMENT_ASKED =
  /\bwhat\s+(?:(?:verdict|ruling|decision|judge?ment|sentence)\s+(?:did|was|has|had)\b|(?:was|is)\s+the\s+(?:verdict|ruling|decision|judge?ment)\b)/iu;
/** The start of a question asked yes or no, after a greeting: "hey, was ...". */
const YES_NO_START = String.raw`^\W*(?:(?:hey|hi|so|ok|okay|yo|and|but)\W+)?`;
/**
 * The decision of someone named: "What did <who decides> decide / rule / conclude", "How did <who> rule",
 * "Did <who> decide", "Has <who> ruled".
 */
const DECISION_ASKED = new RegExp(
  String.raw`\b(?:(?:what|how)\s+(?:did|has|have|had)\s+((?:[\p{L}\p{N}'.-]+\s+){1,12}?)(?:decide|rule|conclude)|${YES_NO_START}(?:did\s+((?:[\p{L}\p{N}'.-]+\s+){1,12}?)(?:decide|rule)|(?:has|have)\s+((?:[\p{L}\p{N}'.-]+\s+){1,12}?)(?:decided|ruled)))\b`,
  'iu',
);
/** Whether someone was judged, asked yes or no: "Was Scrushy found guilty?", "Were the officers cleared?" */
const JUDGED_ASKED = new RegExp(
  String.raw`${YES_NO_START}(?:was|were)\s+(?:[\p{L}\p{N}'.-]+\s+){1,8}?(?:convicted|acquitted|cleared|sentenced|jailed|found\s+(?:not\s+)?(?:guilty|innocent))\b`,
  'iu',
);
/** Words of a decider's phrase that do not name it ("the panel set up by Aquino"). */
const NOT_NAMING = new Set(
  'the a an of by in on at to for set up who which that its his her their'.split(' '),
);

export interface AskedOutcome {
  kind: OutcomeKind;
  /** Lower-case words naming who decides ("hague", "court"), when the question names them; else empty. */
  decider: readonly string[];
}

/** The outcome a question asks for (see OUTCOME_VERBS), or null when it asks for none. */
export function askedOutcome(question: string): AskedOutcome | null {
  const ended = ENDING_ADVERB.exec(question);
  const endedKind = ended ? KIND_OF_VERB.get(ended[1]!.toLowerCase()) : undefined;
  if (endedKind) return { kind: endedKind, decider: [] };
  if (JUDGEMENT_ASKED.test(question) || JUDGED_ASKED.test(question)) return { kind: 'decision', decider: [] };
  const decided = DECISION_ASKED.exec(question);
  if (!decided) return null;
  const decider = decided[1] ?? decided[2] ?? decided[3]!;
  const words = decider.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return { kind: 'decision', decider: words.filter((word) => !NOT_NAMING.has(word)) };
}

/**
 * Words that put what follows them in the same clause still to come, or not at all: "the court said it
 * would give its verdict within six weeks", "no decision has yet been made", "is not expected to make a
 * final ruling", "established an arbitration panel to settle a row", "before the matter is finally
 * resolved".
 */
const NOT_YET =
  /\b(?:will|would|may|might|could|shall|should|can|to|expected|due|yet|before|until|whether|if|no|not|never|awaiting|pending)\b/iu;
/** Where a clause starts: a comma or other stop inside a sentence, a conjunction, a relative pronoun. */
const CLAUSE_START = /[,;:]|\b(?:and|but|which|who|that)\b/iu;
/** A pronoun standing for the decider named in an earlier sentence ("He decided that ..."). */
const PRONOUN_SUBJECT = /^\s*(?:he|she|it|they)\s*$/iu;

/**
 * Whether a story's text states an outcome of the kind asked: a verb of that kind in the past ("ruled",
 * "was acquitted", "won", "was named") that no word of NOT_YET puts still to come in its clause, in a
 * sentence naming the decider when the question names one (any of its words, a plural as written in the
 * singular: "the judges" by "Judge Lord Cullen ruled"), or with a pronoun standing for it: "The UCPB
 * rejected an original offer" states no decision of the arbitration panel asked about.
 */
export function statesOutcome(text: string, { kind, decider }: AskedOutcome): boolean {
  const pasts = PAST_OF_KIND.get(kind)!;
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/u)) {
    const lower = sentence.toLowerCase();
    const namesDecider =
      decider.length === 0 ||
      decider.some((word) => new RegExp(`\\b${word.replace(/s$/u, '')}`, 'u').test(lower));
    for (const word of lower.matchAll(/[\p{L}']+/gu)) {
      if (!pasts.has(word[0])) continue;
      const clause = sentence.slice(0, word.index).split(CLAUSE_START).at(-1)!;
      if (NOT_YET.test(clause)) continue;
      if (namesDecider || PRONOUN_SUBJECT.test(clause)) return true;
    }
  }
  return false;
}
