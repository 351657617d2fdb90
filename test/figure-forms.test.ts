import { describe, expect, it } from 'vitest';
import { figureForms } from '../src/search/searched-forms.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A chairman's statements on settling a lawsuit, the one on its price written "two billion dlrs", the
 * others naming the settlement and the other side more often. And a takeover's price written "2 billion
 * dlrs" in one story, beside a story that names the bid in other figures. Real model, real SQLite, made-up
 * stories.
 */
const ARTICLES: Record<string, string> = {
  'kestrel-letter.md': `---
title: Kestrel chairman writes to shareholders on Marlin lawsuit
published: 1987-03-02
---
Kestrel Oil chairman Paul Brandt said the company had made Marlin Corp several proposals to settle the lawsuit.

"Kestrel has made Marlin several proposals, both before and after the trial, to settle this lawsuit," Brandt said in the letter.

"To date, Kestrel has yet to receive any meaningful settlement offer from Marlin, though it remains open to settle," Brandt said.

"The 9.1 billion dlr judgment stands unless they settle," Brandt said.
`,
  'kestrel-analysts.md': `---
title: Kestrel tells analysts it will not settle the Marlin lawsuit cheaply
published: 1987-03-09
---
Kestrel Oil chairman Paul Brandt told analysts the lawsuit would go on.

"If anyone thinks this could be settled in the two billion dlrs range, they're not being realistic," Brandt said.
`,
  'heron-bid.md': `---
title: Heron bids for Osprey Mills
published: 1987-04-01
---
Heron Foods Inc offered 2 billion dlrs for Osprey Mills Inc, the flour miller, the company said.
`,
  'heron-results.md': `---
title: Heron Foods profits rise
published: 1987-04-02
---
Heron Foods Inc said its profits rose to 120 mln dlrs. Last year it offered 1.4 billion dlrs for another flour miller, Tern Flour, and was turned down.
`,
};

const ask = askedStories(ARTICLES);

describe('a figure written in words or in figures', () => {
  it('is searched in its other forms before an amount: "2 billion" as "two" and "2bn", "£30m" as "30 mln"', () => {
    expect([...figureForms("Liedtke's view on settling for around 2 billion?")]).toEqual([
      ['2', ['two', '2bn']],
    ]);
    expect([...figureForms('a deal worth two billion dlrs')]).toEqual([['two', ['2', '2bn']]]);
    expect([...figureForms('the $2bn deal')]).toEqual([['2bn', ['2 billion', 'two billion', '2 bln']]]);
    expect([...figureForms('a £30m fee')]).toEqual([['30m', ['30 million', '30 mln']]]);
    expect([...figureForms('one billion dlrs')]).toEqual([['one', ['1', '1bn']]]);
    // FTS5 reads "2.5bn" as "2" and "5bn", and a form with a point as a phrase: "2.5 billion" is "2 5 billion".
    expect([...figureForms('the $2.5bn deal')]).toEqual([['5bn', ['2.5 billion', '2.5 bln']]]);
    expect([...figureForms('a 2.5 billion dlr offer')]).toEqual([['5', ['2.5bn']]]);
  });

  it('is searched as written alone, before no amount, as a pronoun or in another measure', () => {
    for (const text of [
      '3.2% growth',
      'one of them',
      'the 100m sprint',
      'twofold',
      'in 1987',
      'a nine-month period',
    ])
      expect([...figureForms(text)], text).toEqual([]);
  });

  it("answers a speaker's view asked in figures with the statement that writes it in words", async () => {
    const answer = await ask("Brandt's view on settling with Marlin for around 2 billion?");
    expect(answer.passages[0]?.text).toContain('two billion dlrs range');
  });

  it('answers a question in words with the passage that writes the figure', async () => {
    const answer = await ask('Who offered two billion for a flour miller?');
    expect(answer.passages[0]?.text).toContain('offered 2 billion dlrs for Osprey Mills');
  });
});
