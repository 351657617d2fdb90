import { describe, expect, it } from 'vitest';
import { questionFocus } from '../src/answer/question-focus.js';

describe('the thing a question asks for by name', () => {
  it('is what a "how many" question counts, up to its verb or a preposition', () => {
    expect(
      questionFocus("How many flights used Heathrow's third runway in its first year of operation?"),
    ).toBe('flights');
    expect(questionFocus('How many gold medals did Britain win at the Olympics?')).toBe('medals');
    expect(questionFocus("How many of Moscow's troops have died according to UK defence intelligence?")).toBe(
      'troops',
    );
    expect(questionFocus('How many cases of ovarian cancer did birth control pills prevent in 1982?')).toBe(
      'cases',
    );
    expect(questionFocus('roughly how many russian soldiers have been killed so far?')).toBe('soldiers');
    expect(questionFocus('How many job-seekers signed on in March?')).toBe('seekers');
  });

  it('is the attribute a "what was the ..." question asks of something', () => {
    expect(questionFocus("What was the turnout in Gibraltar's sovereignty referendum?")).toBe('turnout');
    expect(questionFocus('What is the biggest health challenge after the tsunami?')).toBe('challenge');
  });

  it('is nothing for an attribute that is a figure, or a question that names no thing asked for', () => {
    expect(questionFocus("What is the salary of the children's commissioner for England?")).toBeNull();
    expect(questionFocus('Who won best actress at the Oliviers?')).toBeNull();
    expect(questionFocus('What did Lammy say about sanctions?')).toBeNull();
    expect(questionFocus('How many of them were there?')).toBeNull();
  });
});
