import { z } from 'zod';
import {
  buildArticle,
  describeIssues,
  metadataFields,
  requiredText,
  skipFile,
  type LoadResult,
  type RawParagraph,
  withPublished,
} from './clean.js';
import { splitLines, splitParagraphs } from './load-text.js';

const bodyField = z
  .union([z.string(), z.array(z.string())], { error: 'expected text or a list of paragraphs' })
  .optional();

const entrySchema = z
  .object(
    {
      id: z.union([z.string().trim().min(1), z.number()], { error: 'expected text or a number' }).optional(),
      title: requiredText,
      body: bodyField,
      text: bodyField,
      content: bodyField,
      ...metadataFields,
    },
    { error: 'expected an article object' },
  )
  .transform(({ body, text, content, ...entry }, context) => {
    const found = body ?? text ?? content;
    if (found === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'no article text: expected a body, text or content field',
      });
      return z.NEVER;
    }
    return { ...withPublished(entry), body: found };
  });

/** One entry of the file, with where to point the reader if it is rejected. */
type Entry = {
  /** `file#3` in a JSON array, `file:3` in JSON Lines, the file itself for a lone object. */
  location: string;
} & ({ value: unknown; positionKey: string } | { invalid: string });

function bodyParagraphs(body: string | string[]): RawParagraph[] {
  // A list is already split into paragraphs; a single string is plain text with line breaks.
  return typeof body === 'string' ? splitParagraphs(splitLines(body)) : body;
}

/** Validates entries into articles, reporting each rejected entry on its own, in file order. */
function toArticles(file: string, entries: readonly Entry[]): LoadResult {
  const result: LoadResult = { articles: [], skipped: [] };
  const seenKeys = new Set<string>();
  const skip = (path: string, reason: string) => result.skipped.push({ path, reason });
  for (const entry of entries) {
    if ('invalid' in entry) {
      skip(entry.location, entry.invalid);
      continue;
    }
    const parsed = entrySchema.safeParse(entry.value);
    if (!parsed.success) {
      skip(entry.location, describeIssues(parsed.error));
      continue;
    }
    const { id, body, ...metadata } = parsed.data;
    const key = id === undefined ? entry.positionKey : `${file}#${id}`;
    if (seenKeys.has(key)) {
      skip(entry.location, `duplicate key ${key} (an earlier entry in this file has the same key)`);
      continue;
    }
    seenKeys.add(key);
    const built = buildArticle({ ...metadata, key, file, paragraphs: bodyParagraphs(body) });
    if ('article' in built) result.articles.push(built.article);
    else skip(entry.location, built.reason);
  }
  return result;
}

function parseJson(text: string): { value: unknown } | { invalid: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    // SyntaxError for bad JSON; RangeError if an engine runs out of stack on deep nesting.
    return { invalid: `invalid JSON: ${(error as Error).message}` };
  }
}

/** A `.json` file: one article object, or an array of them. Keys are `file#id`, else `file#position`. */
export function loadJson(text: string, file: string): LoadResult {
  const parsed = parseJson(text);
  if ('invalid' in parsed) return skipFile(file, parsed.invalid);
  const { value } = parsed;
  if (!Array.isArray(value)) return toArticles(file, [{ value, location: file, positionKey: file }]);
  if (value.length === 0) return skipFile(file, 'no articles (the JSON array is empty)');
  return toArticles(
    file,
    value.map((item: unknown, index) => ({
      value: item,
      location: `${file}#${index + 1}`,
      positionKey: `${file}#${index + 1}`,
    })),
  );
}

/** A `.jsonl` file: one article object per line, blank lines ignored. Keys: `file#id`, else `file#line`. */
export function loadJsonLines(text: string, file: string): LoadResult {
  const entries = splitLines(text).flatMap((line, index): Entry[] => {
    if (line.trim() === '') return [];
    return [{ location: `${file}:${index + 1}`, positionKey: `${file}#${index + 1}`, ...parseJson(line) }];
  });
  return toArticles(file, entries);
}
