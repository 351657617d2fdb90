import { describe, expect, it } from 'vitest';
import { questionDates, readDate, sameDayIn } from '../src/search/question-dates.js';

/** A fixed "today": Sunday 29 November 2026. */
const TODAY = new Date('2026-11-29T15:30:00Z');

describe('questionDates', () => {
  it.each([
    ['What did Lammy say last week?', { since: '2026-11-16', until: '2026-11-22' }, 'What did Lammy say?'],
    ['coffee prices in June 2025', { since: '2025-06-01', until: '2025-06-30' }, 'coffee prices'],
    ['what has happened since Monday?', { since: '2026-11-23' }, 'what has happened?'],
    ['cocoa between March and May 1987', { since: '1987-03-01', until: '1987-05-31' }, 'cocoa'],
    ['sugar from March to May 1987', { since: '1987-03-01', until: '1987-05-31' }, 'sugar'],
    ['grain between 1 March and 5 May 1987', { since: '1987-03-01', until: '1987-05-05' }, 'grain'],
    ['what happened to oil yesterday', { since: '2026-11-28', until: '2026-11-28' }, 'what happened to oil'],
    ['gold in 1987', { since: '1987-01-01', until: '1987-12-31' }, 'gold'],
    ['oil in the past two weeks', { since: '2026-11-15', until: '2026-11-29' }, 'oil'],
    ['oil prices this week', { since: '2026-11-23', until: '2026-11-29' }, 'oil prices'],
    [
      "How did Mead's chairman see this year's earnings?",
      { since: '2026-01-01', until: '2026-11-29' },
      "How did Mead's chairman see earnings?",
    ],
    ['tin before April 1987', { until: '1987-03-31' }, 'tin'],
    ['grain after 15 March 1987', { since: '1987-03-16' }, 'grain'],
    ['What did Lammy say on Friday?', { since: '2026-11-27', until: '2026-11-27' }, 'What did Lammy say?'],
    [
      'What did Theresa May say in May 2017?',
      { since: '2017-05-01', until: '2017-05-31' },
      'What did Theresa May say?',
    ],
    ['football results last weekend', { since: '2026-11-21', until: '2026-11-22' }, 'football results'],
    [
      'How did the film do over the weekend?',
      { since: '2026-11-28', until: '2026-11-29' },
      'How did the film do?',
    ],
    ['exports last month', { since: '2026-10-01', until: '2026-10-31' }, 'exports'],
    ['What happened on 26 Feb 1987?', { since: '1987-02-26', until: '1987-02-26' }, 'What happened?'],
  ])('%s', (question, range, text) => {
    expect(questionDates(question, TODAY)).toMatchObject({ range, text });
  });

  it('reads "the weekend of" a date as the date', () => {
    expect(questionDates('what happened over the weekend of 12 March 1987', TODAY).range).toEqual({
      since: '1987-03-12',
      until: '1987-03-12',
    });
  });

  it('reads "this week" as the week of today, Monday to today, whatever the weekday', () => {
    expect(questionDates('sugar this week', new Date('1987-06-05T09:00:00Z')).range).toEqual({
      since: '1987-06-01',
      until: '1987-06-05',
    });
  });

  it("marks a month without its year as the stories' own, not the news of then", () => {
    expect(questionDates('exports in February', TODAY).yearless).toBe(true);
    expect(questionDates('exports in February 1987', TODAY).yearless).toBe(false);
    expect(questionDates('the news in February', TODAY).yearless).toBe(false);
    expect(questionDates('exports last month', TODAY).yearless).toBe(false);
  });

  it("marks a day of a month without its year as the stories' own too", () => {
    for (const question of [
      'the dollar at 1500 on April 7',
      'the video released on 31 March',
      'rates on the 7th of April',
    ])
      expect(questionDates(question, TODAY)).toMatchObject({ yearless: true, relative: 'reported' });
    expect(questionDates('the dollar on April 7, 1987', TODAY).yearless).toBe(false);
    expect(questionDates('the dollar on Monday, April 6', TODAY).yearless).toBe(false);
  });

  it("marks a month followed by a comma, and a span of months, without a year as the stories' own", () => {
    for (const question of [
      'How much did the government take in during February, according to the Treasury?',
      "What was Austria's trade deficit over January to April?",
      'What was the rate between January and April?',
    ])
      expect(questionDates(question, TODAY)).toMatchObject({ yearless: true, relative: 'reported' });
    expect(questionDates('the deficit from January to April 1987', TODAY).yearless).toBe(false);
    expect(questionDates('the news from January to April', TODAY).yearless).toBe(false);
  });

  it('reads a month without a year as the last one before today, not the next', () => {
    expect(questionDates('exports in February', TODAY).range).toEqual({
      since: '2026-02-01',
      until: '2026-02-28',
    });
    expect(questionDates('exports in December', TODAY).range).toEqual({
      since: '2025-12-01',
      until: '2025-12-31',
    });
    expect(questionDates('what has happened since Monday', new Date('2026-11-30T09:00:00Z')).range).toEqual({
      since: '2026-11-30',
    });
  });

  it("reads a weekday's short form alone as a name, and as a day after a preposition", () => {
    expect(questionDates('How much did Oracle pay to buy Sun Microsystems?', TODAY).range).toBeNull();
    expect(questionDates('What did the Sun report about the firework injury?', TODAY).range).toBeNull();
    expect(questionDates('what did the ferry do on Sat?', TODAY).range).toEqual({
      since: '2026-11-28',
      until: '2026-11-28',
    });
  });

  it.each([
    'what did May say about Brexit?',
    'March on Washington: who organised it?',
    'the 1987 accord on coffee quotas',
    'prices rose 5 pct in 10 days',
    'sales at 1,750 dlrs a tonne',
    '3/4 of output went abroad',
    'crude oil output in 1987-88',
    'what is the situation now?',
    'what will the ministers decide next week?',
    'What did Kyiv do to the airfields the day before the talks?',
    'what did he say a week later?',
    'what happened the week after the vote',
    'How much did the Lemony Snicket film make in its first weekend?',
    'What did the film take on its opening weekend?',
    'What happened over the Easter weekend?',
    'What happened the weekend after the vote?',
    'How much did it take the weekend of its release?',
    "What were AEP Industries' sales in the first quarter to January 31?",
    'How much did it earn in the six months ended June 30?',
    'net profit for the year to March 31',
    'sales in the nine months ending Sept 30, 1986',
    'What was M-1 in the week ended February 23?',
    'revenue in the quarter through March',
    'output targets for the five years to 1990',
    'How many community support officers were actually on the beat by 2008?',
    'How many jobs will be cut by the end of March 1987?',
    'Will the deal close by Friday?',
    "Why did Taiwan's soybean importers scrap the tender for a second cargo?",
    'Could you wait for a minute while I check the Lammy story?',
  ])('reads no period in "%s" and keeps its words', (question) => {
    expect(questionDates(question, TODAY)).toMatchObject({ range: null, text: question });
  });

  it.each([
    ['What did Lammy say last week?', 'recent'],
    ['what happened yesterday', 'recent'],
    ['oil in the past two weeks', 'recent'],
    ["last week's headlines", 'recent'],
    ["yesterday's news about the strike", 'recent'],
    ["this year's earnings", 'reported'],
    ['How much did the Duchy make last year?', 'reported'],
    ['profits over the past two years', 'reported'],
    ["Why did the Reserve Bank call off this week's T-bill tender?", 'reported'],
    ["last month's trade figures", 'reported'],
    ["What was Italy's annual inflation rate in February?", 'reported'],
    ['Which prices went up in the Netherlands in February?', 'reported'],
    ['coffee exports in Sept.', 'reported'],
    ['What was in the news in February?', null],
    ['articles from early March about the strike', null],
    ['casualties in February 2025', null],
    ['the flood on Friday', null],
    ['the deficit in 1986', null],
    ['cocoa between March and May 1987', null],
  ])('"%s" counts from today without naming a date: %s', (question, relative) => {
    expect(questionDates(question, TODAY).relative).toBe(relative);
  });

  it.each([
    ['What does the Senate majority leader want done about the budget this week?', true],
    ["hey who's singing the elvis song on top of the pops this week??", true],
    ['What did the ministers agree this month?', true],
    // The asker's own week is now; the news of a past week is what was published then.
    ['Can you tell me which shares I should buy this week?', false],
    ['What did the US say this week?', true],
    ['What did OPEC decide last week?', false],
    ['What was in the news this week?', false],
    ["Why did the Reserve Bank call off this week's T-bill tender?", false],
  ])('"%s" names the present week or month as the events\' own: %s', (question, present) => {
    expect(questionDates(question, TODAY).present).toBe(present);
  });

  it.each([
    ["What's the latest on the ceasefire?", true],
    ['recent coffee export quotas', true],
    ['What are the newest figures?', true],
    ["What's new on the grain talks?", true],
    ['anything new?', true],
    ['any new developments in the coffee talks', true],
    // An attributive "new" names the thing as its story does, not the news of now.
    ["When do Crazy Eddie's new shareholder rights expire?", false],
    ['new rules for grain', false],
    ['news from New York', false],
    ['coffee export quotas', false],
  ])('recency in "%s": %s', (question, recency) => {
    expect(questionDates(question, TODAY).recency).toBe(recency);
  });

  it('leaves words that only say "recent" out of what retrieval reads, keeping the topic', () => {
    expect(questionDates('What is the latest on the ceasefire?', TODAY).text).toBe(
      'What is the on the ceasefire?',
    );
  });
});

