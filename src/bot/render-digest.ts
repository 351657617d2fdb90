import type { IndexDigest } from '../store/index-digest.js';
import { plural } from '../plural.js';
import { DISCORD_LIMITS, packLines } from './limits.js';
import { FOUND_COLOR, type BotMessage } from './render-answer.js';
import { fitLiteral, linkedWithin, NO_PINGS } from './safe-text.js';

/** A short message: a screenful of headlines at most; the counts in the title say how many there were. */
const DESCRIPTION_CHARS = 1800;
const LINE_CHARS = 300;
const HEADLINE_CHARS = 120;
const NO_SOURCE = 'Other sources';

/** "3 articles added, 1 updated" */
export function describeChanges({ added, updated }: Pick<IndexDigest, 'added' | 'updated'>): string {
  const parts = [added > 0 && `${plural(added, 'article')} added`, updated > 0 && `${updated} updated`];
  return parts.filter(Boolean).join(', ');
}

/** The sources by how many of the articles each has, most first; a source's articles in digest order. */
function bySource(digest: IndexDigest): [string, IndexDigest['articles']][] {
  const groups = new Map<string, IndexDigest['articles']>();
  for (const article of digest.articles) {
    const source = article.source ?? NO_SOURCE;
    groups.set(source, [...(groups.get(source) ?? []), article]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/**
 * The digest of a re-index as one message: the counts, then the headlines grouped by source, linked when
 * their URL is known, as many as fit a short message; a last line counts those left out. Pings nobody.
 */
export function renderDigest(digest: IndexDigest): BotMessage {
  const lines = bySource(digest).flatMap(([source, articles]) => [
    `**${fitLiteral(source, 100)}**`,
    ...articles.map((article) => {
      const headline = fitLiteral(article.title, HEADLINE_CHARS);
      const note = article.change === 'updated' ? ' (updated)' : '';
      return `• ${linkedWithin(headline, article.url, LINE_CHARS - 2 - note.length)}${note}`;
    }),
  ]);
  const total = digest.added + digest.updated;
  const reserve = 60;
  const shown = packLines(lines, DESCRIPTION_CHARS - reserve)[0] ?? '';
  const headlinesShown = shown.split('\n').filter((line) => line.startsWith('• ')).length;
  const more = total - headlinesShown;
  const description = more > 0 ? `${shown}\n… and ${plural(more, 'more article')}` : shown;
  return {
    embeds: [
      {
        title: fitLiteral(`New in the archive: ${describeChanges(digest)}`, DISCORD_LIMITS.embedTitle),
        description,
        color: FOUND_COLOR,
      },
    ],
    components: [],
    allowedMentions: NO_PINGS,
  };
}
