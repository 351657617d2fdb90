import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMatchExpression, queryTerms } from '../src/search/fts-query.js';

// A real FTS5 table with the index's tokenizer: the expression must be valid SQL-side, not just look right.
const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
db.prepare('INSERT INTO t(text) VALUES (?)').run(
  'British foreign minister David Lammy said sanctions would continue.',
);
const search = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
afterAll(() => db.close());

const runs = (question: string) => {
  const expression = buildMatchExpression(question);
  return expression === null ? [] : search.all(expression);
};

describe('buildMatchExpression', () => {
  it('turns a question FTS5 would reject into a working search', () => {
    expect(() => search.all('what did Lammy say?')).toThrow();
    expect(runs('what did Lammy say?')).toHaveLength(1);
  });

  it('drops stop words and speech verbs, keeping the topic words', () => {
    expect(queryTerms('What did Lammy say about the sanctions?')).toEqual(['lammy', 'sanctions']);
  });

  it("leaves out a possessive's s and a contraction's t, which a third of an archive's passages hold", () => {
    expect(queryTerms("What was Lammy's view on Russia's sanctions?")).toEqual([
      'lammy',
      'view',
      'russia',
      'sanctions',
    ]);
    expect(queryTerms('Why won’t the IMF lend?')).toEqual(['why', 'won', 'imf', 'lend']);
    // Initials are words: "U.S." keeps both letters.
    expect(queryTerms('What did the U.S. say about tariffs?')).toEqual(['u', 's', 'tariffs']);
  });

  it('reads FTS5 operators and column filters as plain words', () => {
    for (const question of [
      'Lammy AND NOT sanctions',
      'text: Lammy',
      'NEAR(Lammy sanctions)',
      '"Lammy',
      'Lam*',
      '^Lammy',
    ]) {
      expect(() => runs(question)).not.toThrow();
    }
    expect(runs('NEAR(Lammy sanctions)')).toHaveLength(1);
  });

  it('is null for a question with no searchable word', () => {
    expect(buildMatchExpression('?!... "" ()')).toBeNull();
    expect(buildMatchExpression('')).toBeNull();
    expect(buildMatchExpression('what is the')).toBeNull();
  });

  it('never throws and never makes FTS5 throw, whatever the input', () => {
    const operators = fc.constantFrom(
      'AND',
      'OR',
      'NOT',
      'NEAR',
      '"',
      "'",
      '*',
      '^',
      ':',
      '(',
      ')',
      '{',
      '}',
      '-',
      '+',
      ';',
      '--',
      'DROP TABLE t;',
      '\u0000',
    );
    const pieces = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), operators);
    const questions = fc.oneof(
      fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(' ')),
      fc.string({ unit: 'binary', minLength: 5_000, maxLength: 10_000 }),
    );
    fc.assert(
      fc.property(questions, (question) => {
        const expression = buildMatchExpression(question);
        if (expression !== null) search.all(expression);
      }),
      { numRuns: 500 },
    );
  });
});
