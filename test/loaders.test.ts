import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../src/document/article.js';
import { ConfigError } from '../src/config.js';
import { loadArticleFile } from '../src/ingest/load-file.js';
import { listArticleFiles } from '../src/ingest/scan.js';

const SAMPLES = path.resolve('data/articles');
const NATO = 'nato-warns-putin-ceasefire-deadline.txt';
const CONDITIONS = 'putin-conditions-for-ending-war.txt';
const MB = 1024 * 1024;
const limits = { maxBytes: 20 * MB };

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-loaders-'));
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

async function write(file: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), content);
}

/** Writes one file and loads it. */
async function load(file: string, content: string | Uint8Array, options = limits) {
  await write(file, content);
  return loadArticleFile(root, file, options);
}

/** Writes one file and returns its only article, failing with the skip reason if there is none. */
async function loadOne(file: string, content: string | Uint8Array): Promise<Article> {
  const { articles, skipped } = await load(file, content);
  expect(skipped).toEqual([]);
  expect(articles).toHaveLength(1);
  return articles[0]!;
}

const texts = (article: Article, kind: 'body' | 'caption') =>
  article.paragraphs.filter((paragraph) => paragraph.kind === kind).map((paragraph) => paragraph.text);

describe('the sample articles', () => {
  async function sample(file: string): Promise<Article> {
    const { articles, skipped } = await loadArticleFile(SAMPLES, file, limits);
    expect(skipped).toEqual([]);
    return articles[0]!;
  }

  it('NATO: headline, standfirst once, captions apart from the story', async () => {
    const article = await sample(NATO);
    expect(article).toMatchObject({
      key: NATO,
      file: NATO,
      source: null,
      url: null,
      published: null,
      author: null,
    });
    expect(article.title).toMatch(/^Putin must meet a deadline for peace in Ukraine/);
    const standfirst = article.paragraphs.filter((paragraph) =>
      paragraph.text.startsWith('NATO leaders have warned'),
    );
    expect(standfirst).toEqual([
      { text: expect.stringMatching(/in the war\.$/), kind: 'body' },
      { text: expect.stringContaining('Vladimir Putin (pictured)'), kind: 'caption' },
    ]);

    const captions = texts(article, 'caption');
    expect(captions).toHaveLength(6);
    for (const start of [
      'A resident runs away from a fire',
      'A still image taken from a video',
      'A Ukrainian serviceman fires a field artillery gun',
      'Canadian foreign minister Melanie Joly (centre, in a red coat)',
    ]) {
      expect(captions.some((caption) => caption.startsWith(start))).toBe(true);
    }
    expect(captions.some((caption) => caption.endsWith('are pictured above'))).toBe(true);

    const body = texts(article, 'body');
    expect(body).toContain(
      'We continue to bear down the sanctions on Russia, so that they are willing to come to this negotiation actually serious about making the peace that we want to see, British foreign minister David Lammy said at a NATO meeting.',
    );
    expect(body).toContain('We see, Vladimir Putin. We know what youre doing.');
    expect(body).toHaveLength(22);
  });

  it('Conditions: the dateline becomes the publication date, the Getty caption is a caption', async () => {
    const article = await sample(CONDITIONS);
    expect(article.title).toBe(
      'Russian leader wants military alliance to provide a written pledge to stop expansion eastwards',
    );
    expect(article.published).toBe('2025-06-03T14:12:00');
    expect(article.paragraphs.some((paragraph) => paragraph.text.includes('UPDATED'))).toBe(false);
    expect(article.paragraphs[0]).toEqual({
      text: 'The Russian leader has set his conditions for ending the war with Ukraine (Image: Getty)',
      kind: 'caption',
    });
    expect(texts(article, 'body')).toHaveLength(15);
    expect(texts(article, 'body').at(-1)).toMatch(/^Defence minister Rustem Umerov/);
  });
});

