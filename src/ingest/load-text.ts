import { decodeHTMLStrict } from 'entities';
import { singleArticle, skipFile, type LoadResult } from './clean.js';
import { parseDateline } from './dateline.js';

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A line ending like this closes its paragraph even when the next line starts in lower case. */
const LINE_END = /[.!?…:"'”’)\]]$/;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

/**
 * Plain-text paragraphs: a blank line always ends one, and so does a line break, except where the text
 * was hard-wrapped (a line without closing punctuation followed by one starting in lower case).
 */
export function splitParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '') {
      if (current !== null) paragraphs.push(current);
      current = null;
    } else if (current !== null && !LINE_END.test(current) && STARTS_LOWER_CASE.test(line)) {
      current = `${current} ${line}`;
    } else {
      if (current !== null) paragraphs.push(current);
      current = line;
    }
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}

/**
 * A `.txt` article: the first non-empty line is the headline, optionally followed by a dateline
 * (`14:12, Tue, Jun 3, 2025 | UPDATED: ...`) that becomes the publication date, then the story. Text saved
 * from a web page keeps some of its character references: 22 of the BBC archive's 2,225 files write
 * "Jos&#233; Manuel Barroso" or "&lt;", which answers showed as written. They are read as the characters
 * they stand for; only complete references (with their ";"), so "AT&T" and "P&O" stay as they are.
 */
export function loadText(text: string, file: string): LoadResult {
  const lines = splitLines(decodeHTMLStrict(text));
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const title = lines[titleIndex];
  // readTextFile never passes a blank file, but this module does not rely on it.
  if (title === undefined) return skipFile(file, 'empty file');
  let bodyStart = titleIndex + 1;
  while (lines[bodyStart]?.trim() === '') bodyStart++;
  const published = parseDateline(lines[bodyStart] ?? '');
  if (published !== null) bodyStart++;
  return singleArticle(file, { title, published, paragraphs: splitParagraphs(lines.slice(bodyStart)) });
}
