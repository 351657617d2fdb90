import { describe, expect, it } from 'vitest';
import { pulledIn } from '../src/search/article-coverage.js';

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
