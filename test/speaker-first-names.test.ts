import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A speaker of the House written "Jim Wright" in two stories and "James Wright" in a third, the only one
 * on the trade bill; and a "Jack Kemp" and a "John Kemp", two people. Real model, real SQLite, made-up
 * stories.
 */
const ARTICLES: Record<string, string> = {
  'highway.md': `---
title: House to override highway veto
published: 1987-04-01
---
"The House will override the veto of the highway bill by a comfortable margin," House Speaker Jim Wright said.
`,
  'gulf.md': `---
title: Speaker predicts Gulf report passes
published: 1987-04-02
---
"Congress must see the administration's report on its Gulf policy," House Speaker Jim Wright said.
`,
  'trade.md': `---
title: House panel takes first trade bill votes
published: 1987-04-03
---
House trade lawmakers took their first votes on measures designed to toughen U.S. trade laws.

"I expect whatever is reported will pass. We will have a good bill and an effective bill," Speaker James Wright told reporters.
`,
  'tax.md': `---
title: Kemp attacks tax plan
published: 1987-04-04
---
"This tax plan will hurt the trade balance," Jack Kemp said.
`,
  'farm.md': `---
title: Farm economist sees better trade
published: 1987-04-05
---
"Farm exports will help the trade balance this year," John Kemp said.
`,
};

describe('a first name in its everyday form', () => {
  const ask = askedStories(ARTICLES);

  it('finds the statements stored under the other form of the first name', async () => {
    for (const question of [
      'What did Jim Wright say about the trade bill?',
      'What did the House Speaker say about the trade bill?',
    ]) {
      const answer = await ask(question);
      expect(answer.speaker?.name, question).toContain('James Wright');
      expect(answer.passages[0]?.text, question).toContain('We will have a good bill');
    }
  });

  it('keeps two first names that are no forms of one apart', async () => {
    const answer = await ask('What did Jack Kemp say about the trade balance?');
    expect(answer.speaker?.name).toBe('Jack Kemp');
  });
});
