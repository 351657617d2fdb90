import type { Embedder } from '../embed/embedder.js';
import type { PassageDraft, QuoteDraft } from '../document/drafts.js';
import type { Paragraph } from '../document/article.js';
import { contextualText } from './article-context.js';
import { chunkArticle } from './chunk.js';
import { quotesForPassages } from './quotes.js';

/**
 * The two steps of preparing articles for the index, run on the main thread or in a worker alike:
 * both sides run exactly these functions on exactly the same task inputs, so where a task ran never
 * changes what is stored.
 */
export type PrepareTask =
  | { kind: 'chunk'; articles: readonly (readonly Paragraph[])[] }
  | { kind: 'finish'; articles: readonly FinishInput[] };

export interface FinishInput {
  paragraphs: readonly Paragraph[];
  /** The article's context (articleContext), embedded with each of its passages. */
  context: string;
  passages: readonly PassageDraft[];
}

export interface FinishOutput {
  quotes: QuoteDraft[];
  vectors: Float32Array[];
}

export type PrepareResult<T extends PrepareTask> = T extends { kind: 'chunk' }
  ? PassageDraft[][]
  : FinishOutput[];

export function chunkTask(
  articles: readonly (readonly Paragraph[])[],
  maxTokens: number,
  embedder: Pick<Embedder, 'countTokens'>,
): PassageDraft[][] {
  return articles.map((paragraphs) =>
    chunkArticle(paragraphs, maxTokens, (text) => embedder.countTokens(text)),
  );
}

/** Attribution and embedding: the expensive part, done per group of articles so that work spreads evenly. */
export async function finishTask(
  articles: readonly FinishInput[],
  embedder: Embedder,
): Promise<FinishOutput[]> {
  const quotes = articles.map(({ paragraphs, passages }) => quotesForPassages(paragraphs, passages));
  const vectors = await embedder.embed(
    articles.flatMap(({ context, passages }) => passages.map((p) => contextualText(context, p.text))),
  );
  let next = 0;
  return articles.map(({ passages }, index) => ({
    quotes: quotes[index]!,
    vectors: passages.map(() => vectors[next++]!),
  }));
}

export async function runPrepareTask<T extends PrepareTask>(
  task: T,
  maxTokens: number,
  embedder: Embedder,
): Promise<PrepareResult<T>> {
  const result =
    task.kind === 'chunk'
      ? chunkTask(task.articles, maxTokens, embedder)
      : await finishTask(task.articles, embedder);
  return result as PrepareResult<T>;
}
