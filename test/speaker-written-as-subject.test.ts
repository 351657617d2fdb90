import { describe, expect, it } from 'vitest';
import {
  inStoryOrder,
  namedUncredited,
  withinQuote,
  writtenAsSubject,
} from '../src/search/speaker-retriever.js';
import type { PassageRecord } from '../src/store/passage-store.js';

/**
 * A speaker's uncredited words found in their stories: written by name, title and surname or the office
 * asked, outside another's quoted words, put where they stand in their stories. Pure: no model, no store.
 */
describe('a speaker written after a title or as the office asked, credited nothing', () => {
  it('is written by the name in full, a title and surname, and an office asked in capitals', () => {
    expect(writtenAsSubject(['Jack Straw', 'Straw'], 'the Foreign Secretary')).toEqual([
      'Jack Straw',
      'Mr Straw',
      'Mrs Straw',
      'Ms Straw',
      'Dr Straw',
      'The Foreign Secretary',
      'the Foreign Secretary',
    ]);
    // A company takes no title; an office asked in lower case ("the minister") may be anyone's in a story.
    expect(writtenAsSubject(['Sucrex Holdings Ltd'], 'the minister')).toEqual(['Sucrex Holdings Ltd']);
  });

  it('is found as the subject of a verb of saying, never within quoted words naming them', () => {
    const at = (id: number, text: string) => ({ id, articleId: 1, ordinal: id, text }) as PassageRecord;
    const found = namedUncredited(
      [
        at(1, 'In a speech Mr Straw said of the Tory leader: "He is clever, but he is not wise."'),
        at(2, 'Mr Ancram said: "Look at what Jack Straw said about Michael Howard."'),
        at(3, 'The Foreign Secretary told the BBC: "I was making an observation."'),
        at(4, 'The shadow Foreign Secretary said the plan was wrong.'),
      ],
      writtenAsSubject(['Jack Straw'], 'the Foreign Secretary'),
      new Set(),
    );
    expect([...found.keys()]).toEqual([1, 3]);
  });

  it('reads quoted words from straight and curly quotation marks', () => {
    expect(withinQuote('He said: "what Jack Straw said', 15)).toBe(true);
    expect(withinQuote('He said: “what Jack Straw said', 15)).toBe(true);
    expect(withinQuote('"Yes," Jack Straw said', 7)).toBe(false);
  });
});

describe('the passages naming the speaker added to their statements', () => {
  it('stand where they stand in their stories, the statements found keeping their order', () => {
    const at = (id: number, articleId: number, ordinal: number) =>
      ({ id, articleId, ordinal }) as PassageRecord;
    // Story 8 (newest) before story 7; 1 opens story 7, 5 ends story 8.
    const found = [at(6, 8, 2), at(2, 7, 1), at(3, 7, 3)];
    expect(inStoryOrder(found, [at(1, 7, 0), at(5, 8, 4)]).map((p) => p.id)).toEqual([6, 5, 1, 2, 3]);
  });

  it('come last from a story none of whose statements were found', () => {
    const at = (id: number, articleId: number, ordinal: number) =>
      ({ id, articleId, ordinal }) as PassageRecord;
    expect(inStoryOrder([at(2, 7, 1)], [at(9, 4, 5), at(1, 7, 0)]).map((p) => p.id)).toEqual([1, 2, 9]);
  });
});
