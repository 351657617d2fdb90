import type { Citation } from './answer-schema.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 Jun 2025" from an ISO date or date-time; the raw text when it is not a date. */
export function formatPublished(published: string): string {
  // A date-time without a zone is the article's local time: show its calendar date, not a shifted one.
  const date = new Date(
    /T.*(Z|[+-]\d\d:?\d\d)$/.test(published) ? published : published.slice(0, 10) + 'T00:00:00Z',
  );
  return Number.isNaN(date.getTime()) ? published : dateFormat.format(date);
}

/** "paragraph 6", or "paragraphs 6 and 7", "paragraphs 2, 6 and 7" for a passage shown with others. */
function describeParagraphs({ paragraph, alsoParagraphs = [] }: Citation): string {
  const all = [...new Set([paragraph, ...alsoParagraphs])].sort((a, b) => a - b);
  if (all.length === 1) return `paragraph ${paragraph}`;
  return `paragraphs ${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** "Headline — Source, 3 Jun 2025, paragraph 6": a citation in one line, without the link. */
export function describeCitation(citation: Citation): string {
  const details = [
    citation.source,
    citation.published && formatPublished(citation.published),
    describeParagraphs(citation),
  ].filter(Boolean);
  return `${citation.title} — ${details.join(', ')}`;
}
