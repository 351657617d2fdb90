import { describe, expect, it } from 'vitest';
import { articleCentrality, isStatement, mentionsIn, topicStems } from '../src/answer/topic-centrality.js';

describe('mentions of a topic', () => {
  it('reads a topic phrase in order, in any inflection', () => {
    const crudeOil = topicStems(['crude', 'oil']);
    expect(mentionsIn('Crude oil prices rose as stocks fell.', crudeOil)).toEqual({ plain: 1, inName: 0 });
    expect(mentionsIn('Exports of crude palm oil rose in April.', crudeOil)).toEqual({ plain: 0, inName: 0 });
    expect(mentionsIn('The bank cut its interest rate.', topicStems(['interest', 'rates']))).toEqual({
      plain: 1,
      inName: 0,
    });
  });

  it('tells the thing from a name that holds its word', () => {
    const steel = topicStems(['steel']);
    expect(mentionsIn('Inland Steel Industries said it would build a plant.', steel)).toEqual({
      plain: 0,
      inName: 1,
    });
    expect(mentionsIn('Steel output fell. Demand for steel was weak.', steel)).toEqual({
      plain: 2,
      inName: 0,
    });
    const cotton = topicStems(['cotton']);
    expect(mentionsIn('Cotton Exchange members will trade the index.', cotton)).toEqual({
      plain: 0,
      inName: 1,
    });
    expect(mentionsIn('NYFE will move to the New York Cotton Exchange.', cotton)).toEqual({
      plain: 0,
      inName: 1,
    });
    expect(mentionsIn('Consolidated Natural Gas Co said.', topicStems(['natural', 'gas']))).toEqual({
      plain: 0,
      inName: 1,
    });
  });
});

describe('statements', () => {
  it('are sentences, not the rows and labels of a table', () => {
    expect(isStatement('Coffee futures are expected to open little changed following London prices.')).toBe(
      true,
    );
    for (const row of [
      'Wheat 73,684',
      'SPRING WHEAT',
      'TOTAL WHEAT STOCKS 4310 4293 894',
      'ZINC - HIGH GRADE 49.50/56.00',
    ])
      expect(isStatement(row)).toBe(false);
  });
});

describe('how central a topic is to an article', () => {
  const article = (...passages: string[]) => ({ passages: passages.map((text) => ({ text })) });
  const gold = topicStems(['gold']);

  it('is high for a story about it, low for a passing mention, a table or a company named after it', () => {
    const centrality = articleCentrality(
      new Map([
        [
          1,
          article(
            'Gold rose to 420 dlrs an ounce on heavy buying.',
            'Dealers said gold demand from Asia was strong.',
            'The gold price may test 430 dlrs, they said.',
          ),
        ],
        [
          2,
          article(
            'The company reported higher profits for the year.',
            'Sales rose in all divisions, including a small gold mine.',
            'It expects growth to continue next year.',
            'The dividend was raised.',
          ),
        ],
        [3, article('GOLD 420.50', 'SILVER 6.74')],
        [
          4,
          article(
            'Gunnar Gold Inc said it agreed a venture with a partner.',
            'Gunnar Gold Inc shares were unchanged on the news.',
          ),
        ],
      ]),
      gold,
    );
    expect(centrality.get(1)).toBe(1);
    expect(centrality.get(2)).toBeLessThan(0.1);
    expect(centrality.get(3)).toBe(0);
    expect(centrality.get(4)).toBe(0);
  });

  it('counts mentions in names when the topic is itself a name', () => {
    const centrality = articleCentrality(
      new Map([
        [
          1,
          article(
            'Barclays Bank said profits rose strongly this year.',
            'Barclays expects growth to continue, it said.',
            'Analysts at Barclays Capital agreed with the view.',
          ),
        ],
      ]),
      topicStems(['barclays']),
    );
    expect(centrality.get(1)).toBe(1);
  });
});
