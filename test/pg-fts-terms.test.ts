import { describe, expect, it } from 'vitest';
import { toTermQuery } from '../src/store/postgres/fts-terms.js';

describe('toTermQuery (the Postgres store reading an FTS5 expression)', () => {
  it('reads single words joined by OR from the postings alone', () => {
    const query = toTermQuery('"sanctions" OR "russia"');
    expect(query).toMatchObject({ anyWord: true, orPhrases: null, phrases: ['sanction', 'russia'] });
  });

  it('keeps each phrase of an OR expression whole, so a phrase of several words is scored as one term as in FTS5', () => {
    const query = toTermQuery('"stall" OR "drag his feet"');
    expect(query?.orPhrases).toEqual([['stall'], ['drag', 'hi', 'feet']]);
    expect(query?.anyWord).toBe(false);
  });

  it('leaves expressions with AND or parentheses to the tsquery, word by word', () => {
    expect(toTermQuery('"david lammy" AND ("sanctions" OR "russia")')?.orPhrases).toBeNull();
  });

  it('reads a NEAR group as its phrases in either order with up to that many words between, as FTS5 does', () => {
    const query = toTermQuery('(NEAR("jack" "straw", 1)) AND ("howard")');
    expect(query?.tsquery).toBe(
      "( (('jack') <1> ('straw') | ('jack') <2> ('straw') | ('straw') <1> ('jack') | ('straw') <2> ('jack')) ) & ( ('howard') )",
    );
    expect(query).toMatchObject({ phrases: ['jack', 'straw', 'howard'], anyWord: false, orPhrases: null });
  });

  it('gives a NEAR group without a distance the FTS5 default of ten words', () => {
    expect(toTermQuery('NEAR("jack" "straw")')?.tsquery).toContain("('jack') <11> ('straw')");
  });
});
