import type { Article } from '../document/article.js';
import { resultTableBlocks } from '../document/result-table.js';

/** Enough names to say who or what a story is about; more only repeats the story in every passage. */
const MAX_SUBJECTS = 4;
/** A name met in one paragraph only is a passing mention, not what the story is about. */
const MIN_PARAGRAPHS = 2;

/** Capitalised words (with inner capitals, hyphens and apostrophes: "McDonald's", "Al-Assad") in a row. */
const NAME = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*/gu;

/** Capitalised for grammar, not because they are names. */
const NOT_NAMES = new Set(
  'A An The This That These Those It Its He She They We I You His Her Their Our But And Or If In On At Of For To By With From As After Before When While Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/** A name as a paragraph writes it, and where in the paragraph its first word stands. */
interface Written {
  name: string;
  at: number;
}

/** Before a sentence's first word: the paragraph's start, a full stop, a colon ("NOTE: Full name ..."). */
const SENTENCE_START = /(?:^|[.!?:]["'\p{Pf}]*\s+)$/u;

function namesIn(text: string): Written[] {
  const names: Written[] = [];
  for (const match of text.matchAll(NAME)) {
    const words = [...match[0].matchAll(/\S+/gu)];
    // A capital at a sentence start proves nothing ("The bank said"), but "Barclays said" still names Barclays.
    const first = words.findIndex(([word]) => !NOT_NAMES.has(word));
    if (first < 0) continue;
    const name = words
      .slice(first)
      .map(([word]) => word)
      .join(' ')
      .replace(/['’]s$/u, '');
    if (name.length > 1) names.push({ name, at: match.index + words[first]!.index });
  }
  return names;
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** What a company's name adds to its headline's "GEMCRAFT" in "Gemcraft Inc": no word of the story. */
const COMPANY_WORDS = new Set('inc corp co ltd plc ag nv sa spa corporation company group'.split(' '));

/**
 * Whether a name written once under a results table is the table's subject: a name of several words, or
 * one not capitalised only for opening a sentence ("NOTE", "Full"), holding a word the headline lacks
 * beyond a company's suffix. A table names nothing, and its story's note often names in full the company
 * or fund the headline shortens ("NOTE: Full name Philippine Long Distance Telephone Co.", "NOTE: Franklin
 * California Insured Tax-Free Income Fund." under "FRANKLIN CALIFORNIA SETS MONTHLY PAYOUT"): "What's
 * the monthly dividend on the Franklin California Insured Tax-Free Income Fund?" found the notes of six
 * Franklin funds and not the row "Mthly div 6.5 cts vs 6.5 cts prior" above its own. Measured with `npm
 * run --silent eval -- --only dev,fresh` (one-off PIPELINE_VERSION): fresh caption hit@3 0.897 -> 0.923,
 * nothing else moved on dev or fresh, calibration unchanged; 434 of the 20,993 contexts of the development
 * archive changed. Every story's lead counted so (the names of its first paragraph, named once; and of
 * names written as often, the earliest first) changed 15,548 of them and lost more than it won: dev
 * answerable hit@3 0.976 -> 0.959 and unanswerable refused 0.970 -> 0.939 with the calibration kept
 * (fresh headline-context 0.772 -> 0.825 but unanswerable refused 0.882 -> 0.859); a longer context
 * weighs the headline's own words less in every passage of the story.
 */
function namesTableSubject(note: string, { name, at }: Written, headlineWords: ReadonlySet<string>): boolean {
  if (!/\s/u.test(name) && SENTENCE_START.test(note.slice(0, at))) return false;
  return wordsOf(name).some((word) => !headlineWords.has(word) && !COMPANY_WORDS.has(word));
}

/** The names of a results table's note that are the table's subject (see namesTableSubject). */
function tableSubjectsOf(note: string, headline: string): Set<string> {
  const headlineWords = new Set(wordsOf(headline));
  const subjects = namesIn(note).filter((written) => namesTableSubject(note, written, headlineWords));
  return new Set(subjects.map(({ name }) => name));
}

/**
 * A story names a company or body in full once and by its initials after ("US behemoth General Electric
 * has posted ...", then "GE's net profits were $5.37bn"): the paragraphs naming the initials name it too,
 * and the initials are no subject apart from it, when the story names it before it uses them. "Which film
 * helped General Electric's earnings?" is answered by a paragraph that says "GE" under the headline "GE
 * sees 'excellent' world economy".
 */
function creditInitials(paragraphsNaming: Map<string, Set<number>>): void {
  for (const [name, paragraphs] of paragraphsNaming) {
    const words = name.split(/\s+/u);
    if (words.length < 2) continue;
    const initials = words.map((word) => word[0]!).join('');
    const named = paragraphsNaming.get(initials);
    // Initials used before the name are another's: "the US' biggest firm" is no "Universal Studio".
    if (!named || Math.min(...named) < Math.min(...paragraphs)) continue;
    for (const index of named) paragraphs.add(index);
    paragraphsNaming.delete(initials);
  }
}

/**
 * The context every passage of an article is searched and embedded with ("contextual retrieval"): the
 * headline, and the names the story keeps coming back to. A paragraph deep in a story often says "the
 * bank" or "he" where its headline names Barclays or Lammy; with this context it is found by either.
 */
export function articleContext(article: Pick<Article, 'title' | 'paragraphs'>): string {
  const headline = article.title.toLowerCase();
  const paragraphsNaming = new Map<string, Set<number>>();
  const tableLines = new Set(
    resultTableBlocks(article.paragraphs.map((paragraph) => paragraph.text)).flatMap(({ first, last }) =>
      Array.from({ length: last - first + 1 }, (_, offset) => first + offset),
    ),
  );
  // The first paragraph under a table the story opens with: its note.
  const note = tableLines.has(0) ? article.paragraphs.findIndex((_, index) => !tableLines.has(index)) : -1;
  const tableSubjects =
    note < 0 ? new Set<string>() : tableSubjectsOf(article.paragraphs[note]!.text, headline);
  article.paragraphs.forEach((paragraph, index) => {
    // A table's row labels ("Shr", "Revs", "Avg shrs") are capitalised as the line's first word, not names.
    if (tableLines.has(index)) return;
    for (const { name } of namesIn(paragraph.text)) {
      paragraphsNaming.set(name, (paragraphsNaming.get(name) ?? new Set()).add(index));
    }
  });
  creditInitials(paragraphsNaming);
  const subjects = [...paragraphsNaming]
    .map(([name, paragraphs]) => [name, paragraphs.size] as const)
    .filter(
      ([name, count]) =>
        (count >= MIN_PARAGRAPHS || tableSubjects.has(name)) && !headline.includes(name.toLowerCase()),
    )
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .slice(0, MAX_SUBJECTS)
    .map(([name]) => name);
  return subjects.length > 0 ? `${article.title} (${subjects.join(', ')})` : article.title;
}

/** The text the model embeds for a passage: its article's context first, as a reader would meet it. */
export function contextualText(context: string, passage: string): string {
  return `${context}\n\n${passage}`;
}
