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

function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NAME)) {
    let words = match[0].split(/\s+/u);
    // A capital at a sentence start proves nothing ("The bank said"), but "Barclays said" still names Barclays.
    while (words.length > 0 && NOT_NAMES.has(words[0]!)) words = words.slice(1);
    const name = words.join(' ').replace(/['’]s$/u, '');
    if (name.length > 1) names.push(name);
  }
  return names;
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
  article.paragraphs.forEach((paragraph, index) => {
    // A table's row labels ("Shr", "Revs", "Avg shrs") are capitalised as the line's first word, not names.
    if (tableLines.has(index)) return;
    for (const name of namesIn(paragraph.text)) {
      paragraphsNaming.set(name, (paragraphsNaming.get(name) ?? new Set()).add(index));
    }
  });
  creditInitials(paragraphsNaming);
  const subjects = [...paragraphsNaming]
    .map(([name, paragraphs]) => [name, paragraphs.size] as const)
    .filter(([name, count]) => count >= MIN_PARAGRAPHS && !headline.includes(name.toLowerCase()))
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .slice(0, MAX_SUBJECTS)
    .map(([name]) => name);
  return subjects.length > 0 ? `${article.title} (${subjects.join(', ')})` : article.title;
}

/** The text the model embeds for a passage: its article's context first, as a reader would meet it. */
export function contextualText(context: string, passage: string): string {
  return `${context}\n\n${passage}`;
}
