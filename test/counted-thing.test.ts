import { describe, expect, it } from 'vitest';
import {
  countedKind,
  countedThing,
  countsAsObject,
  countsAsked,
  jobsCounted,
} from '../src/search/counted-thing.js';

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
    expect(countedThing('How many jobs went when Halvorsen closed its Ashby plant?')).toBe('jobs');
  });

  it('is nothing for a question that counts nothing', () => {
    expect(countedThing("What was the turnout in Gibraltar's sovereignty referendum?")).toBeNull();
    expect(countedThing('How much did Oracle pay for Peoplesoft?')).toBeNull();
    expect(countedThing('How many of them were there?')).toBeNull();
  });
});

describe('the kind of thing a question counts', () => {
  it('is the word before the thing counted', () => {
    expect(countedKind('How many new storage sites are Southmark and National Self planning to open?')).toBe(
      'storage',
    );
    expect(countedKind('How many gold medals did Britain win at the Olympics?')).toBe('gold');
  });

  it('is nothing for a thing of one word', () => {
    expect(countedKind("How many flights used Heathrow's third runway?")).toBeNull();
    expect(countedKind('How much did Oracle pay for Peoplesoft?')).toBeNull();
  });
});

describe('a figure of the thing a question counts', () => {
  const counts = countsAsked('How many Bendectin suits does Merrell Dow still have outstanding?')!;

  it('is a figure before that thing or a synonym of it, a few words on at most', () => {
    expect(counts('He said about 300 lawsuits are pending.')).toBe(true);
    expect(counts('At one point about 1700 lawsuits had been filed.')).toBe(true);
    expect(counts('Three more suits were filed.')).toBe(true);
  });

  it('is not a figure of something else', () => {
    expect(counts('the birth defects of a seven-year old boy')).toBe(false);
    expect(counts('12 other trials, 10 in the U.S. and two in West Germany, over the suits')).toBe(false);
  });

  it('is nothing for a question that counts nothing', () => {
    expect(countsAsked('How much did Oracle pay for Peoplesoft?')).toBeNull();
  });
});

describe('a figure of a unit a question counts in full', () => {
  it('is one written as its abbreviation', () => {
    const counts = countsAsked('How many kilometres of high-speed line will the loan help build?')!;
    expect(counts('the construction of a 279 km track for high speed trains')).toBe(true);
    expect(countsAsked('How many square metres does the new depot cover?')!('a 40,000 sq metre depot')).toBe(
      true,
    );
    expect(counts('a 279 mile track')).toBe(false);
  });
});

describe("a figure after the question's own verb", () => {
  it('is read after the verb asked, not after a noun of the question that WordNet also has as a verb', () => {
    const nixdorf = countsAsObject(
      "How many job centres will Westbay's order from the labour office computerise?",
    )!;
    expect(nixdorf('It won an order to computerise 90 local labour exchanges.')).toBe(true);
    expect(nixdorf('Staff at the labour office will labour 5 days a week.')).toBe(false);
    const plant = countsAsObject('How many workers will the plant in Detroit employ?')!;
    expect(plant('The plant will employ 1,200 people.')).toBe(true);
    expect(plant('The plant 1,200 square feet in size opens in May.')).toBe(false);
  });
});

describe('jobs a question counts (twentieth batch)', () => {
  const jobsAsked = (question: string) => {
    const thing = countedThing(question);
    return thing === null ? null : jobsCounted(thing);
  };

  it('are counted only by a story giving a count of jobs, workers or people', () => {
    const counts = jobsAsked('How many jobs went when Halvorsen closed its Ashby cooker plant?')!;
    expect(
      counts(
        'Halvorsen to move plants\nHalvorsen said it is to relocate about 10 of its 27 plants. Its shares rose 14%.',
      ),
    ).toBe(false);
    expect(counts('Halvorsen is closing its Ashby plant with the loss of 700 jobs.')).toBe(true);
    expect(counts('About 300 people will lose their jobs when the Ashby plant shuts.')).toBe(true);
    expect(counts('Closing the Ashby plant would cost hundreds of jobs.')).toBe(true);
    expect(jobsAsked('How many workers is Halvorsen laying off?')).not.toBeNull();
    expect(jobsAsked('How many plants is Halvorsen closing?')).toBeNull();
    expect(jobsAsked('How many people visited the Ashby show?')).toBeNull();
  });
});
