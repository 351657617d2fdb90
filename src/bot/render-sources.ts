import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { formatPublished } from '../answer/citation-text.js';
import { plural } from '../plural.js';
import type { ArticleRecord } from '../store/passage-store.js';
import { FOUND_COLOR, type BotMessage } from './render-answer.js';
import { fitLiteral, linkedWithin, NO_PINGS } from './safe-text.js';

export const SOURCES_PREFIX = 'sources';
export const ARTICLES_PER_PAGE = 10;
/** Ten lines of this length, with their line breaks, stay under the 4,096 characters of a description. */
const LINE_CHARS = 400;
const HEADLINE_CHARS = 150;
const DETAILS_CHARS = 150;

/** "**3.** [Headline](url) — Source · 3 Jun 2025 · 12 passages" */
function articleLine(article: ArticleRecord, number: number): string {
  const details = fitLiteral(
    [
      article.source,
      article.published && formatPublished(article.published),
      plural(article.passages, 'passage'),
    ]
      .filter(Boolean)
      .join(' · '),
    DETAILS_CHARS,
  );
  const prefix = `**${number}.** `;
  const room = LINE_CHARS - prefix.length - details.length - ' — '.length;
  return `${prefix}${linkedWithin(fitLiteral(article.title, Math.min(room, HEADLINE_CHARS)), article.url, room)} — ${details}`;
}

function pageButton(direction: 'prev' | 'next', page: number, disabled: boolean): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    // The direction keeps the two ids distinct when both buttons point at the same page.
    custom_id: `${SOURCES_PREFIX}:${direction}:${page}`,
    label: direction === 'prev' ? 'Previous' : 'Next',
    disabled,
  };
}

/** One page of the indexed articles, newest first, with Previous/Next buttons when there is more than one. */
export function renderSources(articles: readonly ArticleRecord[], requestedPage: number): BotMessage {
  const pages = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE));
  // The index may have shrunk since the buttons were drawn.
  const page = Math.min(Math.max(requestedPage, 0), pages - 1);
  const first = page * ARTICLES_PER_PAGE;
  const lines = articles
    .slice(first, first + ARTICLES_PER_PAGE)
    .map((article, i) => articleLine(article, first + i + 1));
  const passages = articles.reduce((total, article) => total + article.passages, 0);
  const embed: APIEmbed = {
    title: 'Indexed articles',
    description: lines.join('\n') || 'No articles are indexed yet. An admin adds them with `npm run ingest`.',
    color: FOUND_COLOR,
    footer: {
      text: `Page ${page + 1} of ${pages} · ${plural(articles.length, 'article')}, ${plural(passages, 'passage')}`,
    },
  };
  const components: BotMessage['components'] =
    pages > 1
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              pageButton('prev', Math.max(page - 1, 0), page === 0),
              pageButton('next', Math.min(page + 1, pages - 1), page === pages - 1),
            ],
          },
        ]
      : [];
  return { embeds: [embed], components, allowedMentions: NO_PINGS };
}
