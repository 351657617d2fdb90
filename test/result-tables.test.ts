import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bestSentence } from '../src/answer/highlight.js';
import { isPeriodHeader } from '../src/document/result-table.js';
import { answersResults, isResultsBlock, reportsAskedPeriod } from '../src/search/results-table.js';
import { buildMatchExpression, queryTerms } from '../src/search/fts-query.js';
import { termsIn } from '../src/search/term-match.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * Made-up wire stories: two companies' results printed as a wire prints them, a line to a paragraph with
 * its period header above ("Year", "Nine mths") and abbreviations ("Revs", "Shr", "mln"), beside prose
 * stories on other companies' full-year revenues and nine-month sales. Real model, real SQLite.
 */
const story = (id: number, title: string, body: string[]) => JSON.stringify({ id, title, body });
const ARTICLES: Record<string, string> = {
  'wire.jsonl': [
    story(1, 'TARNWELL CORP <TWC> 4TH QTR LOSS', [
      'Shr loss 53 cts vs loss 55 cts',
      'Net loss 3,865,000 vs loss 3,963,000',
      'Revs 24.2 mln vs 26.8 mln',
      'Year',
      'Shr loss 1.21 dlrs vs profit 56 cts',
      'Net loss 8,758,000 vs profit 4,040,000',
      'Revs 108.5 mln vs 113.8 mln',
      'Prior year figures include a gain on disposal of 3.9 mln dlrs.',
    ]),
    story(2, 'BRACKEN STORES <BRK> 3RD QTR NET', [
      'Shr 30 cts vs 24 cts',
      'Net 14.7 mln vs 11.3 mln',
      'Sales 738.9 mln vs 605.1 mln',
      'Nine mths',
      'Shr 1.11 dlrs vs 93 cts',
      'Net 54.2 mln vs 42.9 mln',
      'Sales 2.45 billion vs 1.95 billion',
    ]),
    story(3, 'ORMSBY MILLS SEES HIGHER FULL YEAR REVENUES', [
      'Ormsby Mills said its full year revenues would rise for the third year running, as revenues from its mills in the north grew faster than expected.',
      'The company said revenues for the full year had been helped by a strong fourth quarter.',
    ]),
    story(4, 'HALLAM RETAIL SALES UP IN FIRST NINE MONTHS', [
      'Hallam Retail said sales in the first nine months of its year rose on strong demand for garden goods, and sales for the nine months beat its forecast.',
    ]),
    story(5, 'HOLLIS SAVINGS BANK <HSB> 1ST QTR NET', [
      'Shr 51 cts vs not given',
      'Net 6,089,000 vs 7,310,000',
      'NOTE: Company went public in November 1986.',
      '1986 net includes tax credit of 1,022,000 dlrs from the savings bank conversion.',
    ]),
    story(7, 'ASHGROVE INSURANCE <ASHG.O> 3RD QTR', [
      'Shr 32 cts vs 26 cts',
      'Net 722,000 vs 597,000',
      'Nine mths',
      'Shr 92 cts vs 69 cts',
      'Net 2,100,000 vs 1,500,000',
      'NOTE: full name of company is ashgrove insurance co.',
    ]),
    story(8, 'PELHAM COS INC <PEL> 4TH QTR LOSS', [
      'Shr loss two cts vs profit 14 cts',
      'Net loss 2,515,000 vs profit 28,569,000',
      'Sales 1.41 billion vs 885.2 mln',
      'Year',
      'Shr profit 33 cts vs profit 47 cts',
      'Net profit 83,750,000 vs profit 76,130,000',
      'Sales 4.77 billion vs 2.81 billion',
    ]),
    story(6, 'HOLLIS SAVINGS BANK <HSB> 3RD QTR NET', [
      'Shr 57 cts',
      'Net 6,889,000 vs 10.7 mln',
      'NOTE: 3rd qtr 1986 per share figures not available because the savings bank converted to stock form in November 1986.',
    ]),
  ].join('\n'),
};

const ask = askedStories(ARTICLES);

