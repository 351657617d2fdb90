import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A football manager quoted, by name, in two stories on matches, and named in a third on a player's ban
 * where his words are written so that the ingest credits them to no one ("said Rangers manager Alex
 * Mackie of Novo's punishment"); and a tennis player quoted on his training, named in passing in a story
 * on a final he lost, without quoted words. Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'cup.md': `---
title: Rangers crash out of the cup
published: 2004-12-02
---
Rangers were knocked out of the Uefa Cup at Ibrox on Wednesday.

Rangers manager Alex Mackie said: "We were in pole position to get through to the next stage but we blew it."
`,
  'derby.md': `---
title: Rangers draw the derby
published: 2004-12-10
---
Rangers and Celtic drew 1-1 in a bad-tempered derby.

Alex Mackie said: "The referee had no option but to send the striker off."
`,
  'ban.md': `---
title: Novo banned for three games
published: 2004-12-20
---
Two Old Firm players have been suspended for offences missed by the referee.

Nacho Novo of Rangers was banned for three games after he was found guilty of stamping on an opponent. "I'm extremely disappointed. I don't know if there's a lot to add to that," said Rangers manager Alex Mackie of Novo's punishment.
`,
  'training.md': `---
title: Lubic steps up his training
published: 2005-02-20
---
Ivan Lubic has hired a new coach before the clay court season.

"I want to serve better and I will work on it every day," Lubic said.
`,
  'final.md': `---
title: Federer beats Lubic in Dubai final
published: 2005-02-27
---
World number one Roger Federer won the Dubai final in three sets, beating Ivan Lubic after losing the first.
`,
};

describe('a person whose words on the topic are credited to no one', () => {
  const ask = askedStories(ARTICLES);

  it("answers from search's quote that names them, in a story none of their statements is from", async () => {
    const answer = await ask("Mackie's take on Novo getting banned?");
    expect(answer.found).toBe(true);
    expect(answer.speaker, JSON.stringify(answer, null, 1)).toBeNull();
    expect(answer.passages[0]?.text).toContain("I'm extremely disappointed");
  });

  it('keeps their statements when search only names them in passing, without quoted words', async () => {
    const answer = await ask('What did Lubic say after losing the Dubai final?');
    expect(answer.speaker?.name).toBe('Ivan Lubic');
    expect(answer.passages[0]?.text).toContain('I want to serve better');
  });
});
