import { describe, expect, it } from 'vitest';
import { articleContext } from '../src/ingest/article-context.js';
import { askedStories } from './helpers/asked-stories.js';

const story = (title: string, texts: readonly string[]) => ({
  title,
  paragraphs: texts.map((text) => ({ text, kind: 'body' as const })),
});

describe("a results table's context", () => {
  it('names the company as the note under the table writes it in full, once', () => {
    const context = articleContext(
      story('PHILIPPINE LONG DISTANCE <PHI> YEAR NET', [
        'Shr primary 95.30 pesos vs 29.71 pesos',
        'Qtly div 1.25 pesos vs 1.25 pesos',
        'Net 1.9 billion vs 779 mln',
        'NOTE: Full name Philippine Long Distance Telephone Co.',
        'Figures quoted in Philippine Pesos.',
      ]),
    );
    // Neither "NOTE" nor "Full", capitalised as the first words of the note's sentence, is a name.
    expect(context).toBe('PHILIPPINE LONG DISTANCE <PHI> YEAR NET (Philippine Long Distance Telephone Co)');
  });

  it('names the fund a payout table is for', () => {
    const context = articleContext(
      story('FRANKLIN CALIFORNIA SETS MONTHLY PAYOUT', [
        'Mthly div 6.5 cts vs 6.5 cts prior',
        'Pay April 30',
        'Reord April 15',
        'NOTE: Franklin California Insured Tax-Free Income Fund.',
      ]),
    );
    expect(context).toMatch(/Franklin California Insured Tax-Free Income Fund/u);
  });

  it("leaves out a name that adds only a company's suffix to the headline's", () => {
    const context = articleContext(
      story('GEMCRAFT <GEMH.O> 2ND QTR NET', [
        'Shr 12 cts vs nine cts',
        'Net 410,000 vs 300,000',
        'NOTE: Gemcraft Inc.',
      ]),
    );
    expect(context).toBe('GEMCRAFT <GEMH.O> 2ND QTR NET');
  });

  it('leaves out what the lead of a story in prose names once', () => {
    const context = articleContext(
      story('CHINA PROVINCE BECOMES GRAIN IMPORTER', [
        'The south China province of Guangdong is importing grain, the Peking Review said.',
        "The magazine said the province's grain area fell to 4.33 mln hectares in 1985.",
      ]),
    );
    expect(context).toBe('CHINA PROVINCE BECOMES GRAIN IMPORTER');
  });
});

/** Payout tables of three funds of one group, each named in full only in its note. Made up; real model and SQLite. */
const fund = (state: string, cents: string) =>
  `KESTREL ${state.toUpperCase()} SETS MONTHLY PAYOUT

Mthly div ${cents} cts vs ${cents} cts prior

Pay April 30

Reord April 15

NOTE: Kestrel ${state} Insured Tax-Free Income Fund.
`;
const ask = askedStories({
  'kestrel-ohio.txt': fund('Ohio', '6.1'),
  'kestrel-iowa.txt': fund('Iowa', '5.9'),
  'kestrel-utah.txt': fund('Utah', '6.7'),
  'kestrel-utah-growth.txt': `KESTREL UTAH GROWTH FUND NAMES MANAGER

Kestrel Utah Growth Fund said it named a new manager for the fund, which pays no monthly dividend.

The Kestrel Utah Insured Tax-Free Income Fund is not affected, the company said.
`,
});

describe("a results table's row", () => {
  it('answers for the fund its note names', async () => {
    const texts = (
      await ask("What's the monthly dividend on the Kestrel Utah Insured Tax-Free Income Fund?")
    ).passages
      .slice(0, 3)
      .map((passage) => passage.text);
    expect(texts.some((text) => text.includes('Mthly div 6.7 cts'))).toBe(true);
  });
});