describe('a results table asked about in plain words', () => {
  it("answers a company's full-year revenues with the year's lines, the revenues line highlighted", async () => {
    const shown = (await ask("What were Tarnwell Corp's revenues for the full year?")).passages.slice(0, 3);
    const year = shown.find((passage) => /^Year\n\n/u.test(passage.text));
    expect(year?.text).toMatch(/^Year\n\n.*Revs 108\.5 mln vs 113\.8 mln$/su);
    expect(year!.text.slice(year!.highlight.start, year!.highlight.end)).toBe('Revs 108.5 mln vs 113.8 mln');
    expect(year!.citation.paragraph).toBe(4);
    // The quarter's lines, which hold "Revs" too, come after the year's if at all.
    expect(shown.indexOf(year!)).toBeLessThan(
      shown.findIndex((passage) => passage.text.startsWith('Shr loss 53 cts')) >>> 0,
    );
  });

  it("answers its nine-month sales with the lines under Nine mths, not the quarter's", async () => {
    const [first] = (await ask("What were Bracken Stores' sales for the first nine months?")).passages;
    expect(first!.text).toMatch(/^Nine mths\n\n.*Sales 2\.45 billion vs 1\.95 billion$/su);
    expect(first!.text.slice(first!.highlight.start, first!.highlight.end)).toBe(
      'Sales 2.45 billion vs 1.95 billion',
    );
  });
});

describe("a company's results asked about in words its table never writes", () => {
  it("answers what it made in the first quarter with the lines under its 1ST QTR headline, not the 3RD QTR's", async () => {
    const [first] = (await ask('How much did Hollis Savings Bank make in the first quarter?')).passages;
    expect(first!.text).toBe('Shr 51 cts vs not given\n\nNet 6,089,000 vs 7,310,000');
  });
});

