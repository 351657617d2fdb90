import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../src/answer/evidence.js';
import { rerankByCoverage } from '../src/search/coverage-rerank.js';
import { queryTerms } from '../src/search/fts-query.js';
import { storyOf } from '../src/search/story-cache.js';
import { questionNames } from '../src/search/term-match.js';
import { yearToldBack } from '../src/search/year-told.js';

describe('the year a dated story tells of as "last year"', () => {
  it('is the year before the one it was published in', () => {
    expect(yearToldBack("Last year's high surplus was attributed to cheaper oil.", '1987-04-03')).toBe(
      '1986',
    );
    expect(
      yearToldBack('Losses were 3.2 billion dlrs, against 2.1 billion a year earlier.', '1987-04-17'),
    ).toBe('1986');
    expect(yearToldBack('Profits doubled from a year ago.', '2025-03-01')).toBe('2024');
  });

  it('is none in an undated story, or for a year counted back from one the story names', () => {
    expect(yearToldBack("Last year's high surplus was attributed to cheaper oil.", null)).toBeNull();
    expect(yearToldBack('1.13 billion in 1986 and 369 mln the previous year.', '1987-04-03')).toBeNull();
    expect(yearToldBack('The surplus will shrink this year.', '1987-04-03')).toBeNull();
  });
});

describe('a year asked that a story of the next year calls "last year"', () => {
  const question = 'Why did Vantoria run such a big surplus in 1986?';
  const context = "Vantoria's growth forecast at four pct this year";
  const text = "Last year's high surplus was attributed to cheaper oil and a weaker dollar.";
  const judged = (published: string | null) => {
    const terms = queryTerms(question);
    const passage = { text, context, articleId: 1, published };
    const stories = new Map([[1, storyOf(`${context}\n${text}`)]]);
    return evidenceOf(
      [{ passage, similarity: 0.3 }],
      terms,
      () => 5,
      questionNames(question, terms),
      question,
      stories,
    )[0]!;
  };

  it('answers the question from the story published the year after', () => {
    expect(judged('1987-04-03')).toMatchObject({ missesYear: false, anchored: true });
  });

  it('is no answer in an undated story or one published two years after', () => {
    expect(judged(null).missesYear).toBe(true);
    expect(judged('1988-04-03').missesYear).toBe(true);
  });

  it("ranks the story's paragraph on last year above one on this year", () => {
    const hits = [
      {
        name: 'this year',
        passage: { context, text: 'The surplus will shrink this year.', published: '1987-04-03' },
        score: 1,
      },
      { name: 'last year', passage: { context, text, published: '1987-04-03' }, score: 1 },
    ];
    rerankByCoverage(hits, queryTerms(question), () => 5, 1);
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score);
  });
});
