import matter from 'gray-matter';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { z } from 'zod';
import {
  describeIssues,
  metadataFields,
  optionalText,
  singleArticle,
  skipFile,
  type LoadResult,
  withPublished,
} from './clean.js';
import { splitLines } from './load-text.js';

const frontMatterSchema = z
  .object({ title: optionalText, ...metadataFields }, { error: 'expected `field: value` lines' })
  .transform(withPublished);

// gray-matter runs `---js` front matter through eval(); an articles folder is not trusted code.
const refuseJavaScript = (): never => {
  throw new Error('JavaScript front matter is not supported');
};

/** A block of the document that becomes a paragraph; `depth` is set for headings. */
interface Block {
  text: string;
  depth?: number;
  /** Headings and list items are body text whatever their punctuation; plain paragraphs may be captions. */
  structural: boolean;
}

// Alt text describes a picture, and inline HTML is markup, not prose.
const plainText = (node: Nodes) => toString(node, { includeImageAlt: false, includeHtml: false });

/**
 * Paragraphs, headings and list items in reading order, including those inside block quotes and lists.
 * Code blocks and HTML are left out.
 */
function blocksOf(node: Nodes, inListItem = false): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ text: plainText(node), structural: inListItem }];
    case 'heading':
      return [{ text: plainText(node), depth: node.depth, structural: true }];
    case 'root':
    case 'blockquote':
    case 'list':
      return node.children.flatMap((child) => blocksOf(child, inListItem));
    case 'listItem':
      return node.children.flatMap((child) => blocksOf(child, true));
    default:
      return [];
  }
}

/** The title comes from front matter, else the first `#` heading, else the first line of the text. */
function takeTitle(
  blocks: Block[],
  frontMatterTitle: string | null | undefined,
): { title: string; body: Block[] } {
  if (frontMatterTitle) return { title: frontMatterTitle, body: blocks };
  const headingIndex = blocks.findIndex((block) => block.depth === 1);
  const heading = blocks[headingIndex];
  if (heading) return { title: heading.text, body: blocks.filter((_, index) => index !== headingIndex) };
  const [first, ...rest] = blocks;
  if (!first) return { title: '', body: [] };
  const [firstLine = '', ...otherLines] = splitLines(first.text);
  return { title: firstLine, body: [{ ...first, text: otherLines.join('\n') }, ...rest] };
}

/**
 * The parser's time grows with the square of the nesting (measured: 1,000 nested list items 1.3 s, 4,000
 * 23 s; 100,000 nested quotes two minutes before a stack overflow). Real articles nest a few levels.
 */
const MAX_NESTING = 100;
/** A block quote or list marker opening a container, at the start of a line or after another marker. */
const CONTAINER_MARKER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y;

/** How deep blocks nest, estimated before parsing: markers at the start of a line, and indentation. */
function nestingDepth(content: string): number {
  let deepest = 0;
  for (const line of splitLines(content)) {
    CONTAINER_MARKER.lastIndex = 0;
    let markers = 0;
    while (CONTAINER_MARKER.exec(line) !== null) markers++;
    // Nested list items are indented by at least two columns per level.
    const indent = line.length - line.trimStart().length;
    deepest = Math.max(deepest, markers + Math.floor(indent / 2));
  }
  return deepest;
}

function markdownBlocks(content: string): Block[] | { reason: string } {
  const depth = nestingDepth(content);
  if (depth > MAX_NESTING) {
    return {
      reason: `Markdown nests about ${depth} levels deep (over ${MAX_NESTING}), too deep to read safely`,
    };
  }
  try {
    return blocksOf(fromMarkdown(content));
  } catch (error) {
    // Both the parser and the walk recurse once per level of nesting (`> > > ...`, lists in lists).
    if (error instanceof RangeError) return { reason: 'Markdown is nested too deeply to read' };
    throw error;
  }
}

/** A Markdown article with optional YAML front matter (`title`, `url`, `source`, `published`, `author`). */
export function loadMarkdown(text: string, file: string): LoadResult {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which would otherwise keep every file in memory.
    parsed = matter(text, { engines: { javascript: refuseJavaScript } });
  } catch (error) {
    // js-yaml recurses once per level of `[[[...` or `{{{...`.
    if (error instanceof RangeError) return skipFile(file, 'front matter is nested too deeply to read');
    const firstLine = splitLines((error as Error).message)[0] ?? '';
    return skipFile(file, `front matter could not be read: ${firstLine.replace(/:$/, '')}`);
  }
  const frontMatter = frontMatterSchema.safeParse(parsed.data);
  if (!frontMatter.success) return skipFile(file, `front matter: ${describeIssues(frontMatter.error)}`);

  const blocks = markdownBlocks(parsed.content);
  if ('reason' in blocks) return skipFile(file, blocks.reason);
  const { title, body } = takeTitle(blocks, frontMatter.data.title);
  return singleArticle(file, {
    ...frontMatter.data,
    title,
    paragraphs: body.map((block) => (block.structural ? { text: block.text, kind: 'body' } : block.text)),
  });
}
