import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A prime minister quoted twice on Tokyo's markets, once with a promise; a union leader quoted on the
 * reforms of a government; and a development bank's president who pledged support to Indonesia, in a
 * story whose other paragraphs quote him on Indonesia too. Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'markets.md': `---
title: Tokyo markets strong, says Nakano
published: 1987-04-20
---
"Tokyo's markets are strong, and Tokyo's markets will stay open to foreign firms," Prime Minister Kenji Nakano said on Monday.
`,
  'senators.md': `---
title: Nakano meets U.S. senators
published: 1987-04-22
---
Prime Minister Kenji Nakano met four visiting U.S. senators in Tokyo on Wednesday.

"I promise to make Tokyo's markets as open as those of New York," Nakano told them.
`,
  'indonesia.md': `---
title: Development bank backs Indonesia
published: 1987-05-12
---
Asia Development Bank president Hans Berger arrived in Jakarta on Monday.

"We pledge the bank's support to help Indonesia adjust to lower oil prices," Berger said.

Speaking to reporters in Jakarta, Berger said the economy of Indonesia was being managed well.

He said further loans to Indonesia would depend on its economic policies.
`,
  'reforms.md': `---
title: Union leader speaks out
published: 1987-03-10
---
The banned union's leader Jan Kowal spoke to reporters in Gdansk on Tuesday.

"I am for reforms. I favour the reforms which the Soviet leader is carrying out," Kowal said.
`,
};

describe('the verb a speaker question asks with', () => {
  const ask = askedStories(ARTICLES);

  it('ranks the statements of that kind first: a promise asked is the promise', async () => {
    const answer = await ask("What did the prime minister promise about Tokyo's markets?");
    expect(answer.speaker?.name).toBe('Kenji Nakano');
    expect(answer.passages[0]!.text).toMatch(/I promise/);
  });

  it('finds a promise written as a pledge', async () => {
    const answer = await ask('What did Hans Berger promise Indonesia?');
    expect(answer.speaker?.name).toBe('Hans Berger');
    expect(answer.passages[0]!.text).toMatch(/pledge the bank's support/);
  });

  it('reads a vow as a promise asked', async () => {
    const answer = await ask('What did Hans Berger vow to do for Indonesia?');
    expect(answer.speaker?.name).toBe('Hans Berger');
    expect(answer.passages[0]!.text).toMatch(/pledge the bank's support/);
  });

  it('reads a stance asked as a yes or no as the speaker question it is', async () => {
    const answer = await ask(
      'Does Jan Kowal support what the Kremlin leader is doing to change the Soviet system?',
    );
    expect(answer.speaker?.name).toBe('Jan Kowal');
    expect(answer.passages[0]!.text).toMatch(/I favour the reforms/);
  });
});
