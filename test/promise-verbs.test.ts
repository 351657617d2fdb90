import { describe, expect, it } from 'vitest';
import { promiseForms } from '../src/search/promise-verbs.js';

describe('the verbs of a promise', () => {
  it('searches a promise asked as the other verbs a story may write it with', () => {
    expect(promiseForms('promise Indonesia after his talks')).toEqual(
      new Map([['promise', ['pledge', 'vow']]]),
    );
    expect(promiseForms('pledged support')).toEqual(new Map([['pledged', ['promise', 'vow']]]));
    expect(promiseForms('vowed to fight')).toEqual(new Map([['vowed', ['promise', 'pledge']]]));
  });

  it('leaves words that only begin like one alone', () => {
    expect(promiseForms('the vote on the volume of promissory notes')).toEqual(new Map());
  });
});
