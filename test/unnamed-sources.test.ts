import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A bond issue whose news is credited to brokers no story names, and a firm of brokers quoted by name on
 * shares ("Brokers Hoare Govett said"). Real model, real SQLite, made-up stories.
 */
const ARTICLES: Record<string, string> = {
  'rail-bond.md': `---
title: Indian rail bond oversubscribed
published: 1987-03-12
---
State-owned Indian Railway Finance Corporation's first bond issue has been oversubscribed by four billion rupees, brokers said.
`,
  'shares.md': `---
title: London shares seen firmer
published: 1987-03-13
---
Brokers Hoare Govett said in a report that London shares look cheap after the fall.

`,
};

describe('a group of unnamed sources asked', () => {
  const ask = askedStories(ARTICLES);

  it('is answered by search when the people stored under it said nothing on the topic', async () => {
    const answer = await ask('What are brokers saying about the Indian railway finance bond sale?');
    expect(answer.speaker).toBeNull();
    expect(answer.passages[0]!.text).toMatch(/oversubscribed/);
  });
});
