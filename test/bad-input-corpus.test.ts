import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing } from '../src/answer/briefing.js';
import type { ReindexSummary } from '../src/ingest/reindex.js';
import { NATO_SAMPLE, scratchCorpus } from './helpers/corpus.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';
import { runScriptMeasuringMemory, type Finished } from './helpers/spawn-script.js';

const MB = 1024 * 1024;
const TINY_FILES = 10_000;
const NESTING = 100_000;
/**
 * Peak resident memory of the whole ingest. Measured here: about 360 MB (the model, 10,000 articles,
 * a 10 MB attribute parsed into a DOM). Reading the 50 MB file, or a parser copying a deeply nested
 * document, would pass it.
 */
const MEMORY_BOUND = 1024 * MB;
/** Measured: about 15 s on a loaded two-core machine; a per-file cost that grew with the folder would not fit. */
const TIME_BOUND_SECONDS = 90;

let corpus: Awaited<ReturnType<typeof scratchCorpus>>;
let run: Finished & { peakBytes: number };
let summary: ReindexSummary;
let briefing: Briefing;

function write(file: string, content: string | Uint8Array): void {
  const full = path.join(corpus.articlesDir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

/** Random bytes without NUL, so only their make-up, not a NUL byte, gives them away as binary. */
function randomWithoutNul(length: number): Buffer {
  return Buffer.from(randomBytes(length).map((byte) => byte || 1));
}

/** Files that must each be skipped, with the reason the report must give. */
const PROBLEMS: Record<string, RegExp> = {
  'empty.txt': /^empty file$/,
  'blank.md': /^empty file \(only whitespace\)$/,
  'random.txt': /^binary file \(contains NUL bytes\)$/,
  'random-no-nul.txt': /^binary file \(\d+% of its bytes are neither ASCII text nor UTF-8\)$/,
  'picture.txt': /^binary file \(contains NUL bytes\)$/,
  'huge.txt': /^file is 50 MB, over the 20 MB limit \(MAX_ARTICLE_BYTES\)$/,
  'deep.json#1': /^expected an article object$/,
  'deep-object.json': /^title: is missing$/,
  'deep-body.jsonl:1': /^body: expected text or a list of paragraphs$/,
  'deep-quote.md': /^Markdown nests about 100000 levels deep \(over 100\), too deep to read safely$/,
  'deep-front-matter.md': /^front matter is nested too deeply to read$/,
  'deep.html': /^HTML tags nest about 100002 levels deep \(over 400\), too deep to read safely$/,
  'wrong-types.md': /^front matter: title: expected text; published: expected a date$/,
  'title-list.md': /^front matter: title: expected text$/,
  'renamed/nato.txt': new RegExp(`^same article as ${NATO_SAMPLE} \\(duplicate, not indexed twice\\)$`),
};

function writeBadCorpus(): void {
  write('empty.txt', '');
  write('blank.md', '  \n\n\t\n');
  write('random.txt', randomBytes(64 * 1024));
  write('random-no-nul.txt', randomWithoutNul(4096));
  // A PNG signature and header chunk, then image data: what a misnamed screenshot looks like.
  write(
    'picture.txt',
    Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(8192)]),
  );
  write(
    'huge.txt',
    `Huge file\n${'A sentence that goes on and on. '.repeat((50 * MB) / 32 - 1)}`.slice(0, 50 * MB),
  );
  write('deep.json', '['.repeat(NESTING) + ']'.repeat(NESTING));
  write('deep-object.json', '{"a":'.repeat(NESTING) + '1' + '}'.repeat(NESTING));
  write('deep-body.jsonl', `{"title":"Deep","body":${'['.repeat(NESTING)}${']'.repeat(NESTING)}}\n`);
  write('deep-quote.md', `# Deep\n\n${'> '.repeat(NESTING)}text\n`);
  write(
    'deep-front-matter.md',
    `---\ntitle: ${'['.repeat(NESTING)}${']'.repeat(NESTING)}\n---\nBody text.\n`,
  );
  write('deep.html', `<html><body>${'<div>'.repeat(NESTING)}text${'</div>'.repeat(NESTING)}</body></html>`);
  write('wrong-types.md', '---\ntitle: 42\npublished: not a date\n---\nSome body text here.\n');
  write('title-list.md', '---\ntitle: [a, b]\n---\nSome body text here.\n');
  write('renamed/nato.txt', fs.readFileSync(path.join(corpus.articlesDir, NATO_SAMPLE)));
}