describe('listArticleFiles', () => {
  it('lists article files recursively as sorted POSIX paths, reports the rest, ignores hidden ones', async () => {
    for (const file of [
      'b.txt',
      'a.md',
      'world/europe/c.HTML',
      'world/d.jsonl',
      'e.json',
      'f.markdown',
      'g.htm',
    ]) {
      await write(file, 'x');
    }
    await write('notes.pdf', 'x');
    await write('README', 'x');
    await write('.DS_Store', 'x');
    await write('.git/config.txt', 'x');
    await write('world/.hidden.txt', 'x');

    const listing = await listArticleFiles(root);
    expect(listing.files).toEqual([
      'a.md',
      'b.txt',
      'e.json',
      'f.markdown',
      'g.htm',
      'world/d.jsonl',
      'world/europe/c.HTML',
    ]);
    expect(listing.unsupported).toEqual([
      { path: 'README', reason: expect.stringContaining('unsupported file type (no extension)') },
      { path: 'notes.pdf', reason: expect.stringContaining('unsupported file type (.pdf)') },
    ]);
  });

  it('follows linked folders once, so a link back up the tree cannot loop', async () => {
    await write('world/a.txt', 'x');
    await fs.symlink(root, path.join(root, 'world', 'loop'));
    await fs.symlink(path.join(root, 'missing.txt'), path.join(root, 'broken.txt'));
    const listing = await listArticleFiles(root);
    expect(listing.files).toEqual(['world/a.txt']);
    expect(listing.unsupported).toEqual([
      { path: 'broken.txt', reason: expect.stringContaining('broken link') },
      { path: 'world/loop/', reason: expect.stringContaining('not followed') },
    ]);
  });

  it('says which setting to fix when the folder is missing', async () => {
    const missing = path.join(root, 'nope');
    await expect(listArticleFiles(missing)).rejects.toThrow(ConfigError);
    await expect(listArticleFiles(missing)).rejects.toThrow(/does not exist.*ARTICLES_DIR/);
  });
});

describe('reading files', () => {
  it.each([
    ['an empty file', '', 'empty file'],
    ['a whitespace-only file', ' \n\t\r\n  \n', 'empty file (only whitespace)'],
    ['a file with NUL bytes', Buffer.from('Headline\n\0\0\0 body'), 'binary file (contains NUL bytes)'],
    [
      'a file of control characters',
      Buffer.from([0x50, 0x4b, 3, 4, 20, 0x7f, 6, 1, 2, 5, 0x1b]),
      /^binary file \(\d+% control/,
    ],
  ])('skips %s', async (_, content, reason) => {
    const { articles, skipped } = await load('broken.txt', content);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([
      { path: 'broken.txt', reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) },
    ]);
  });

  it('skips an oversized file by its size, without reading it', async () => {
    await write('huge.txt', '');
    // Sparse: 50 MB on paper, no disk used. Its bytes are all NUL, so had it been read it would be called binary.
    await fs.truncate(path.join(root, 'huge.txt'), Math.round(52.4 * MB));
    const { skipped } = await loadArticleFile(root, 'huge.txt', limits);
    expect(skipped).toEqual([
      { path: 'huge.txt', reason: 'file is 52.4 MB, over the 20 MB limit (MAX_ARTICLE_BYTES)' },
    ]);
  });

  it('reports a file that cannot be read', async () => {
    const { skipped } = await loadArticleFile(root, 'gone.txt', limits);
    expect(skipped).toEqual([
      { path: 'gone.txt', reason: expect.stringMatching(/could not be read: file not found/) },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', async () => {
    await write('locked.txt', 'Headline\nBody.');
    await fs.chmod(path.join(root, 'locked.txt'), 0o000);
    const { skipped } = await loadArticleFile(root, 'locked.txt', limits);
    expect(skipped).toEqual([{ path: 'locked.txt', reason: 'could not be read: permission denied' }]);
  });

  it('decodes a file that is not UTF-8 as Windows-1252 (a lone Latin-1 pound sign)', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Ad sales boost Time Warner profit\n\nQuarterly profits rose to '),
      Buffer.from([0xa3]),
      Buffer.from('600m for the three months to December.\n'),
    ]);
    const article = await loadOne('business/001.txt', bytes);
    expect(article.paragraphs).toEqual([
      { text: 'Quarterly profits rose to £600m for the three months to December.', kind: 'body' },
    ]);
  });

  it('strips a byte-order mark and reads UTF-16 text saved by Windows editors', async () => {
    const text = 'Talks resume in Istanbul\r\n\r\nDelegations met on Monday.\r\n';
    const utf8 = await loadOne('utf8.txt', '\ufeff' + text);
    expect(utf8.title).toBe('Talks resume in Istanbul');
    const utf16 = await loadOne('utf16.txt', Buffer.from('\ufeff' + text, 'utf16le'));
    expect(utf16.title).toBe('Talks resume in Istanbul');
    expect(utf16.paragraphs).toEqual([{ text: 'Delegations met on Monday.', kind: 'body' }]);
  });

  it('refuses a path that the folder listing would never return', async () => {
    await expect(loadArticleFile(root, 'notes.pdf', limits)).rejects.toThrow(/not a supported article file/);
  });
});

