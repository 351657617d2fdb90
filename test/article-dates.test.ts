import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateline } from '../src/ingest/dateline.js';
import { loadArticleFile } from '../src/ingest/load-file.js';

/** Every format gives its article the publication date its source states, as ISO 8601. */
let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-dates-'));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function publishedIn(file: string, content: string): Promise<(string | null)[]> {
  await fs.writeFile(path.join(root, file), content);
  const { articles, skipped } = await loadArticleFile(root, file, { maxBytes: 1_000_000 });
  expect(skipped).toEqual([]);
  return articles.map((article) => article.published);
}

const BODY = 'Coffee quotas were discussed in London on Thursday, the delegates said.';

describe("Reuters-21578's DATE", () => {
  it.each([
    ['26-FEB-1987 15:01:01.79', '1987-02-26T15:01:01'],
    [' 5-MAR-1987 09:12:44.05', '1987-03-05T09:12:44'],
    ['26-FEB-1987', '1987-02-26'],
  ])('%s → %s', (line, iso) => {
    expect(parseDateline(line)).toBe(iso);
  });
});

describe('JSON fields', () => {
  it('reads published, datePublished, publishedAt and date, in that order of preference', async () => {
    const entries = [
      { title: 'A', body: BODY, published: '2025-06-03', date: '2024-01-01' },
      { title: 'B', body: BODY, datePublished: '2025-06-04T10:00:00Z' },
      { title: 'C', body: BODY, publishedAt: '2025-06-05T10:00:00+02:00' },
      { title: 'D', body: BODY, date: '26-FEB-1987 15:01:01.79' },
      { title: 'E', body: BODY },
    ];
    expect(await publishedIn('feed.jsonl', entries.map((e) => JSON.stringify(e)).join('\n'))).toEqual([
      '2025-06-03',
      '2025-06-04T10:00:00Z',
      '2025-06-05T10:00:00+02:00',
      '1987-02-26T15:01:01',
      null,
    ]);
  });
});

describe('Markdown front matter', () => {
  it('reads `date` as static site generators write it', async () => {
    expect(await publishedIn('post.md', `---\ntitle: Quotas\ndate: 2025-06-03\n---\n${BODY}\n`)).toEqual([
      '2025-06-03',
    ]);
  });
});

describe('HTML', () => {
  const page = (head: string, body = '') =>
    `<!doctype html><html><head><title>Coffee quotas</title>${head}</head><body><article><h1>Coffee quotas</h1>${body}<p>${BODY}</p><p>${BODY.replace('Thursday', 'Friday')}</p></article></body></html>`;

  it.each([
    [
      'article:published_time',
      page('<meta property="article:published_time" content="2025-06-03T14:12:00+01:00">'),
      '2025-06-03T14:12:00+01:00',
    ],
    [
      'JSON-LD',
      page(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Coffee quotas","datePublished":"2025-06-03T09:00:00Z"}</script>',
      ),
      '2025-06-03T09:00:00Z',
    ],
    ['schema.org microdata', page('<meta itemprop="datePublished" content="2025-06-03">'), '2025-06-03'],
    [
      '<time datetime>',
      page('', '<p class="dateline"><time datetime="2025-06-03T08:30:00Z">3 June 2025</time></p>'),
      '2025-06-03T08:30:00Z',
    ],
    ['no date at all', page(''), null],
  ])('%s', async (_, html, iso) => {
    expect(await publishedIn(`page-${Math.random().toString(36).slice(2)}.html`, html)).toEqual([iso]);
  });
});
