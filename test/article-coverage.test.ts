import { describe, expect, it } from 'vitest';
import { articleCoverage, namesEvery, pulledIn, withoutUnnamed } from '../src/search/article-coverage.js';
import { queryTerms } from '../src/search/fts-query.js';
import { storyOf as story } from '../src/search/story-cache.js';
import { withNamePhrases } from '../src/search/term-match.js';

describe('passages found below the shortlist', () => {
  // Fused order; passage id -> story id; each story's coverage of the question.
  const fused = [1, 2, 3, 4, 5, 6].map((id) => ({ id, score: 2 - id / 10 }));
  const storyOf = new Map([
    [1, 10],
    [2, 10],
    [3, 20],
    [4, 30],
    [5, 30],
    [6, 40],
  ]);
  const shortlist = new Set([1, 2, 3]);

  it('come in when their story covers more of the question than every shortlisted story', () => {
    const coverage = new Map([
      [10, 0.5],
      [20, 0.6],
      [30, 0.9],
      [40, 0.4],
    ]);
    expect(pulledIn(fused, storyOf, coverage, shortlist).map((hit) => hit.id)).toEqual([4, 5]);
  });

  it('stay out when a shortlisted story covers as much', () => {
    const coverage = new Map([
      [10, 0.9],
      [20, 0.6],
      [30, 0.9],
      [40, 0.4],
    ]);
    expect(pulledIn(fused, storyOf, coverage, shortlist)).toEqual([]);
  });
});

describe("a story's coverage of a question that names what it is about", () => {
  const question = "How many weeks do Price Co's quarterly figures cover?";
  const terms = withNamePhrases(question, queryTerms(question));
  const names = ['price co'];
  const stories = new Map([
    [1, story('PRICE CO 3RD QTR NET\nNOTE: Twelve- and 40-week periods.')],
    [
      2,
      story(
        'ACME CORP 3RD QTR NET\nNOTE: Quarterly figures cover twelve weeks and the price of co-payments.',
      ),
    ],
    [3, story('PC quarterly results\nNOTE: Twelve-week periods.')],
  ]);
  const coverage = articleCoverage(stories, terms, () => 1);

  it("is none for a story that never names it, when no story of search's first matches does and another does", () => {
    const kept = withoutUnnamed(coverage, stories, names, [2]);
    expect(kept.get(2)).toBe(0);
    expect(kept.get(1)).toBe(coverage.get(1));
    // Named by its initials, as the evidence check reads it.
    expect(kept.get(3)).toBe(coverage.get(3));
    expect(coverage.get(2)).toBeGreaterThan(0);
  });

  it('asks a story for every name: one that names one of two is not about the question', () => {
    const kept = withoutUnnamed(coverage, stories, ['price co', 'net'], [3]);
    expect(kept.get(1)).toBe(coverage.get(1));
    expect(kept.get(2)).toBe(0);
    expect(kept.get(3)).toBe(0);
  });

  it('is left as it is when a story of the first matches names it, or no story does, or it names nothing', () => {
    expect(withoutUnnamed(coverage, stories, names, [2, 1])).toEqual(coverage);
    const unnamed = new Map([[2, stories.get(2)!]]);
    expect(withoutUnnamed(coverage, unnamed, names, [2])).toEqual(coverage);
    expect(withoutUnnamed(coverage, stories, [], [2])).toEqual(coverage);
  });
});

describe('a name of one word asked about', () => {
  const question = "What were CooperVision's sales in the quarter to January 31?";
  const terms = queryTerms(question);
  const names = ['coopervision', 'january'];
  const stories = new Map([
    [1, story('COOPER LASERSONICS INC 1ST QTR LOSS\nPeriod ended January 31.\nSales 15.0 mln vs 16.7 mln')],
    [2, story('COOPERVISION INC 1ST QTR JAN 31 NET\nShr 3.65 dlrs vs 33 cts\nSales 94.4 mln vs 85.4 mln')],
  ]);

  it('is named only as written, its plural, or a month by its wire abbreviation, never by its first letters', () => {
    expect(namesEvery(names)(stories.get(1))).toBe(false);
    expect(namesEvery(names)(stories.get(2))).toBe(true);
    expect(namesEvery(['springboks'])(story('Paul Honiss refereed the Springbok match.'))).toBe(true);
    expect(namesEvery(['springboks'])(story('The spring tour ended.'))).toBe(false);
    expect(namesEvery(['european'])(story('Ministers across Europe agreed.'))).toBe(true);
    expect(namesEvery(['ibm'])(story('IBMX shares rose.'))).toBe(false);
    expect(namesEvery(['shell'])(story('The continental shelf was mapped.'))).toBe(false);
  });

  it('is a person named with a middle initial or a middle name, never with their words apart', () => {
    const mulligan = ['thomas mulligan'];
    expect(namesEvery(mulligan)(story('Thomas E. Mulligan, president of the board, said so.'))).toBe(true);
    expect(namesEvery(mulligan)(story('Thomas Edward Mulligan said so.'))).toBe(true);
    expect(namesEvery(mulligan)(story('Thomas A. Mulligan said so.'))).toBe(true);
    expect(namesEvery(mulligan)(story('Thomas and Mulligan said so.'))).toBe(false);
    expect(namesEvery(['george bush'])(story('George H. W. Bush spoke.'))).toBe(true);
    expect(namesEvery(mulligan)(story('Thomas Smith met the Mulligan family.'))).toBe(false);
  });

  it("makes a company's own results table cover the question more than another company's", () => {
    const coverage = articleCoverage(stories, terms, () => 1, names);
    expect(coverage.get(2)).toBeGreaterThan(coverage.get(1)!);
  });
});
