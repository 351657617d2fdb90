import { z } from 'zod';

/** A paragraph as the loader found it; captions are kept apart so answers can prefer body text. */
export const paragraphSchema = z.object({
  text: z.string().min(1),
  kind: z.enum(['body', 'caption']),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

/** What every loader yields, whatever the file format. */
export const articleSchema = z.object({
  /** Stable identity across re-indexes: the file path relative to the articles folder, plus `#n` inside JSON files. */
  key: z.string().min(1),
  /** The file it came from, relative to the articles folder. */
  file: z.string().min(1),
  title: z.string().min(1),
  source: z.string().min(1).nullable(),
  url: z.string().min(1).nullable(),
  /** ISO 8601 date or date-time. */
  published: z.string().min(1).nullable(),
  author: z.string().min(1).nullable(),
  paragraphs: z.array(paragraphSchema).min(1),
});
export type Article = z.infer<typeof articleSchema>;

/** A file, or an entry in a file, that was not indexed, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** Paragraphs are joined with a blank line; stored passage offsets refer to this text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

export function articleBody(article: Pick<Article, 'paragraphs'>): string {
  return article.paragraphs.map((paragraph) => paragraph.text).join(PARAGRAPH_SEPARATOR);
}
