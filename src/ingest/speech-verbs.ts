import nlp from 'compromise';

// prettier-ignore
/**
 * Lemmas of verbs that report what someone said. Only lemmas are listed: compromise derives every
 * inflection, so "echoes", "warning" and "told" need no entries of their own. The verbs that judge what was
 * said or done ("Lyng dismissed recent statements in Tokyo that Japan might retaliate", "hailed", "praised",
 * "criticised", "condemned", "welcomed") report speech in news too: with them 194 credits on the development
 * archive are new or changed and 12 gone; of a random 20 new ones, 16 are right and the other 4 carry the
 * name or sentence faults of before ("China welcomed a U.S." cut at "U.S."). Development set answerable
 * hit@3 0.964 -> 0.970 (the Agriculture Secretary on Japan retaliating), second and third batches 0.918 ->
 * 0.924, nothing lost (`npm run --silent eval -- --only dev,fresh`).
 */
const SPEECH_VERBS = [
  'say', 'tell', 'warn', 'accuse', 'insist', 'echo', 'add', 'state', 'claim', 'argue', 'reveal', 'announce',
  'note', 'stress', 'urge', 'explain', 'declare', 'confirm', 'deny', 'acknowledge', 'admit', 'suggest',
  'emphasise', 'emphasize', 'reiterate', 'vow', 'allege', 'assert', 'remark', 'reply', 'respond', 'comment',
  'write', 'concede', 'complain', 'predict', 'boast', 'recall', 'caution', 'dismiss', 'hail', 'praise',
  'criticise', 'criticize', 'condemn', 'welcome',
];

function inflections(lemma: string): string[] {
  const [forms] = nlp(lemma).verbs().conjugate() as Record<string, string>[];
  // Multi-word forms ("will say") never match a single token, so only keep one-word forms.
  return [lemma, ...Object.values(forms ?? {}).filter((form) => !form.includes(' '))];
}

/**
 * Forms that are far more often nouns ("the United States", "a comment") would send most sentences to
 * the tagger for nothing; their past tenses ("stated", "commented") still count.
 */
const MOSTLY_NOUNS = new Set([
  'state',
  'states',
  'comment',
  'comments',
  'remark',
  'remarks',
  'note',
  'notes',
]);

export const SPEECH_VERB_FORMS: ReadonlySet<string> = new Set(
  SPEECH_VERBS.flatMap(inflections).filter((form) => !MOSTLY_NOUNS.has(form)),
);

/**
 * "according to" reports speech without a verb, so it is a cue of its own; so do "described X as" and
 * "labelled X" with quoted words after them (see describedAs and quotedAfter in speech-grammar), and a
 * verb whose colon opens quoted words (see introducesQuote).
 */
const ACCORDING_TO = /\baccording\s+to\b/i;
const DESCRIBED_AS = /\bdescrib(?:e|es|ed|ing)\b.{0,80}?\bas\s+["“]/i;
const LABELLED = /\blabel(?:s|l?ed|l?ing)?\b.{0,80}?["“]/i;
/** A word whose colon opens quoted words ("observed: "There was ..."), a cue whatever the verb is. */
const COLON_QUOTE = /\p{L}:\s*["“]/u;

/**
 * A cheap word scan that decides whether a sentence is worth tagging with compromise at all; most
 * sentences of a news article report no speech, and tagging dominates the cost of attribution.
 */
export function mayReportSpeech(sentence: string): boolean {
  if ([ACCORDING_TO, DESCRIBED_AS, LABELLED, COLON_QUOTE].some((cue) => cue.test(sentence))) return true;
  for (const [word] of sentence.matchAll(/\p{L}+/gu)) {
    if (SPEECH_VERB_FORMS.has(word.toLowerCase())) return true;
  }
  return false;
}
