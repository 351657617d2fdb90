import { describe, expect, it } from 'vitest';
import { queryTerms } from '../src/search/fts-query.js';
import { namesListLabel } from '../src/search/list-line.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * An awards story that ends with the list of winners, one "Category - winner" line each (stored as
 * captions: no closing full stop), beside another ceremony's prose story that says "best actress" and
 * "best new play" more often. Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'kestrels.txt': `Harbour Lights sweeps Kestrel theatre awards

Harbour Lights took four prizes at the Kestrel Awards, the northern theatre awards held in Leeds.

The musical beat two London transfers in the battle for best new musical. Its writer, Joan Pell, was also named best director, and the show's designers were honoured for lighting and sound.

- Best lighting design - Harbour Lights designed by Tom Reay at the Crucible
- Best new musical - Harbour Lights at the Grand Theatre
- Best actress - Nadia Verne for Salt Wives at the Playhouse
- Best musical actress - Ruth Amory for Harbour Lights at the Grand Theatre
- Best director - Joan Pell for Harbour Lights at the Grand Theatre
- Best new play - The Ferryman's Daughter by Colin Marsh at the Playhouse
`,
  'gala.txt': `Blake wins at the Footlights Awards

Irene Blake was named best actress at the Footlights gala in London on Sunday, her first award in a career of thirty years.

Blake, nominated for best actress three times before, said the best new play category was the strongest in years. The best new play award went to a comedy, and the evening raised money for theatre schools.
`,
};

const ask = askedStories(ARTICLES);

describe('a list line of winners whose category the question names', () => {
  it("ranks the line above the other ceremony's prose that only repeats the category", async () => {
    const texts = (await ask('Who won best actress at the Kestrel Awards?')).passages.map((p) => p.text);
    const line = texts.findIndex((text) => /Best actress - Nadia Verne/.test(text));
    const repeats = texts.findIndex((text) => /nominated for best actress three times/.test(text));
    expect(line).toBeGreaterThanOrEqual(0);
    expect(repeats === -1 || line < repeats).toBe(true);
  });

  it('answers "which play was named best new play" with its line though the prose names the category', async () => {
    const answer = await ask('Which play was named best new play at the Kestrels?');
    expect(answer.passages[0]!.text).toMatch(/Best new play - The Ferryman's Daughter/);
  });
});

describe('reading a list line’s label', () => {
  it('needs every word of the label in the question', () => {
    const terms = queryTerms('Who won best actress?');
    expect(namesListLabel('- Best actress - Nadia Verne for Salt Wives', terms)).toBe(true);
    expect(namesListLabel('- Best musical actress - Ruth Amory for Harbour Lights', terms)).toBe(false);
    // Prose with a dash is no list line, and a one-word label names nothing in particular.
    expect(namesListLabel('The best actress - a newcomer - won.', terms)).toBe(false);
    expect(namesListLabel('Actress - Nadia Verne', queryTerms('Which actress won?'))).toBe(false);
  });
});
