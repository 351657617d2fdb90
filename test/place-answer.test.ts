import { describe, expect, it } from 'vitest';
import { countriesIn } from '../src/search/place-names.js';
import { asksForCountry, favourCountries } from '../src/search/place-answer.js';

const hits = () => [
  {
    name: 'restates',
    passage: {
      text: 'Farmers from Norway and Sweden met for a third round of talks on fishing quotas.',
      context: '',
    },
    score: 1.2,
  },
  {
    name: 'answer',
    passage: { text: 'The talks in Iceland ended without a deal on herring.', context: '' },
    score: 1,
  },
  {
    name: 'other',
    passage: { text: 'Fishing crews said the quotas were too low.', context: '' },
    score: 0.9,
  },
];

const order = (list: { name: string; score: number }[]) =>
  [...list].sort((a, b) => b.score - a.score).map((hit) => hit.name);

describe('questions asking which country', () => {
  it('puts the passage naming another country than those asked about first', () => {
    const ranked = hits();
    favourCountries(ranked, 'In which country were the Norway-Sweden fishing talks held?', 0.3);
    expect(order(ranked)).toEqual(['answer', 'restates', 'other']);
  });

  it('counts a country the question names by its capital as asked about', () => {
    const ranked = [
      { name: 'capital', passage: { text: 'Norway said the talks would go on.', context: '' }, score: 1 },
      { name: 'answer', passage: { text: 'Officials from Denmark hosted them.', context: '' }, score: 0.9 },
    ];
    favourCountries(ranked, "Which country hosted Oslo's talks on fishing?", 0.3);
    expect(order(ranked)).toEqual(['answer', 'capital']);
  });

  it('reads where someone is from as asking for a country, not one the story is about', () => {
    const context = 'Ireland 17-12 South Africa (Springboks)';
    const ranked = [
      {
        name: 'restates',
        passage: { text: 'Ireland beat South Africa at Lansdowne Road, refereed by Paul Honiss.', context },
        score: 1.2,
      },
      { name: 'answer', passage: { text: 'Paul Honiss (New Zealand)', context }, score: 1 },
    ];
    favourCountries(ranked, "Where was the referee of Ireland's win over the Springboks from?", 0.3);
    expect(order(ranked)).toEqual(['answer', 'restates']);
    expect(asksForCountry('What nationality is the new coach?')).toBe(true);
    expect(asksForCountry('where does he come from')).toBe(true);
  });

  it('leaves other questions alone', () => {
    const ranked = hits();
    favourCountries(ranked, 'Where were the fishing talks held?', 0.3);
    expect(ranked.map((hit) => hit.score)).toEqual(hits().map((hit) => hit.score));
    expect(asksForCountry('What nations signed the treaty?')).toBe(true);
    expect(asksForCountry('What did the country singer say?')).toBe(false);
  });
});

describe('country names in a text', () => {
  it('reads common, official and spelled-out names, and never a lower-case word', () => {
    expect(countriesIn('Talks in Turkey, the Czech Republic and Guinea-Bissau; turkey farmers')).toEqual([
      'Turkey',
      'Czech Republic',
      'Guinea-Bissau',
    ]);
  });
});
