import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * Two people with one surname: a home secretary quoted in four stories on crime and terror, and an airline
 * association's director quoted once, in a story on the new compensation rules for air passengers; and a
 * reader quoted under that surname alone, in letters on public spending.
 * And a trade representative quoted once under his name alone and once with his office before it, which
 * the ingest keeps as part of the name.
 * And a bank quoted under its full name on a bond, and its strategist, named with the bank's abbreviation
 * only after her name (which attribution does not keep), on a rating upgrade.
 * Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'terror.md': `---
title: Anti-terror bill goes to MPs
published: 2005-02-20
---
MPs vote on Monday on the anti-terror bill that would put suspects under house arrest.

"These powers are needed to counter terror threats," Home Secretary Paul Harding said.
`,
  'police.md': `---
title: More police on the streets
published: 2005-02-21
---
The government will pay for 2,000 more police officers this year.

"Every town will see more officers on its streets," Home Secretary Paul Harding said.
`,
  'prisons.md': `---
title: Prisons are full, warns minister
published: 2005-02-22
---
Prisons in England held a record number of inmates last month.

"We will build two new prisons by the end of the decade," Home Secretary Paul Harding said.
`,
  'id-cards.md': `---
title: Identity cards plan approved
published: 2005-02-23
---
The cabinet approved the plan for identity cards on Tuesday.

"Identity cards will make the country safer," Home Secretary Paul Harding said.
`,
  'subsidy.md': `---
title: Export subsidies should be used tactically, trade chief says
published: 1987-04-02
---
U.S. Trade Representative Karl Vogt said the export subsidy program should be used as a tactical tool and not as a general policy.
`,
  'corn.md': `---
title: Trade chief attacks corn duty
published: 1987-04-03
---
"The duty on our corn is totally unjustified," Karl Vogt said.
`,
  'bond.md': `---
title: Dow issues Swiss franc bond
published: 1987-04-04
---
Dow Chemical Co is issuing a 200 mln Swiss franc bond due 1999, lead manager Zurich Bank Kooperation said.
`,
  'rupee.md': `---
title: Rupee rises after rating upgrade
published: 2005-01-20
---
The rupee climbed to a five-year high after the country's credit rating was raised by one notch.

"The upgrade is positive and investors will use it as an excuse to come back," said Anna Weiss, a strategist at ZBK.
`,
  'letters.md': `---
title: Readers write on public spending
published: 2005-02-24
---
Readers wrote to us this week about public spending.

"The government will end up building things nobody needs," Mr Harding said in his letter.
`,
  'flights.md': `---
title: Air passengers win new rights
published: 2005-02-17
---
Airlines must pay passengers up to 600 euros in compensation when flights are cancelled or overbooked, under rules that came into force on Thursday.

"We reckon the rules will cost passengers a billion euros a year in higher fares," said Ruth Harding, director of the Regional Airlines Association.
`,
};

const ask = askedStories(ARTICLES);

describe('a surname several people share', () => {
  it('means the one quoted in a story about the topic asked, not the one quoted most', async () => {
    const answer = await ask('How much did Harding reckon the compensation rules would cost passengers?');
    expect(answer.speaker?.name).toBe('Ruth Harding');
    expect(answer.passages[0]!.text).toMatch(/a billion euros a year/);
  });

  it('means the one quoted far more when the topic is in his stories', async () => {
    const answer = await ask('What did Harding say about the anti-terror bill?');
    expect(answer.speaker?.name).toBe('Paul Harding');
  });

  it('is never the surname alone when its story holds more of the topic than those named in full', async () => {
    const answer = await ask('How many prisons did Harding think the government would end up building?');
    expect(answer.speaker?.name).toBe('Paul Harding / Harding');
    expect(answer.passages.slice(0, 3).map((passage) => passage.text)).toContainEqual(
      expect.stringMatching(/two new prisons/),
    );
  });

  it('means the one quoted far more when no topic is asked', async () => {
    const answer = await ask('What did Harding say?');
    expect(answer.speaker?.name).toBe('Paul Harding');
  });
});

describe('a name the ingest stored with a role before it', () => {
  it('is the same person as the name alone: all of their statements are searched', async () => {
    const answer = await ask("What is Karl Vogt's view of the export subsidy program?");
    expect(answer.passages[0]!.text).toMatch(/tactical tool/);
  });
});

describe('an organisation asked by its abbreviation', () => {
  it('is also the people the stories on the topic describe at it by that abbreviation', async () => {
    const answer = await ask("so what's ZBK saying about the rating upgrade?");
    expect(answer.speaker?.name).toContain('Anna Weiss');
    expect(answer.passages[0]!.text).toMatch(/excuse to come back/);
  });
});
