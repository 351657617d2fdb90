import { describe, expect, it } from 'vitest';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A bond issue whose news is credited to brokers no story names, and a firm of brokers quoted by name on
 * shares ("Brokers Hoare Govett said"). A ship's loss told by an unnamed spokesman of Lloyds' shipping
 * service, and a bank of that name quoted on its lending rate. Real model, real SQLite, made-up stories.
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
  'ship.md': `---
title: Bulk carrier sinks in South Pacific
published: 1987-04-20
---
The bulk carrier Cumberlande, which sank in the South Pacific last Friday, was carrying a cargo of lead and magnesium ore, a Lloyds Shipping Intelligence spokesman said.
`,
  'base-rate.md': `---
title: Lloyds cuts base rate
published: 1987-04-21
---
Lloyds Bank Plc said it is cutting its base lending rate to 10 pct from 10.5 pct, effective tomorrow.
`,
};

describe('words the stories credit to no one', () => {
  const ask = askedStories(ARTICLES);

  it('is answered by search when the people stored under it said nothing on the topic', async () => {
    const answer = await ask('What are brokers saying about the Indian railway finance bond sale?');
    expect(answer.speaker).toBeNull();
    expect(answer.passages[0]!.text).toMatch(/oversubscribed/);
  });

  it("is answered from the ship's story, not the bank's statements, for a company asked by a short name", async () => {
    const answer = await ask(
      'According to Lloyds, what cargo was the bulk carrier Cumberlande carrying when it sank?',
    );
    // Search answers it (no speaker), or the spokesman's service credited since pipeline version 17.
    expect(answer.speaker?.name ?? null).not.toBe('Lloyds Bank Plc');
    expect(answer.passages[0]!.text).toMatch(/lead and magnesium ore/);
  });
});
