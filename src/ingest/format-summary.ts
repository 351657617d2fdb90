import { plural } from '../plural.js';
import type { ReindexSummary } from './reindex.js';

/** The end-of-run report an admin reads after `npm run ingest`. */
export function formatSummary(summary: ReindexSummary): string {
  const { articles, passages } = summary;
  const lines = [
    summary.dryRun
      ? 'Dry run: nothing was embedded or written.'
      : `Index: ${summary.dbPath} (${summary.model})`,
    `Articles: ${articles.added} added, ${articles.updated} updated, ${articles.unchanged} unchanged, ${articles.removed} removed, ${articles.skipped} skipped.`,
    `Files: ${summary.files.read} read, ${summary.files.unchanged} unchanged (same size and time, not read).`,
  ];
  if (!summary.dryRun) {
    lines.push(
      `Passages: ${passages.added} added, ${passages.removed} removed (${plural(passages.embedded, 'passage')} embedded).`,
    );
  }
  if (summary.rebuilt && !summary.dryRun) lines.push('The index was rebuilt from scratch.');
  for (const { path, reason } of summary.skipped) lines.push(`  skipped ${path}: ${reason}`);
  if (summary.missing.length > 0) {
    lines.push(
      `${plural(summary.missing.length, 'indexed article')} no longer in ${summary.articlesDir} (kept; run with --prune to remove):`,
      ...summary.missing.map((key) => `  ${key}`),
    );
  }
  lines.push(`Done in ${summary.seconds.toFixed(2)} s.`);
  return lines.join('\n');
}