describe('sameDayIn', () => {
  it('moves a single day to another year', () => {
    expect(sameDayIn({ since: '2026-04-07', until: '2026-04-07' }, 1987)).toEqual({
      since: '1987-04-07',
      until: '1987-04-07',
    });
  });

  it('moves no month, and no 29 February to a year without one', () => {
    expect(sameDayIn({ since: '2026-04-01', until: '2026-04-30' }, 1987)).toBeNull();
    expect(sameDayIn({ since: '2024-02-29', until: '2024-02-29' }, 1987)).toBeNull();
  });
});

describe('readDate', () => {
  it.each([
    ['2025-06-03', { start: '2025-06-03', end: '2025-06-03' }],
    ['last monday', { start: '2026-11-23', end: '2026-11-23' }],
    ['March 1987', { start: '1987-03-01', end: '1987-03-31' }],
    ['1987', { start: '1987-01-01', end: '1987-12-31' }],
    ['26 Feb 1987', { start: '1987-02-26', end: '1987-02-26' }],
    ['yesterday', { start: '2026-11-28', end: '2026-11-28' }],
  ])('%s', (text, span) => {
    expect(readDate(text, TODAY)).toEqual(span);
  });

  it.each(['blorp', 'next to nothing', '', '2025-13-45', 'at 5'])('reads no date in "%s"', (text) => {
    expect(readDate(text, TODAY)).toBeNull();
  });
});
