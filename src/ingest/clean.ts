import { z } from 'zod';
import type { Article, Paragraph, SkippedFile } from '../document/article.js';
import { normaliseDate } from './dateline.js';

/** What a loader returns for one file: the articles it found and whatever it had to leave out. */
export interface LoadResult {
  articles: Article[];
  skipped: SkippedFile[];
}

/**
 * A paragraph as a loader found it. Plain text is classified by `isCaption`; a loader passes a `Paragraph`
 * when the markup already says what it is (a `<figcaption>`, a heading, a list item).
 */
export type RawParagraph = string | Paragraph;

/** Collapses runs of whitespace (non-breaking spaces and newlines too) and drops invisible characters. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CAPTION_MARKERS = [
  /\(pictured\b[^)]*\)/i,
  /\bpictured (?:above|below)\b/i,
  /\b(?:is|are) pictured\b/i,
  /\((?:image|photo|picture)s?:[^)]*\)/i,
  /^a still (?:image|frame) taken from\b/i,
];

/**
 * A sentence ends in . ! ? or …, possibly inside closing quotes or brackets. A colon counts too:
 * it introduces a quote (`Lammy said:`), which is body text.
 */
const SENTENCE_END = /[.!?…:]["'\p{Pf}\p{Pe}]*(?:\s*\[[^\]]{1,40}\])*$/u;
/** Shorter unpunctuated lines are headings, sign-offs or scores, not photo captions. */
const MIN_CAPTION_WORDS = 6;

/**
 * Photo captions scraped along with the story: an agency credit or "pictured" wording, or a
 * sentence-length line with no closing punctuation (caption writers leave the full stop off).
 */
export function isCaption(text: string): boolean {
  const cleaned = cleanText(text);
  return (
    hasCaptionMarker(cleaned) ||
    (!SENTENCE_END.test(cleaned) && cleaned.split(' ').length >= MIN_CAPTION_WORDS)
  );
}

function hasCaptionMarker(text: string): boolean {
  return CAPTION_MARKERS.some((marker) => marker.test(text));
}

/** Normalises whitespace, drops empty and repeated paragraphs (keeping the first), and marks captions. */
export function cleanParagraphs(raw: readonly RawParagraph[]): Paragraph[] {
  const seen = new Set<string>();
  const paragraphs: Paragraph[] = [];
  for (const item of raw) {
    const text = cleanText(typeof item === 'string' ? item : item.text);
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const kind = typeof item === 'string' ? (isCaption(text) ? 'caption' : 'body') : item.kind;
    paragraphs.push({ text, kind });
  }
  return paragraphs;
}

/** An article as a loader put it together, before cleaning. */
export interface ArticleDraft {
  key: string;
  file: string;
  title: string;
  source?: string | null;
  url?: string | null;
  published?: string | null;
  author?: string | null;
  paragraphs: readonly RawParagraph[];
}

const orNull = (value: string | null | undefined) => (value ? cleanText(value) || null : null);

/** Cleans a draft into an article, or says why there is nothing worth indexing. */
export function buildArticle(draft: ArticleDraft): { article: Article } | { reason: string } {
  const title = cleanText(draft.title);
  if (title === '') return { reason: 'no headline (the title is empty)' };
  // Some pages repeat the headline as the first paragraph; it is already the title.
  let paragraphs = cleanParagraphs(draft.paragraphs).filter((paragraph) => paragraph.text !== title);
  if (paragraphs.length === 0) return { reason: 'no article text after the headline' };
  if (!paragraphs.some((paragraph) => paragraph.kind === 'body')) {
    // Unpunctuated text with no caption wording is a caption only beside a story; alone, it is the story.
    paragraphs = paragraphs.map((p) => (hasCaptionMarker(p.text) ? p : { ...p, kind: 'body' as const }));
  }
  if (!paragraphs.some((paragraph) => paragraph.kind === 'body')) {
    return { reason: 'no article text, only photo captions' };
  }
  return {
    article: {
      key: draft.key,
      file: draft.file,
      title,
      source: orNull(draft.source),
      url: orNull(draft.url),
      published: orNull(draft.published),
      author: orNull(draft.author),
      paragraphs,
    },
  };
}

/** The whole result for a file that holds a single article. */
export function singleArticle(file: string, draft: Omit<ArticleDraft, 'key' | 'file'>): LoadResult {
  const built = buildArticle({ ...draft, key: file, file });
  return 'article' in built
    ? { articles: [built.article], skipped: [] }
    : { articles: [], skipped: [{ path: file, reason: built.reason }] };
}

/** The skip reason for an article over MAX_ARTICLE_PARAGRAPHS; `about` when the count is an estimate. */
export function tooManyParagraphs(count: number, maxParagraphs: number, about = false): string {
  return `has ${about ? 'about ' : ''}${count.toLocaleString('en')} paragraphs; articles of more than ${maxParagraphs.toLocaleString('en')} are skipped (MAX_ARTICLE_PARAGRAPHS)`;
}

/** The whole result for a file that could not be read as an article at all. */
export function skipFile(file: string, reason: string): LoadResult {
  return { articles: [], skipped: [{ path: file, reason }] };
}

// Metadata fields shared by Markdown front matter and JSON articles, with messages that name the problem.

const text = (missing: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? missing : 'expected text') });

/** Text that may be left out, or left blank. */
export const optionalText = text('expected text').nullish();

export const requiredText = text('is missing').trim().min(1, 'is empty');

/** Several bylines come as a list; they are joined into one. */
const authorField = z.preprocess(
  (value) =>
    Array.isArray(value) && value.every((name) => typeof name === 'string') ? value.join(', ') : value,
  optionalText,
);

const publishedField = z
  .union([z.string(), z.date()], { error: 'expected a date' })
  .nullish()
  .transform((value, context) => {
    if (value === undefined || value === null || value === '') return null;
    const iso = normaliseDate(value);
    if (iso === null) {
      context.addIssue({ code: 'custom', message: 'expected a date' });
      return z.NEVER;
    }
    return iso;
  });

export const metadataFields = {
  url: optionalText,
  source: optionalText,
  published: publishedField,
  // Other names sources give the publication date (schema.org's, APIs', static site generators').
  datePublished: publishedField,
  publishedAt: publishedField,
  date: publishedField,
  author: authorField,
};

/** The metadata with one `published`: the first of `published`, `datePublished`, `publishedAt`, `date`. */
export function withPublished<
  T extends {
    published: string | null;
    datePublished: string | null;
    publishedAt: string | null;
    date: string | null;
  },
>({ datePublished, publishedAt, date, ...metadata }: T): Omit<T, 'datePublished' | 'publishedAt' | 'date'> {
  return { ...metadata, published: metadata.published ?? datePublished ?? publishedAt ?? date };
}

/** `title: is missing; published: expected a date`, for a skip reason. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
