import { describe, expect, it } from 'vitest';
import { countedThing } from '../src/answer/counted-thing.js';

describe('the thing a question counts', () => {
  it('is the last word before the verb or a preposition of a "how many" question', () => {
    expect(
      countedThing("How many flights used Heathrow's third runway in its first year of operation?"),
    ).toBe('flights');
    expect(countedThing('How many gold medals did Britain win at the Olympics?')).toBe('medals');
    expect(countedThing("How many of Moscow's troops have died according to UK defence intelligence?")).toBe(
      'troops',
    );
    expect(countedThing('How many cases of ovarian cancer did birth control pills prevent in 1982?')).toBe(
      'cases',
    );
    expect(countedThing('roughly how many russian soldiers have been killed so far?')).toBe('soldiers');
    expect(countedThing('How many job-seekers signed on in March?')).toBe('seekers');
    expect(countedThing('How many steelworkers stand to be laid off under the plan?')).toBe('steelworkers');
    expect(countedThing('How many troops to send?')).toBe('troops');
  });

  it('is nothing for a question that counts nothing', () => {
    expect(countedThing("What was the turnout in Gibraltar's sovereignty referendum?")).toBeNull();
    expect(countedThing('How much did Oracle pay for Peoplesoft?')).toBeNull();
    expect(countedThing('How many of them were there?')).toBeNull();
  });
});
