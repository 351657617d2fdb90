import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import {
  cleanText,
  singleArticle,
  skipFile,
  tooManyParagraphs,
  type LoadResult,
  type RawParagraph,
} from './clean.js';
import { normaliseDate } from './dateline.js';

/**
 * Readability's time grows steeply with nesting (measured: 1,000 levels 6 s, 5,000 levels four minutes
 * then a stack overflow), and linkedom's parse does too past ~20,000. Real pages nest a few dozen levels.
 */
const MAX_NESTING = 400;

// Elements that never hold others, or whose end tag is often left out: counting them would inflate the depth.
const NOT_NESTING =
  /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|option|tr|td|th)$/i;
// `[^<>]*` rather than `[^>]*`: a stray `<` cannot make each match run on to the end of the file,
// so the scan stays linear.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;

/** How deep the tags nest, estimated from the source before anything builds a tree from it. */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name = '', selfClosing] of html.matchAll(TAG)) {
    if (NOT_NESTING.test(name) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The opening tags of the blocks that become paragraphs (BLOCKS), counted in the source. */
const BLOCK_TAG = /<(?:p|li|blockquote|h[2-6]|figcaption)[\s>]/gi;

/** Blocks of readability's output that become paragraphs; the kind is fixed where the tag says what it is. */
const BLOCKS = 'p, li, blockquote, h2, h3, h4, h5, h6, figcaption';

/** `byline` is left out: on short pages Readability reports the byline but also leaves it in the text. */
function blockParagraphs(contentHtml: string, byline: string): RawParagraph[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  for (const element of document.querySelectorAll('script, style, noscript, template')) element.remove();
  // textContent runs `line<br>break` together.
  for (const br of document.querySelectorAll('br')) br.replaceWith(' ');
  return [...document.querySelectorAll(BLOCKS)].flatMap((block): RawParagraph[] => {
    // A block's own text, without the blocks inside it (a blockquote's paragraphs, a nested list's items).
    const own = block.cloneNode(true);
    for (const nested of own.querySelectorAll(BLOCKS)) nested.remove();
    const text = cleanText(own.textContent ?? '');
    const tag = block.tagName.toLowerCase();
    if (text === byline) return [];
    if (tag === 'figcaption') return [{ text, kind: 'caption' }];
    if (tag === 'li' || /^h\d$/.test(tag)) return [{ text, kind: 'body' }];
    return [text];
  });
}

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

/** The page's address: its canonical link, else og:url. A relative one cannot be cited, so it is dropped. */
function pageUrl(document: HtmlDocument): string | null {
  const candidates = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.find((url): url is string => typeof url === 'string' && URL.canParse(url.trim())) ?? null;
}

/**
 * Where pages state their publication time when Readability finds it in neither JSON-LD nor
 * `article:published_time`: schema.org microdata, then the article's `<time>` (the page's first, last).
 */
const PUBLISHED_ELEMENTS: [selector: string, attribute: string][] = [
  ['meta[itemprop="datePublished"]', 'content'],
  ['[itemprop="datePublished"][datetime]', 'datetime'],
  ['time[pubdate][datetime]', 'datetime'],
  ['article time[datetime]', 'datetime'],
  ['time[datetime]', 'datetime'],
];

function pagePublished(document: HtmlDocument): string | null {
  for (const [selector, attribute] of PUBLISHED_ELEMENTS) {
    const value = document.querySelector(selector)?.getAttribute(attribute);
    const published = value ? normaliseDate(value.trim()) : null;
    if (published) return published;
  }
  return null;
}

function extractArticle(html: string, file: string): LoadResult {
  const { document } = parseHTML(html);
  // Read before Readability, which rewrites the document as it goes.
  const url = pageUrl(document);
  const published = pagePublished(document);
  const page = new Readability(document).parse();
  if (!page?.content) return skipFile(file, 'no article text found in the HTML');
  const byline = cleanText(page.byline ?? '');
  return singleArticle(file, {
    title: page.title ?? '',
    source: page.siteName,
    url,
    published: (page.publishedTime && normaliseDate(page.publishedTime)) || published,
    author: byline.replace(/^by\s+/i, ''),
    paragraphs: blockParagraphs(page.content, byline),
  });
}

/** An HTML page: the story is picked out of the navigation and clutter by Mozilla's Readability. */
export function loadHtml(
  html: string,
  file: string,
  { maxParagraphs }: { maxParagraphs?: number } = {},
): LoadResult {
  // The tree costs memory in proportion to its elements: a page of too many paragraphs is turned away
  // before one is built. The count is an upper bound (navigation lists count too, Readability drops them).
  const blocks = maxParagraphs === undefined ? 0 : (html.match(BLOCK_TAG)?.length ?? 0);
  if (maxParagraphs !== undefined && blocks > maxParagraphs) {
    return skipFile(file, tooManyParagraphs(blocks, maxParagraphs, true));
  }
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) {
    return skipFile(
      file,
      `HTML tags nest about ${depth} levels deep (over ${MAX_NESTING}), too deep to read safely`,
    );
  }
  try {
    return extractArticle(html, file);
  } catch (error) {
    return skipFile(file, `could not read the HTML: ${(error as Error).message}`);
  }
}