describe('.txt', () => {
  it('reads the BBC layout: headline, blank line, blank-line separated paragraphs', async () => {
    const article = await loadOne(
      'bbc.txt',
      'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm benefited from sales of high-speed internet connections.\n',
    );
    expect(article.title).toBe('Ad sales boost Time Warner profit');
    expect(texts(article, 'body')).toEqual([
      'Quarterly profits at US media giant TimeWarner jumped 76%.',
      'The firm benefited from sales of high-speed internet connections.',
    ]);
  });

  it('reads character references left by a web page as their characters, and a bare ampersand as itself', async () => {
    const article = await loadOne(
      'saved.txt',
      'Barroso backs &lt;EU&gt; plan\n\nJos&#233; Manuel Barroso said the plan would cost &#163;2bn.\n\nAT&T and P&O were not named.\n',
    );
    expect(article.title).toBe('Barroso backs <EU> plan');
    expect(texts(article, 'body')).toEqual([
      'José Manuel Barroso said the plan would cost £2bn.',
      'AT&T and P&O were not named.',
    ]);
  });

  it('rejoins hard-wrapped paragraphs', async () => {
    const article = await loadOne(
      'wrapped.txt',
      'Talks resume\n\nDelegations from Russia and Ukraine met today for a\nsecond round of direct peace talks.\nKyiv asked for a week.\n',
    );
    expect(texts(article, 'body')).toEqual([
      'Delegations from Russia and Ukraine met today for a second round of direct peace talks.',
      'Kyiv asked for a week.',
    ]);
  });

  it('skips a file with a headline and nothing else', async () => {
    const { skipped } = await load('short.txt', 'Just a headline\n\n');
    expect(skipped).toEqual([{ path: 'short.txt', reason: 'no article text after the headline' }]);
  });
});

describe('.md', () => {
  it('takes metadata from front matter and paragraphs from the Markdown structure', async () => {
    const article = await loadOne(
      'story.md',
      [
        '---',
        'title: Talks resume in Istanbul',
        'url: https://example.com/talks',
        'source: Example News',
        'published: 2025-06-03',
        'author: [Jane Doe, John Roe]',
        '---',
        '# Talks resume in Istanbul',
        '',
        'Delegations met on **Monday** for a',
        'second round of talks.',
        '',
        '## What was agreed',
        '',
        '- A prisoner exchange of all wounded soldiers',
        '- Further talks in late June',
        '',
        '> We are ready to talk, the minister said.',
        '',
        '```',
        'const secret = 1;',
        '```',
        '',
        '<div class="ad">Subscribe now</div>',
        '',
        '![Putin arrives at the Kremlin](putin.jpg)',
        '',
        '*The delegations shake hands before the talks (Image: Reuters)*',
      ].join('\n'),
    );
    expect(article).toMatchObject({
      key: 'story.md',
      title: 'Talks resume in Istanbul',
      url: 'https://example.com/talks',
      source: 'Example News',
      published: '2025-06-03',
      author: 'Jane Doe, John Roe',
    });
    expect(article.paragraphs).toEqual([
      { text: 'Delegations met on Monday for a second round of talks.', kind: 'body' },
      { text: 'What was agreed', kind: 'body' },
      { text: 'A prisoner exchange of all wounded soldiers', kind: 'body' },
      { text: 'Further talks in late June', kind: 'body' },
      { text: 'We are ready to talk, the minister said.', kind: 'body' },
      { text: 'The delegations shake hands before the talks (Image: Reuters)', kind: 'caption' },
    ]);
  });

  it('falls back to the first # heading, then the first line, for the title', async () => {
    const heading = await loadOne(
      'heading.md',
      'Intro line before the heading.\n\n# The real headline\n\nBody text.',
    );
    expect(heading.title).toBe('The real headline');
    expect(texts(heading, 'body')).toEqual(['Intro line before the heading.', 'Body text.']);

    const firstLine = await loadOne('plain.md', 'Talks resume\nDelegations met on Monday.\n\nMore text.');
    expect(firstLine.title).toBe('Talks resume');
    expect(texts(firstLine, 'body')).toEqual(['Delegations met on Monday.', 'More text.']);
  });

  it('reads a date and time in front matter text', async () => {
    const article = await loadOne('dated.md', '---\ntitle: T\npublished: "3 June 2025 14:12"\n---\nBody.');
    expect(article.published).toBe('2025-06-03T14:12:00');
  });

  it.each([
    ['published: soon', 'front matter: published: expected a date'],
    ['title: 42', 'front matter: title: expected text'],
    ['url: [a, b]', 'front matter: url: expected text'],
    ['title: "unclosed', /^front matter could not be read: /],
  ])('skips front matter with %j', async (line, reason) => {
    const { articles, skipped } = await load('bad.md', `---\n${line}\n---\n# Headline\n\nBody.`);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([
      { path: 'bad.md', reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) },
    ]);
  });

  it('never runs JavaScript front matter', async () => {
    const { skipped } = await load('evil.md', '---js\n{ title: (globalThis.pwned = "yes") }\n---\nBody.');
    expect(skipped).toEqual([
      { path: 'evil.md', reason: expect.stringContaining('JavaScript front matter') },
    ]);
    expect((globalThis as { pwned?: string }).pwned).toBeUndefined();
  });
});

