import type { Paragraph } from './article.js';

/** A passage before it is stored: its text is exactly `body.slice(start, end)` of the article body. */
export interface PassageDraft {
  ordinal: number;
  /** 1-based paragraph number within the article body, as a citation shows it. */
  paragraph: number;
  start: number;
  end: number;
  kind: Paragraph['kind'];
  text: string;
}

/** A statement and who made it; offsets index into the article body. */
export interface QuoteDraft {
  passageOrdinal: number;
  speaker: string;
  surname: string;
  role: string | null;
  start: number;
  end: number;
}