/** Good articles in awkward shapes: each must be indexed and answer a question. */
function writeAwkwardGoodArticles(): void {
  write(
    'latin1.txt',
    Buffer.from(
      'Bank raises interest rates\nThe Bank of England raised interest rates, costing a typical borrower \xa3300 a year.\n',
      'latin1',
    ),
  );
  // UTF-8 with its last character cut in half, as a download that stopped early leaves it.
  write(
    'cut-short.txt',
    Buffer.concat([
      Buffer.from(
        'Harbour reopens after storm\nThe harbour master said: \u201cThe quay is safe again.\u201d Boats returned on Sunday \u2014 ',
      ),
      Buffer.from([0xe2, 0x80]),
    ]),
  );
  write(
    'scripted.html',
    `<html><head><title>Fisheries deal agreed</title><script>document.title = 'hijacked';</script></head>
<body><article><h1>Fisheries deal agreed</h1>
<p data-tracking="${'x'.repeat(10 * MB)}">Ministers agreed a new fisheries deal on Tuesday after talks that ran through the night.</p>
<script>alert('never indexed')</script>
<p>The agreement sets quotas for cod and haddock for the next five years.</p></article></body></html>`,
  );
  for (let n = 0; n < TINY_FILES; n++) {
    write(`tiny/${Math.floor(n / 1000)}/note-${n}.txt`, `Note ${n}\nShort note number ${n}.\n`);
  }
}

beforeAll(async () => {
  corpus = await scratchCorpus();
  writeBadCorpus();
  writeAwkwardGoodArticles();
  const env = { DB_PATH: corpus.dbPath, ARTICLES_DIR: corpus.articlesDir };
  run = await runScriptMeasuringMemory('scripts/ingest.ts', ['--json'], env);
  summary = JSON.parse(run.stdout) as ReindexSummary;
  briefing = await Briefing.open(testConfig(env), await sharedEmbedder());
}, 180_000);

afterAll(async () => {
  briefing?.close();
  await corpus?.cleanup();
});

const passageText = async (question: string) =>
  (await briefing.ask(question)).passages.map((passage) => passage.text).join('\n');

describe('ingesting a folder of bad input', () => {
  it('finishes, and reports every problem file with its reason', () => {
    expect(run.code, run.stderr).toBe(0);
    const reasons = Object.fromEntries(summary.skipped.map(({ path: file, reason }) => [file, reason]));
    expect(Object.keys(reasons).sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const [file, reason] of Object.entries(PROBLEMS)) expect(reasons[file], file).toMatch(reason);
  });

  it('indexes every good article, the tiny ones included', () => {
    // The two samples (one of them also under a second name), three awkward articles and the tiny notes.
    expect(summary.articles).toMatchObject({
      added: 2 + 3 + TINY_FILES,
      skipped: Object.keys(PROBLEMS).length,
    });
  });

  it('answers questions from the good articles', async () => {
    expect(await passageText('What did Lammy say?')).toContain('Lammy');
    expect(await passageText('How much do higher interest rates cost a borrower?')).toContain('£300 a year');
    expect(await passageText('Is the quay safe after the storm?')).toContain(
      '\u201cThe quay is safe again.\u201d',
    );
    const fisheries = await passageText('What quotas did the fisheries deal set?');
    expect(fisheries).toContain('quotas for cod and haddock');
    expect(fisheries).not.toMatch(/hijacked|never indexed/);
    expect(await passageText('What does note 4242 say?')).toContain('Short note number 4242.');
  });

  it(`stays under ${MEMORY_BOUND / MB} MB of memory and ${TIME_BOUND_SECONDS} s`, () => {
    expect(run.peakBytes).toBeGreaterThan(0);
    expect(run.peakBytes).toBeLessThan(MEMORY_BOUND);
    expect(summary.seconds).toBeLessThan(TIME_BOUND_SECONDS);
  });
});