describe('.html', () => {
  const page = (body: string, head = '') =>
    `<!doctype html><html><head><title>Talks resume in Istanbul</title>${head}</head><body>${body}</body></html>`;
  const story = [
    '<nav><a href="/">Home</a> <a href="/world">World</a></nav>',
    '<article><h1>Talks resume in Istanbul</h1>',
    '<p class="byline">By Jane Doe</p>',
    '<p>Delegations from Russia and Ukraine met on Monday for a second round of direct peace talks in Istanbul.</p>',
    '<figure><img src="a.jpg"><figcaption>The delegations shake hands</figcaption></figure>',
    '<p>Kyiv said it would need a week<br>to review the memorandum.</p>',
    '<script>document.write("tracking pixel")</script><style>.x { color: red }</style>',
    '<h2>What was agreed</h2>',
    '<ul><li>A prisoner exchange of all wounded soldiers</li><li>Further talks in late June</li></ul>',
    '<blockquote><p>We are ready to talk, the minister said.</p></blockquote>',
    '</article><footer>Copyright Example News</footer>',
  ].join('');

  it('picks the story out of the page, with its metadata', async () => {
    const head = [
      '<link rel="canonical" href="https://example.com/world/talks">',
      '<meta property="og:site_name" content="Example News">',
      '<meta property="article:published_time" content="2025-06-03T14:12:00+01:00">',
    ].join('');
    const article = await loadOne('talks.html', page(story, head));
    expect(article).toMatchObject({
      key: 'talks.html',
      title: 'Talks resume in Istanbul',
      source: 'Example News',
      url: 'https://example.com/world/talks',
      published: '2025-06-03T14:12:00+01:00',
      author: 'Jane Doe',
    });
    expect(article.paragraphs).toEqual([
      {
        text: 'Delegations from Russia and Ukraine met on Monday for a second round of direct peace talks in Istanbul.',
        kind: 'body',
      },
      { text: 'The delegations shake hands', kind: 'caption' },
      { text: 'Kyiv said it would need a week to review the memorandum.', kind: 'body' },
      { text: 'What was agreed', kind: 'body' },
      { text: 'A prisoner exchange of all wounded soldiers', kind: 'body' },
      { text: 'Further talks in late June', kind: 'body' },
      { text: 'We are ready to talk, the minister said.', kind: 'body' },
    ]);
    const allText = article.paragraphs.map((paragraph) => paragraph.text).join(' ');
    expect(allText).not.toMatch(/tracking pixel|color: red|Copyright/);
  });

  it('uses og:url when there is no canonical link, and ignores a relative address', async () => {
    const og = await loadOne(
      'og.htm',
      page(story, '<meta property="og:url" content="https://example.com/og">'),
    );
    expect(og.url).toBe('https://example.com/og');
    const relative = await loadOne('relative.htm', page(story, '<link rel="canonical" href="/world/talks">'));
    expect(relative.url).toBeNull();
  });

  it('skips a page with no text', async () => {
    const { skipped } = await load('blank.html', page('<div><img src="a.jpg"></div>'));
    expect(skipped).toEqual([{ path: 'blank.html', reason: 'no article text found in the HTML' }]);
  });

  it('skips deeply nested tags quickly instead of hanging', async () => {
    const started = performance.now();
    const { skipped } = await load(
      'deep.html',
      page('<div>'.repeat(50_000) + 'text' + '</div>'.repeat(50_000)),
    );
    expect(skipped).toEqual([
      { path: 'deep.html', reason: expect.stringMatching(/nest about 50\d{3} levels deep/) },
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads a page with a huge attribute value', async () => {
    const article = await loadOne(
      'attr.html',
      page(`<div data-state="${'x'.repeat(2 * MB)}">${story}</div>`),
    );
    expect(texts(article, 'body')).toContain('What was agreed');
  });
});

describe('.json and .jsonl', () => {
  it('reads an array of articles, keyed by id or by position', async () => {
    const { articles, skipped } = await load(
      'feed.json',
      JSON.stringify([
        {
          id: 'talks-1',
          title: 'Talks resume',
          body: 'Delegations met.\n\nKyiv asked for a week.',
          published: '2025-06-03',
        },
        {
          title: 'Prisoner swap',
          text: ['Both sides exchanged prisoners.', 'More are due.'],
          source: 'Wire',
        },
        { id: 7, title: 'Drone attack', content: 'Russia launched drones overnight.', author: 'Jane Doe' },
      ]),
    );
    expect(skipped).toEqual([]);
    expect(articles.map((article) => article.key)).toEqual([
      'feed.json#talks-1',
      'feed.json#2',
      'feed.json#7',
    ]);
    expect(articles[0]).toMatchObject({ file: 'feed.json', published: '2025-06-03', source: null });
    expect(articles[0]!.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Delegations met.',
      'Kyiv asked for a week.',
    ]);
    expect(articles[1]).toMatchObject({
      source: 'Wire',
      paragraphs: [{ text: 'Both sides exchanged prisoners.' }, { text: 'More are due.' }],
    });
    expect(articles[2]).toMatchObject({ author: 'Jane Doe' });
  });

  it('keys a lone article object by the file itself', async () => {
    const article = await loadOne(
      'one.json',
      JSON.stringify({ title: 'Talks resume', body: 'Delegations met.' }),
    );
    expect(article.key).toBe('one.json');
  });

  it('reports each invalid entry with its position and keeps the valid ones', async () => {
    const { articles, skipped } = await load(
      'mixed.json',
      JSON.stringify([
        { id: 'a', title: 'Good', body: 'Fine text.' },
        { title: 42, body: 'Text.' },
        { title: 'No body' },
        'just a string',
        { id: 'a', title: 'Same id', body: 'Other text.' },
        { title: 'Bad date', body: 'Text.', published: 'whenever' },
      ]),
    );
    expect(articles.map((article) => article.key)).toEqual(['mixed.json#a']);
    expect(skipped).toEqual([
      { path: 'mixed.json#2', reason: 'title: expected text' },
      { path: 'mixed.json#3', reason: 'no article text: expected a body, text or content field' },
      { path: 'mixed.json#4', reason: 'expected an article object' },
      {
        path: 'mixed.json#5',
        reason: 'duplicate key mixed.json#a (an earlier entry in this file has the same key)',
      },
      { path: 'mixed.json#6', reason: 'published: expected a date' },
    ]);
  });

  it.each([
    ['invalid JSON', '{"title": "Talks", "body": }', 'broken.json', /^invalid JSON: Unexpected token/],
    ['an empty array', '[]', 'broken.json', /^no articles \(the JSON array is empty\)$/],
    [
      'deeply nested JSON',
      '['.repeat(100_000) + ']'.repeat(100_000),
      'broken.json#1',
      /^expected an article object$/,
    ],
  ])('skips %s without throwing', async (_, content, where, reason) => {
    const { articles, skipped } = await load('broken.json', content);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([{ path: where, reason: expect.stringMatching(reason) }]);
  });

  it('reads JSON Lines, reporting a bad line by its line number', async () => {
    const { articles, skipped } = await load(
      'feed.jsonl',
      [
        JSON.stringify({ title: 'Talks resume', body: 'Delegations met.' }),
        '{"title": "Broken", "body": ',
        '',
        JSON.stringify({ title: '', body: 'No headline.' }),
        JSON.stringify({ id: 'swap', title: 'Prisoner swap', body: 'Both sides exchanged prisoners.' }),
      ].join('\n'),
    );
    expect(articles.map((article) => article.key)).toEqual(['feed.jsonl#1', 'feed.jsonl#swap']);
    expect(skipped).toEqual([
      { path: 'feed.jsonl:2', reason: expect.stringMatching(/^invalid JSON: /) },
      { path: 'feed.jsonl:4', reason: 'title: is empty' },
    ]);
  });
});
