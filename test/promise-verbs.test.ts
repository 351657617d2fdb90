import { describe, expect, it } from 'vitest';
import { promiseForms } from '../src/search/promise-verbs.js';
import { refersBack } from '../src/search/speaker-retriever.js';

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

describe('a quote that refers back to the paragraph before', () => {
  it('is read through its opening quotation mark', () => {
    expect(refersBack('"This action has been under study since we announced it," he said.')).toBe(true);
    expect(refersBack('“These are good results,” she said.')).toBe(true);
    expect(refersBack('"Thistle shares fell," he said.')).toBe(false);
  });
});