describe("a company's results asked in words its table and headline print otherwise", () => {
  it('answers its earnings in the first nine months with the lines under Nine mths', async () => {
    const answer = await ask('What did Ashgrove Insurance earn per share in the first nine months?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toMatch(/^Nine mths\n\nShr 92 cts vs 69 cts/u);
  });

  it('answers the full-year sales of a company its headline calls "Cos" with the Year lines', async () => {
    const answer = await ask('What did Pelham Companies post in sales for the full year?');
    expect(answer.found).toBe(true);
    expect(answer.passages[0]!.text).toMatch(/^Year\n\n.*Sales 4\.77 billion vs 2\.81 billion$/su);
  });
});

describe('a results question read against a period block', () => {
  const quarter = {
    text: 'Shr 51 cts vs not given\n\nNet 6,089,000 vs 7,310,000',
    context: 'HOLLIS 1ST QTR NET',
  };
  const year = { text: 'Year\n\nNet loss 17.8 mln vs loss 4,900,000', context: "HECK'S INC 4TH QTR NET" };

  it('reports the period asked, in the same place or count, or a year named', () => {
    expect(reportsAskedPeriod('How much did Hollis make in the first quarter?', quarter)).toBe(true);
    expect(reportsAskedPeriod('How much did Hollis make in the third quarter?', quarter)).toBe(false);
    expect(reportsAskedPeriod("How much did Heck's lose over the full year?", year)).toBe(true);
    expect(reportsAskedPeriod("How much did Heck's lose in its fourth quarter?", year)).toBe(false);
    expect(reportsAskedPeriod('How much did Hollis make in 1986?', quarter)).toBe(false);
    expect(reportsAskedPeriod('How much did Hollis make?', quarter)).toBe(true);
    const dividend = {
      text: 'Qtly div 1.25 pesos vs 1.25 pesos\n\nNet 1.9 billion vs 779 mln',
      context: 'PLDT YEAR NET',
    };
    expect(reportsAskedPeriod('What quarterly dividend is PLDT paying?', dividend)).toBe(true);
  });

  it('reads 52 or 53 weeks and 12 months as a year', () => {
    const fiscal = {
      text: '53 weeks to April 4, 1987\n\nPretax profits 129.2 mln stg vs 116.0 mln',
      context: 'KEMBLE STORES REPORTS HIGHER PROFITS IN 1986/87',
    };
    expect(reportsAskedPeriod('What pretax profit did Kemble Stores report for 1986/87?', fiscal)).toBe(true);
    expect(reportsAskedPeriod('How much did Kemble make over the full year?', fiscal)).toBe(true);
    const twelve = { ...fiscal, text: '12 mths\n\nNet 6,089,000 vs 7,310,000' };
    expect(reportsAskedPeriod('How much did Kemble make in 1986?', twelve)).toBe(true);
    const half = { ...fiscal, text: '26 weeks to Oct 4, 1986\n\nNet 6,089,000 vs 7,310,000' };
    expect(reportsAskedPeriod('How much did Kemble make in 1986?', half)).toBe(false);
  });

  it("is answered by the asked company's table lines only", () => {
    expect(isResultsBlock(quarter.text)).toBe(true);
    expect(isResultsBlock('Qtly div nine cts\n\nPay April 30\n\nRecord April six')).toBe(false);
    expect(isResultsBlock('NOTE: Company went public in November 1986.')).toBe(false);
    const answers = answersResults('How much did Hollis make in the first quarter?', ['hollis'])!;
    expect(answers(quarter)).toBe(true);
    expect(answers({ ...quarter, context: 'KESTREL 1ST QTR NET' })).toBe(false);
    expect(answersResults('Who runs Hollis?', ['hollis'])).toBeNull();
  });
});

describe('the abbreviations of results tables', () => {
  it('read as the words they stand for', () => {
    const terms = queryTerms('revenues for the nine months per share in millions of dollars, quarterly');
    expect([...termsIn('Nine mths: Revs 2.4 mln dlrs, shr 30 cts, 3RD QTR', terms)].sort()).toEqual(
      ['dollars', 'millions', 'months', 'nine', 'quarterly', 'revenues', 'share'].sort(),
    );
    expect(termsIn('Revs rose', queryTerms('How did the engine revolutions change?')).size).toBe(0);
    expect(termsIn('Total divs to shareholders 7.5 mln vs nil', ['dividends'])).toEqual(
      new Set(['dividends']),
    );
  });

  it("are searched beside the question's words when asked for, and only then", () => {
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
      db.prepare('INSERT INTO t(text) VALUES (?)').run('Revs 108.5 mln vs 113.8 mln');
      const found = (expression: string | null) =>
        db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expression).length;
      const abbreviations = new Map([['revenues', ['revs']]]);
      expect(buildMatchExpression('What were the revenues?', abbreviations)).toBe('"revenues" OR "revs"');
      expect(found(buildMatchExpression('revenues', abbreviations))).toBe(1);
      expect(found(buildMatchExpression('revenues'))).toBe(0);
    } finally {
      db.close();
    }
  });

  it('mark the period headers a table is cut at', () => {
    for (const header of ['Year', 'Nine mths', '12 mths', '1st half', 'Qtr ends Jan 31', 'Six months'])
      expect(isPeriodHeader(header), header).toBe(true);
    for (const line of ['Pay April 15', 'Shr 1.11 dlrs vs 93 cts', 'Profit rose in the year.', 'Avg shrs'])
      expect(isPeriodHeader(line), line).toBe(false);
  });

  it("highlight a table's line read with its period header, and a caption apart from the paragraph after it", () => {
    const table = 'Nine mths\n\nShr 1.11 dlrs vs 93 cts\n\nSales 2.45 billion vs 1.95 billion';
    const span = bestSentence(table, queryTerms('sales for the nine months'));
    expect(table.slice(span.start, span.end)).toBe('Sales 2.45 billion vs 1.95 billion');
    const completed = 'A caption with no full stop\n\nThe minister resigned on Friday.';
    const resigned = bestSentence(completed, queryTerms('when did the minister resign'));
    expect(completed.slice(resigned.start, resigned.end)).toBe('The minister resigned on Friday.');
  });
});
