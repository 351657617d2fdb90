import { describe, expect, it } from 'vitest';
import { articleContext } from '../src/ingest/article-context.js';
import { queryTerms } from '../src/search/fts-query.js';
import { nameInitials } from '../src/search/searched-forms.js';
import { askedStories } from './helpers/asked-stories.js';

/**
 * A company named in full once and by its initials after, under a headline that uses the initials, beside
 * an older story that names it in full in every paragraph. Made-up stories; real model, real SQLite.
 */
const ARTICLES: Record<string, string> = {
  'ke-year.txt': `KE sees 'excellent' year ahead

US group Kestrel Electric has posted a 12% jump in yearly sales and declared itself in great shape.

KE's chief executive said growth was strong in every market. KE is the region's biggest shipper by value, and its shares rose 1% on the news.

Analysts said the group was doing well. KE bought a film studio last year, and the success of its film 'Harbour Lights', a portrait of a lighthouse keeper, has helped boost earnings at the unit.
`,
  'kestrel-quarter.txt': `Kestrel Electric first quarter helped by shipping

Kestrel Electric said its first quarter earnings were helped by strong shipping volumes and higher prices.

Kestrel Electric also said earnings from its ports business helped the quarter, and it expects growth for the year.

Kestrel Electric chairman Paul Venn said the results were in line with the company's plans.
`,
};

const ask = askedStories(ARTICLES);

describe("a company's initials", () => {
  it('answer for its name: the paragraph that says only "KE" is among the first three', async () => {
    const texts = (await ask("Which film helped Kestrel Electric's earnings?")).passages
      .slice(0, 3)
      .map((passage) => passage.text);
    expect(texts.some((text) => text.includes("the success of its film 'Harbour Lights'"))).toBe(true);
  });

  it('name it in the context of a story that names it in full first, and never another name that shares them', () => {
    const paragraphs = [
      'US group Kestrel Electric has posted a jump in sales.',
      "KE's chief said growth was strong.",
      'The success of Universal Sound, a studio it bought, helped. US sales rose too.',
    ].map((text) => ({ text, kind: 'body' as const }));
    const context = articleContext({ title: "KE sees 'excellent' year ahead", paragraphs });
    expect(context).toMatch(/Kestrel Electric/u);
    // "US" comes before "Universal Sound" is named: it is the country, not the studio.
    expect(context).not.toMatch(/Universal Sound/u);
  });

  it('are searched for each name of several words the question asks about, unless they are a stop word', () => {
    const initials = (question: string) => nameInitials(question, queryTerms(question));
    expect([...initials("Which film helped General Electric's earnings?")]).toEqual([['general', ['ge']]]);
    // "WHO" searched as "who" would match every question word "who".
    expect([...initials('What did the World Health Organization say about the virus?')]).toEqual([]);
  });
});
