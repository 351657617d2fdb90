import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuestion, parseSpeakerQuestion, stripChatter } from '../src/search/parse-question.js';
import {
  abbreviationsOf,
  findSpeakers,
  firmCores,
  isShortFormOf,
  namesAlone,
  officialsOf,
  resolveSpeaker,
  roleCandidates,
  roleDescription,
} from '../src/search/resolve-speaker.js';
import type { SpeakerRecord } from '../src/store/passage-store.js';

describe('parseSpeakerQuestion', () => {
  it.each([
    ['what did Lammy say?', 'Lammy', null],
    ['What did the Estonian foreign minister say?', 'the Estonian foreign minister', null],
    ['What did Trump think about the government shut down?', 'Trump', 'the government shut down'],
    ['what has David Lammy said on sanctions', 'David Lammy', 'sanctions'],
    ['What is Putin saying about NATO?', 'Putin', 'NATO'],
    ['What did Rustem Umerov tell reporters?', 'Rustem Umerov', null],
    ['quotes from Barrot', 'Barrot', null],
    ["Lammy's comments on Ukraine", 'Lammy', 'Ukraine'],
  ])('%s → %s / %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it.each([
    ['what did Lammy say during the debate?', 'Lammy', 'the debate'],
    ['What did Barrot say at the summit?', 'Barrot', 'the summit'],
    ['what did the PM say after the vote', 'the PM', 'the vote'],
    ["What was Lammy's reaction to the ceasefire?", 'Lammy', 'the ceasefire'],
    ['How did Barrot describe the Russian strikes?', 'Barrot', 'the Russian strikes'],
    [
      'How did McLeish judge the way Rangers gave away the opening goal?',
      'McLeish',
      'the way Rangers gave away the opening goal',
    ],
    [
      "How did Mahmoud Abbas rate Blair's part in the peace effort?",
      'Mahmoud Abbas',
      "Blair's part in the peace effort",
    ],
    ["Joly's view on the deadline", 'Joly', 'the deadline'],
    ['what is Tsahkna saying about red lines', 'Tsahkna', 'red lines'],
    ['what has Lammy said?', 'Lammy', null],
    ['Did Umerov comment on the talks?', 'Umerov', 'the talks'],
    ['Has Lammy said anything about sanctions?', 'Lammy', 'sanctions'],
    ['Did Joly mention the deadline?', 'Joly', 'the deadline'],
    ['what David Lammy has said', 'David Lammy', null],
    ['how did the IMF boss react to the crisis?', 'the IMF boss', 'the crisis'],
    ['what did the IMF say it would do?', 'the IMF', null],
    ['What did the union say they would do about the strike?', 'the union', 'the strike'],
    [
      'Did Gordon Brown say his Budget promises could be paid for?',
      'Gordon Brown',
      'his Budget promises could be paid for',
    ],
    ['Has Lammy said that sanctions will stay?', 'Lammy', 'sanctions will stay'],
    [
      "Did Michigan's chief environmental attorney say whether other big companies are lining up to settle?",
      "Michigan's chief environmental attorney",
      'other big companies are lining up to settle',
    ],
    ['Did the company say if it would cut jobs?', 'the company', 'it would cut jobs'],
    [
      'did Gerry Conlon actually think Blair meant the apology or was it just PR?',
      'Gerry Conlon',
      'Blair meant the apology or was it just PR',
    ],
    ['Has Clarke really commented on ID cards?', 'Clarke', 'ID cards'],
    [
      'Was Jack Beedle getting carried away by the strong March chip orders?',
      'Jack Beedle',
      'getting carried away by the strong March chip orders',
    ],
    [
      'Is Gordon Brown being too cautious about the economy?',
      'Gordon Brown',
      'being too cautious about the economy',
    ],
    [
      'Does Lech Walesa support what the Kremlin leader is doing to change the Soviet system?',
      'Lech Walesa',
      'support what the Kremlin leader is doing to change the Soviet system',
    ],
    [
      'Would Kinnock ever back a coalition with the Liberals?',
      'Kinnock',
      'back a coalition with the Liberals',
    ],
    ['did the unions agree with the pay deal?', 'the unions', 'agree with the pay deal'],
    [
      "Is Brazil's labour minister going to force an end to the seamen's strike?",
      "Brazil's labour minister",
      "force an end to the seamen's strike",
    ],
    [
      'Would the constitutional affairs secretary tag parents who block access to their children?',
      'the constitutional affairs secretary',
      'tag parents who block access to their children',
    ],
    ['Will Lammy resign over the report?', 'Lammy', 'resign over the report'],
    [
      "hey anyone know what national pizza is going to do with the straw hat restaurants it's buying? thx",
      'national pizza',
      "the straw hat restaurants it's buying",
    ],
    ['What does Exxon plan to do with the refinery?', 'Exxon', 'the refinery'],
    [
      "Did the Saudi oil minister see any need for new OPEC action before the group's June meeting?",
      'the Saudi oil minister',
      "any need for new OPEC action before the group's June meeting",
    ],
    ["Does Brazil's finance minister foresee a debt deal?", "Brazil's finance minister", 'a debt deal'],
  ])('reads the phrasing "%s" as %s / %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it.each([
    ["What was Thomsen's comment on the Disney case?", 'Thomsen', 'the Disney case'],
    ["What is Clayton Yeutter's view of the export program?", 'Clayton Yeutter', 'the export program'],
    ["What was the minister's judgement on the deal?", 'the minister', 'the deal'],
    ["What was Brown's attitude to the euro?", 'Brown', 'the euro'],
    [
      "What's Sumita's prescription for the Third World debt crisis?",
      'Sumita',
      'the Third World debt crisis',
    ],
    ["What was the IMF's remedy for the crisis?", 'the IMF', 'the crisis'],
    [
      'Where does Harry Conger see gold prices going for the rest of the year?',
      'Harry Conger',
      'gold prices going for the rest of the year',
    ],
    ['where does the Fed think rates are headed?', 'the Fed', 'rates are headed'],
    [
      'Where does the Japanese finance minister think the dollar goes from its record low?',
      'the Japanese finance minister',
      'the dollar goes from its record low',
    ],
    [
      'How does Richard Tucker feel about putting money into China?',
      'Richard Tucker',
      'putting money into China',
    ],
    ['what does Lammy reckon about sanctions?', 'Lammy', 'sanctions'],
    [
      'Does Joshua Osagie think the cocoa handouts will reach real growers?',
      'Joshua Osagie',
      'the cocoa handouts will reach real growers',
    ],
    ['Did Lammy believe the ceasefire would hold?', 'Lammy', 'the ceasefire would hold'],
    [
      'How much did Clarke reckon the compensation regime would end up costing travellers?',
      'Clarke',
      'the compensation regime would end up costing travellers',
    ],
    ['What does Lammy think sanctions will achieve?', 'Lammy', 'sanctions will achieve'],
    [
      "What does the EC's external relations commissioner expect from China's imports?",
      "the EC's external relations commissioner",
      "China's imports",
    ],
    [
      'How does Rasheed think life in Iraq compares now with the Saddam years?',
      'Rasheed',
      'life in Iraq compares now with the Saddam years',
    ],
    [
      'how does the Bank of Israel governor think the election could hurt the economy?',
      'the Bank of Israel governor',
      'the election could hurt the economy',
    ],
  ])('reads the opinion asked in "%s" as %s / %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it.each([
    // What a body estimated is reported unquoted: a search, not its statements.
    'How much harm did the government reckon AVX had done to the harbor?',
    'How much aid did the World Bank first estimate the tsunami-hit countries would need?',
    'What does Liberty Life expect for South African interest rates?',
    'Do you think the Fed will cut rates?',
    // An office owned in the possessive is the search's (see the office after "the" above).
    "How much cropland did Argentina's agriculture secretary think the floods could wipe out?",
    // Nor a body's forecast asked by a noun, nor where something is done.
    "What is Hovnanian's forecast for fiscal 1988?",
    'Where does Exxon expect to drill?',
    // What was seen, asked of anyone but an office's holder, is what the stories report.
    'Did the inspectors see any damage at the plant?',
    'Did Ford see sales fall in March?',
  ])('reads no speaker in the estimate asked by "%s"', (question) => {
    expect(parseSpeakerQuestion(question)).toBeNull();
  });

  it.each([
    ['Who did Putin say is behind Baikal Finance Group?', 'Putin', 'is behind Baikal Finance Group'],
    ['How many jobs did Oracle say it would cut?', 'Oracle', 'jobs it would cut'],
    ['Which banks has Bondi claimed helped hide the losses?', 'Bondi', 'banks helped hide the losses'],
    [
      'What did Henry Azzam say was stopping the Gulf states from building bond markets?',
      'Henry Azzam',
      'was stopping the Gulf states from building bond markets',
    ],
  ])('reads the fact reported by someone in "%s" as %s / %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it.each([
    // Search answers these from words credited to no one or to another speaker.
    'What did the Ukrainian delegation say Russia presented at the negotiating table?',
    'Which town did a source say had fallen?',
    // A forecast a company's story reports in its opening, which search finds.
    'What did Lucas say would hold back its profits in the second half?',
    'How much work have UK companies landed, according to the Commons defence committee?',
    'What was the deficit, according to the report?',
    'How does the economy work?',
    // After "will", a plural is no verb: a fact asked of what members of a body may do.
    "Will Cotton Exchange members be allowed to trade NYFE's stock index futures?",
  ])('reads no speaker in "%s": a text, a body\'s findings or no one', (question) => {
    expect(parseSpeakerQuestion(question)).toBeNull();
  });

  it.each([
    ['so what exactly did Lammy say about sanctions?', 'Lammy', 'sanctions'],
    ['What did Lammy actually say about sanctions?', 'Lammy', 'sanctions'],
    ['what did the PM just say about the budget', 'the PM', 'the budget'],
    ['what has Barrot been saying lately about the ceasefire?', 'Barrot', 'the ceasefire'],
    ['what has Joly said recently on the deadline?', 'Joly', 'the deadline'],
    ['What did Umerov say, if anything, about the talks?', 'Umerov', 'the talks'],
    ["I need Lammy's quotes on sanctions", 'Lammy', 'sanctions'],
    ["give me the PM's comments on the budget", 'the PM', 'the budget'],
    ['any word from Barrot on the ceasefire?', 'Barrot', 'the ceasefire'],
    ["what's the latest from the foreign secretary on Gaza?", 'the foreign secretary', 'Gaza'],
    ['What was said by Joly about the deadline?', 'Joly', 'the deadline'],
    ['what did Lammy make of the peace talks?', 'Lammy', 'the peace talks'],
    ['What did Lyle Gramley read into the jobs numbers?', 'Lyle Gramley', 'the jobs numbers'],
    ['Where does the Chancellor stand on tax cuts?', 'the Chancellor', 'tax cuts'],
    ['What did Umerov tell reporters about the talks?', 'Umerov', 'the talks'],
    ['Anything from Martin Owen?', 'Martin Owen', null],
    ['anything new from the PM on the budget?', 'the PM', 'the budget'],
    ['According to Jeremy Davis, why is Alcan bidding?', 'Jeremy Davis', 'why is Alcan bidding'],
    [
      'According to Reynolds and Reynolds, what did Advanced Voice Technologies do wrong?',
      'Reynolds and Reynolds',
      'what did Advanced Voice Technologies do wrong',
    ],
    [
      'What did Whittaker say it did with the money from selling off businesses?',
      'Whittaker',
      'it did with the money from selling off businesses',
    ],
    [
      "What does Arab Malaysian Merchant Bank say the new fund will do for Malaysia's market?",
      'Arab Malaysian Merchant Bank',
      "the new fund will do for Malaysia's market",
    ],
    [
      'Has First City Bancorp said how near it is to a deal to prop up its capital?',
      'First City Bancorp',
      'near it is to a deal to prop up its capital',
    ],
    [
      'Is Colombia going to close its coffee export registrations, according to Gilberto Arango?',
      'Gilberto Arango',
      'Is Colombia going to close its coffee export registrations',
    ],
  ])('reads the stressed or indirect phrasing "%s" as %s / %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it.each([
    // A count asked, even with a pronoun after it, is a fact the search answers.
    'Has the minister said how many troops he will send?',
    'Has OPEC said how much oil it will pump?',
    // Two names joined by "and" are two speakers, not one firm's name.
    'According to Reagan and Thatcher, what should NATO do?',
  ])('reads "%s" as no question of one speaker\'s words', (question) => {
    expect(parseSpeakerQuestion(question)).toBeNull();
  });

  it.each([
    [
      "What did Nicaragua's president blame for the slide in coffee prices?",
      "Nicaragua's president",
      'the slide in coffee prices',
    ],
    ['Who did the minister blame the delays on?', 'the minister', 'the delays'],
  ])('reads "%s" as asking what %s blamed for %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic, blamed: true });
  });

  it.each([
    'sorry to bother you, but what did Lammy say about sanctions?',
    'just wondering, what did Lammy say about sanctions?',
    'Out of curiosity - what did Lammy say about sanctions?',
    'quick q: what did Lammy say about sanctions?',
    'Question: what did Lammy say about sanctions?',
    'Hi team, what did Lammy say about sanctions?',
    'Hey there bot! Quick question: what did Lammy say about sanctions?',
    'hmm, what did Lammy say about sanctions',
    'lol what did Lammy say about sanctions',
    'Hi! Can you pls tell me what Lammy said about sanctions?',
    'Hey, do you happen to know what Lammy said about sanctions?',
    'Any chance you could tell me what Lammy said about sanctions?',
    'Can I ask what Lammy said about sanctions?',
    'what did Lammy say about sanctions, thanks a million!',
  ])('reads past the chatty aside in "%s"', (question) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker: 'Lammy', topic: 'sanctions' });
  });

  it.each([
    ['In Iraq, how many troops died?', 'In Iraq, how many troops died?'],
    ['Out of curiosity, who won best actress?', 'who won best actress?'],
  ])('cuts an aside before a search question only when it names nothing: "%s"', (question, text) => {
    expect(parseQuestion(question).text).toBe(text);
  });

  it.each([
    ['What did the Fed chairman tell the BBC about rates?', 'the Fed chairman', 'rates', 'the BBC'],
    ['what did Lammy tell Sky News about sanctions?', 'Lammy', 'sanctions', 'Sky News'],
    ['What did the minister tell the Financial Times?', 'the minister', null, 'the Financial Times'],
    ['what did the home secretary tell MPs about the bill', 'the home secretary', 'the bill', 'MPs'],
    ['what did Baker tell the House subcommittee on debt?', 'Baker', 'debt', 'the House subcommittee'],
  ])('reads whom "%s" was said to apart from its topic', (question, speaker, topic, audience) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic, audience });
  });

  it.each([
    [
      "What did the UK chancellor say he's assuming for North Sea oil prices?",
      'the UK chancellor',
      'assuming for North Sea oil prices',
    ],
    [
      'What did the Bank of Spain say it was doing with its second-window rate?',
      'the Bank of Spain',
      'doing with its second-window rate',
    ],
  ])(
    'reads what "%s" asks the speaker is doing as the topic of their statements',
    (question, speaker, topic) => {
      expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
    },
  );

  it.each([
    [
      "What did the Japanese prime minister promise the visiting U.S. senators about Tokyo's markets?",
      {
        speaker: 'the Japanese prime minister',
        topic: "Tokyo's markets",
        audience: 'the visiting U.S. senators',
      },
      'promise',
    ],
    [
      'Did the minister deny the cuts were planned?',
      { speaker: 'the minister', topic: 'the cuts were planned' },
      'deny',
    ],
    ['What did Blair promise about tuition fees?', { speaker: 'Blair', topic: 'tuition fees' }, 'promise'],
    ['Did Oliver Letwin predict a tax rise?', { speaker: 'Oliver Letwin', topic: 'a tax rise' }, 'predict'],
    ['what did Lyng warn about beef quotas?', { speaker: 'Lyng', topic: 'beef quotas' }, 'warn'],
    [
      'What did BankAmerica warn might happen to its Brazilian loans?',
      { speaker: 'BankAmerica', topic: 'might happen to its Brazilian loans' },
      'warn',
    ],
  ])('reads the kind of statement "%s" asks for', (question, asked, verb) => {
    expect(parseSpeakerQuestion(question)).toEqual({ ...asked, verb });
  });

  it.each([
    [
      "What did Michael Owen say about the criticism of how he's been playing at Real?",
      { speaker: 'Michael Owen', topic: "the criticism of how he's been playing", occasion: 'Real' },
    ],
    [
      'what did Lammy say about sanctions during the debate?',
      { speaker: 'Lammy', topic: 'sanctions', occasion: 'the debate' },
    ],
    ['what did Lammy say during the debate?', { speaker: 'Lammy', topic: 'the debate' }],
  ])(
    'reads the occasion of "%s" apart from its topic, as the topic when there is no other',
    (question, asked) => {
      expect(parseSpeakerQuestion(question)).toEqual(asked);
    },
  );

  it.each([
    'How many Russian soldiers have died?',
    'What did the war cost?',
    'Did Russia win the vote?',
    // Whether an act was done, not a stance: stories report it unquoted.
    'did the FDA ever approve the blood test?',
    'Why did the war start?',
    'football results',
    'what happened in Kharkiv?',
    // A question word after the verb opens an indirect question: a fact is asked, not statements.
    'Has Russia said when its peace memorandum will be finished?',
    'Has the minister said how many troops will go?',
    // A pronoun is no name: only the conversation could say whom it means.
    'did he say that?',
    'what did they say about the strike?',
    'did you hear Lammy say sanctions would stay?',
    // Only what the speaker is doing: what they said they did is the search's (see parse-question).
    'What did King Fahd say he wanted for oil prices?',
    // A yes or no of what befell someone, or of what a company does, asks a fact.
    'Was Tony Blair being investigated over the loans?',
    'Is Exxon selling its stake?',
    // After "will" or "would", only a name or an office says where the speaker ends.
    'Will the bank cut rates?',
    'Was Mobil getting out of the refinery business?',
    // A feeling stirred in a crowd is what a story reports of it, not anyone's statements.
    'What worried investors about the bid?',
    '',
    '???',
  ])('is null for a question that is not about a speaker: %s', (question) => {
    expect(parseSpeakerQuestion(question)).toBeNull();
  });
});

// prettier-ignore
const LEADING_CHATTER = [
  'hey', 'hi', 'Hi bot,', 'hello there!', 'please', 'Please tell me', 'can you tell me', 'Could you please tell me',
  "I'd like to know", 'I want to know', 'ok so', '@everyone', '@here', '<@123456789012345678>', '<@!42>', 'yo,',
  'do you know', 'tell me', 'Good morning,', 'Morning all.', 'anyone know', 'quick one -', 'could you find',
  'pls summarise',
];
const TRAILING_CHATTER = [
  'thanks',
  'thank you',
  ', thanks!',
  'please',
  'thx',
  'cheers',
  '🙏',
  'thanks in advance',
];

describe('stripChatter and parseQuestion', () => {
  it.each([
    ['hey Lammy', 'Lammy'],
    ['Please tell me what did Lammy say?', 'what did Lammy say?'],
    ['@everyone what did Lammy say?', 'what did Lammy say?'],
    ['<@123> hi bot, can you tell me how many soldiers died? thanks', 'how many soldiers died?'],
    ['How many soldiers died?', 'How many soldiers died?'],
    ['Hi', ''],
    ['Morning all. How many soldiers died?', 'How many soldiers died?'],
    ['Good morning, could you find what the MoD said?', 'what the MoD said?'],
    ['@here anyone know what Volcker said about exports?', 'what Volcker said about exports?'],
    ['quick one - how many soldiers died?', 'how many soldiers died?'],
    ['pls summarise what Barrot said', 'what Barrot said'],
    ['so-called peace talks', 'so-called peace talks'],
    ['Good news for Oracle?', 'Good news for Oracle?'],
    ['Hi team! Quick one - what did Blair say?', 'what did Blair say?'],
    ['hey guys how much did GE make?', 'how much did GE make?'],
    ['could you let me know what Blair said', 'what Blair said'],
    ["I'm curious what Blair said", 'what Blair said'],
    ['Hiya - wondering what Blair said', 'what Blair said'],
    ['Team spirit at Arsenal?', 'Team spirit at Arsenal?'],
  ])('strips "%s" to "%s"', (question, stripped) => {
    expect(stripChatter(question)).toBe(stripped);
  });

  it.each([
    [
      "Hello, I'm writing a piece on the tsunami - what did the IMF say?",
      'what did the IMF say?',
      'the tsunami',
    ],
    [
      "hey bot, I'm working on a story about the Arsenal game: how did Campbell describe the rivalry?",
      'how did Campbell describe the rivalry?',
      'the Arsenal game',
    ],
    ["We're covering Oracle, so how many jobs is it cutting?", 'how many jobs is it cutting?', 'Oracle'],
    ['I am confused. What did Lammy say?', 'What did Lammy say?', null],
    ['I want to know what Lammy said', 'what Lammy said', null],
    ['Oracle - how many jobs?', 'Oracle - how many jobs?', null],
  ])('reads a first-person lead-in apart from the question: "%s"', (question, text, aside) => {
    const parsed = parseQuestion(question);
    expect(parsed.text).toBe(text);
    expect(parsed.aside).toBe(aside);
  });

  it("takes a lead-in's subject as the topic of a speaker question that names none", () => {
    expect(parseSpeakerQuestion("I'm writing a piece on the tsunami - what did the IMF say?")).toEqual({
      speaker: 'the IMF',
      topic: 'the tsunami',
    });
    expect(parseSpeakerQuestion("I'm covering the summit: what did Lammy say about sanctions?")?.topic).toBe(
      'sanctions',
    );
  });

  it.each([
    ['What has Blair been saying about the election lately?', 'Blair', 'the election'],
    ["So what was Blair's take on the election, then?", 'Blair', 'the election'],
    ['What did Blair say about the election, if anything?', 'Blair', 'the election'],
    ["What's Blair's position on the election?", 'Blair', 'the election'],
    ['what did Blair say re the election', 'Blair', 'the election'],
    ['Blair on the election?', 'Blair', 'the election'],
    ['Lammy on sanctions', 'Lammy', 'sanctions'],
    ["Maude's read on US consumer spending?", 'Maude', 'US consumer spending'],
    [
      'What worries Ian Pearson about tech we wear on our bodies?',
      'Ian Pearson',
      'tech we wear on our bodies',
    ],
    ['What surprised the finance minister most about the figures?', 'the finance minister', 'the figures'],
    ["What's bothering Lammy?", 'Lammy', null],
  ])('reads the speaker question in "%s"', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic });
  });

  it('reads no speaker in a search that only looks like "X on Y"', () => {
    expect(parseSpeakerQuestion('tariffs on steel?')).toBeNull();
    expect(parseSpeakerQuestion('What is the tax on petrol?')).toBeNull();
  });

  it('offers a bare name as a possible speaker, but not a bare search', () => {
    expect(parseQuestion('hey Lammy')).toEqual({
      text: 'Lammy',
      speaker: null,
      bareName: 'Lammy',
      aside: null,
    });
    expect(parseQuestion('David Lammy?').bareName).toBe('David Lammy');
    expect(parseQuestion('football results').bareName).toBeNull();
    expect(parseQuestion('What happened in Kharkiv?').bareName).toBeNull();
  });

  const QUESTIONS = [
    'what did Lammy say?',
    'What did the Estonian foreign minister say about red lines?',
    "What was Barrot's reaction to the strikes?",
    'how did Joly describe the deadline',
    'what has David Lammy said on sanctions',
    'did Umerov comment on the talks?',
  ];

  it('parses a speaker question the same whatever chatty wrapper surrounds it', () => {
    const wrapped = fc.record({
      question: fc.constantFrom(...QUESTIONS),
      before: fc.array(fc.constantFrom(...LEADING_CHATTER), { maxLength: 3 }),
      after: fc.array(fc.constantFrom(...TRAILING_CHATTER), { maxLength: 2 }),
      upper: fc.boolean(),
    });
    fc.assert(
      fc.property(wrapped, ({ question, before, after, upper }) => {
        const asked = [...before, question, ...after].join(' ');
        const expected = parseSpeakerQuestion(question);
        expect(expected).not.toBeNull();
        expect(parseSpeakerQuestion(upper ? asked.toUpperCase() : asked)?.speaker.toLowerCase()).toBe(
          expected!.speaker.toLowerCase(),
        );
        expect(parseSpeakerQuestion(asked)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveSpeaker', () => {
  const speakers: SpeakerRecord[] = [
    { name: 'David Lammy', surname: 'Lammy', roles: ['British foreign minister'], quotes: 4 },
    { name: 'Margus Tsahkna', surname: 'Tsahkna', roles: ['Estonian foreign minister'], quotes: 2 },
    { name: 'Jean-Noel Barrot', surname: 'Barrot', roles: ['French foreign minister'], quotes: 2 },
    { name: 'Melanie Joly', surname: 'Joly', roles: ['Canadian foreign minister'], quotes: 1 },
  ];
  const names = (asked: string) => resolveSpeaker(asked, speakers).map((s) => s.name);

  it('matches a surname, a full name, accents and case aside', () => {
    expect(names('Lammy')).toEqual(['David Lammy']);
    expect(names('david lammy')).toEqual(['David Lammy']);
    expect(names('Jean-Noël Barrot')).toEqual(['Jean-Noel Barrot']);
    expect(names("Lammy's")).toEqual(['David Lammy']);
  });

  it('matches a role, and every speaker when the role is shared', () => {
    expect(names('the Estonian foreign minister')).toEqual(['Margus Tsahkna']);
    expect(names('foreign minister')).toHaveLength(4);
  });

  it('matches a name written family name first by that name alone, the far more quoted one first', () => {
    const chinese: SpeakerRecord[] = [
      { name: 'Zhao Ziyang', surname: 'Ziyang', roles: ['Premier'], quotes: 40 },
      { name: 'Zhao', surname: 'Zhao', roles: ['Prime Ministers'], quotes: 1 },
      { name: 'Ziyang Li', surname: 'Li', roles: ['farmer'], quotes: 1 },
    ];
    const found = (asked: string) => resolveSpeaker(asked, chinese).map((s) => s.name);
    expect(found('Zhao')).toEqual(['Zhao Ziyang']);
    expect(found('Zhao Ziyang')).toEqual(['Zhao Ziyang']);
  });

  it('matches initials joined by "&", "/" or "and" to the name in full with its "and", never to a person', () => {
    const agencies: SpeakerRecord[] = [
      { name: "Standard and Poor's Corp", surname: 'Corp', roles: [], quotes: 9 },
      { name: 'S/P', surname: 'S/P', roles: [], quotes: 4 },
      { name: 'Susan Phillips', surname: 'Phillips', roles: [], quotes: 3 },
    ];
    const found = (asked: string) => resolveSpeaker(asked, agencies).map((s) => s.name);
    for (const asked of ['S&P', 'S and P', 'S/P'])
      expect(found(asked)).toEqual(["Standard and Poor's Corp", 'S/P']);
  });

  it('matches a name asked with or without its hyphen or space', () => {
    const stores: SpeakerRecord[] = [
      { name: 'Wal-Mart', surname: 'Wal-Mart', roles: [], quotes: 2 },
      { name: 'Walton', surname: 'Walton', roles: [], quotes: 9 },
      { name: 'Easyjet', surname: 'Easyjet', roles: [], quotes: 3 },
    ];
    const found = (asked: string) => resolveSpeaker(asked, stores).map((s) => s.name);
    expect(found('walmart')).toEqual(['Wal-Mart']);
    expect(found('Wal Mart')).toEqual(['Wal-Mart']);
    expect(found('Easy Jet')).toEqual(['Easyjet']);
    expect(found('Mart')).toEqual(['Wal-Mart']);
    expect(found('walmarts')).toEqual([]);
  });

  it('matches a company asked without the words ending its name, before a person whose role holds them', () => {
    const hardie: SpeakerRecord[] = [
      { name: 'James Hardie Industries Ltd', surname: 'Ltd', roles: [], quotes: 8 },
      { name: 'Meredith Hellicar', surname: 'Hellicar', roles: ['James Hardie chairwoman'], quotes: 2 },
    ];
    const found = (asked: string) => resolveSpeaker(asked, hardie).map((s) => s.name);
    expect(found('James Hardie')).toEqual(['James Hardie Industries Ltd']);
    expect(found('James Hardie Industries')).toEqual(['James Hardie Industries Ltd']);
  });

  it("reads an organisation's office as its named holder and the organisation credited with that office", () => {
    const drexel: SpeakerRecord[] = [
      {
        name: 'Drexel Burnham Lambert Inc',
        surname: 'Inc',
        roles: ['spokesman', 'sole underwriter'],
        quotes: 33,
      },
      { name: 'Steve Anredder', surname: 'Anredder', roles: ['Drexel spokesman'], quotes: 6 },
      { name: 'Shearson Lehman Brothers Inc', surname: 'Inc', roles: ['spokesman'], quotes: 12 },
    ];
    const found = (asked: string) => resolveSpeaker(asked, drexel).map((s) => s.name);
    expect(found("Drexel's spokesman")).toEqual(['Drexel Burnham Lambert Inc', 'Steve Anredder']);
    expect(found('the Drexel spokesman')).toEqual(['Drexel Burnham Lambert Inc', 'Steve Anredder']);
  });

  it('reads a firm asked or found under the other forms of its name as the same speaker', async () => {
    const firms: SpeakerRecord[] = [
      { name: 'First City Bancorp', surname: 'Bancorp', roles: [], quotes: 1 },
      { name: 'First City Bancorp of Texas Inc', surname: 'Inc', roles: [], quotes: 4 },
      { name: 'KLM', surname: 'KLM', roles: ['spokeswoman'], quotes: 11 },
      { name: 'NV KLM', surname: 'KLM', roles: ['spokeswoman'], quotes: 2 },
      { name: 'Alpine', surname: 'Alpine', roles: [], quotes: 1 },
      { name: 'Koethers', surname: 'Koethers', roles: [], quotes: 2 },
      { name: 'Koether group', surname: 'group', roles: [], quotes: 3 },
      { name: 'Royal Bank of Canada', surname: 'Canada', roles: [], quotes: 5 },
      { name: 'Royal Bank of Scotland', surname: 'Scotland', roles: [], quotes: 5 },
    ];
    // Without a topic, a speaker found by name is looked up in no story: the store is never read.
    const found = async (asked: string) =>
      (await findSpeakers({} as never, asked, firms)).map((speaker) => speaker.name);
    expect(await found('First City Bancorp')).toEqual([
      'First City Bancorp',
      'First City Bancorp of Texas Inc',
    ]);
    expect(await found('KLM')).toEqual(['KLM', 'NV KLM']);
    expect(await found('Alpine Associates')).toEqual(['Alpine']);
    expect(await found('the Koethers')).toEqual(['Koethers', 'Koether group']);
    expect(await found('Royal Bank of Canada')).toEqual(['Royal Bank of Canada']);
  });

  it.each([
    ['NV KLM', ['klm']],
    ['First City Bancorp of Texas Inc', ['first city bancorp']],
    ['Royal Bank of Canada', ['royal bank canada']],
    ['Bank of Tokyo Ltd', ['bank tokyo']],
    ['Koether group', ['koether', 'koethers']],
    ['Gordon Brown', ['gordon brown']],
  ])('reads the firm %s as %j', (name, cores) => {
    expect(firmCores(name)).toEqual(cores);
  });

  it('links a company found to the short form its stories quote it under', () => {
    const bank: SpeakerRecord[] = [
      { name: 'Arab Malaysian Merchant Bank Bhd', surname: 'Bhd', roles: [], quotes: 1 },
      { name: 'AMBB', surname: 'AMBB', roles: [], quotes: 3 },
      { name: 'BBC', surname: 'BBC', roles: [], quotes: 9 },
    ];
    expect(namesAlone([bank[0]!], bank)).toContainEqual({
      alone: 'AMBB',
      full: 'arab malaysian merchant bank bhd',
      namesakes: [],
    });
    expect(isShortFormOf('AMBB', 'Arab Malaysian Merchant Bank Bhd')).toBe(true);
    expect(isShortFormOf('AMMB', 'Arab Malaysian Merchant Bank Bhd')).toBe(true);
    expect(isShortFormOf('BBC', 'Arab Malaysian Merchant Bank Bhd')).toBe(false);
    expect(isShortFormOf('MBB', 'Arab Malaysian Merchant Bank Bhd')).toBe(false);
    expect(isShortFormOf('Ambb', 'Arab Malaysian Merchant Bank Bhd')).toBe(false);
  });

  it('matches nobody for an unknown name', () => {
    expect(names('Macron')).toEqual([]);
    expect(names('the')).toEqual([]);
  });
});

describe('resolveSpeaker with roles', () => {
  const speaker = (name: string, ...roles: string[]): SpeakerRecord => ({
    name,
    surname: name.split(' ').at(-1)!,
    roles,
    quotes: 1,
  });
  const speakers = [
    speaker('Jack Straw', 'Foreign Secretary'),
    speaker('Michael Ancram', 'shadow foreign secretary'),
    speaker('Rafael Benitez', 'Liverpool manager'),
    speaker('Sammy Lee', 'assistant manager'),
    speaker('Tony Blair', 'Prime Minister'),
    speaker('Kofi Annan', 'UN Secretary General'),
    speaker('Rodrigo Rato', 'IMF managing director'),
    speaker('Alan Greenspan', 'Federal Reserve chairman'),
    speaker('Fujio Cho', 'president'),
    speaker('Jose Mourinho', 'manager'),
  ];
  const names = (asked: string) => resolveSpeaker(asked, speakers).map((s) => s.name);

  it('keeps near roles apart: the foreign secretary is not the shadow one, the manager not the assistant', () => {
    expect(names('the foreign secretary')).toEqual(['Jack Straw']);
    expect(names('the shadow foreign secretary')).toEqual(['Michael Ancram']);
    expect(names('the Liverpool manager')).toEqual(['Rafael Benitez']);
    expect(names('the assistant manager')).toEqual(['Sammy Lee']);
  });

  it('reads a role asked in another word order than stored', () => {
    const trade = [speaker('Paul Channon', 'Secretary of State for Trade and Industry')];
    for (const asked of ['the trade and industry secretary', 'the secretary for trade and industry'])
      expect(resolveSpeaker(asked, trade).map((s) => s.name)).toEqual(['Paul Channon']);
  });

  it('prefers an exact role to a partial one', () => {
    expect(names('manager')).toEqual(['Jose Mourinho']);
  });

  it('reads common short forms of roles and bodies', () => {
    expect(names('the PM')).toEqual(['Tony Blair']);
    expect(names('the UN chief')).toEqual(['Kofi Annan']);
    expect(names('the IMF boss')).toEqual(['Rodrigo Rato']);
    expect(names('the Fed chairman')).toEqual(['Alan Greenspan']);
  });

  it('reads an organisation asked by another of its names as the initials of a role ("Fannie Mae", "FNMA\'s")', () => {
    const officers = [
      speaker('Edward J. Pinto', "FNMA's Senior Vice President"),
      speaker('Jim Sales', 'FHLMC senior vice president'),
    ];
    const found = (asked: string) => resolveSpeaker(asked, officers).map((s) => s.name);
    expect(found("Fannie Mae's senior vice president")).toEqual(['Edward J. Pinto']);
    expect(found("Freddie Mac's senior vice president")).toEqual(['Jim Sales']);
  });

  it('reads an attorney as a lawyer and a lawyer as an attorney, as American and British stories write them', () => {
    const lawyers = [
      speaker('John Nabors', 'TransAmerican lawyer'),
      speaker('Jim Sales', 'Texaco attorney'),
      speaker('Edwin Meese', 'Attorney General'),
    ];
    const lawyer = (asked: string) => resolveSpeaker(asked, lawyers).map((s) => s.name);
    expect(lawyer("TransAmerican's attorney")).toEqual(['John Nabors']);
    expect(lawyer("Texaco's lawyer")).toEqual(['Jim Sales']);
    expect(lawyer('the attorney general')).toEqual(['Edwin Meese']);
  });

  it('reads a country asked as the demonym a role writes, after a role written as asked', () => {
    const presidents = [
      { ...speaker('Reagan', 'President'), quotes: 60 },
      speaker('Daniel Ortega', 'Nicaraguan President'),
    ];
    expect(resolveSpeaker("Nicaragua's president", presidents).map((s) => s.name)).toEqual(['Daniel Ortega']);
    expect(resolveSpeaker('the Nicaraguan president', presidents).map((s) => s.name)).toEqual([
      'Daniel Ortega',
    ]);
    const ministers = [
      { ...speaker('Joe Clark', "Canada's Foreign Minister"), quotes: 7 },
      speaker('Melanie Joly', 'Canadian foreign minister'),
    ];
    const minister = (asked: string) => resolveSpeaker(asked, ministers).map((s) => s.name);
    expect(minister('the Canadian foreign minister')).toEqual(['Melanie Joly']);
    expect(minister("Canada's foreign minister")).toEqual(['Joe Clark']);
  });

  it('leaves a role asked with an organisation the stored role lacks to the articles', () => {
    expect(names("Toyota's president")).toEqual([]);
    const candidates = roleCandidates("Toyota's president", speakers);
    expect(candidates?.qualifier).toEqual(['toyota']);
    expect(candidates?.speakers.map((s) => s.name)).toEqual(['Fujio Cho']);
    expect(roleCandidates('the Chelsea manager', speakers)?.speakers.map((s) => s.name)).toEqual([
      'Jose Mourinho',
    ]);
    expect(roleCandidates('the Chelsea assistant manager', speakers)?.speakers.map((s) => s.name)).toEqual([
      'Sammy Lee',
    ]);
  });

  it('reads each word of a stored role as one word asked: a lone "Executive" is no chief executive', () => {
    const chiefs = [
      speaker('Tom Glocer', 'chief executive'),
      speaker('Harry Smith', 'Executive'),
      speaker('Redzuan Sumun', 'Chief'),
    ];
    expect(roleCandidates("Reuters' chief executive", chiefs)?.speakers.map((s) => s.name)).toEqual([
      'Tom Glocer',
    ]);
    expect(resolveSpeaker('the chief executive', chiefs).map((s) => s.name)).toEqual(['Tom Glocer']);
  });

  it('reads a body asked by the last words of its name as the body, not an office holding them', () => {
    const board = [
      speaker('Edwin Gray', 'Federal Home Loan Bank Board chairman'),
      speaker('Federal Home Loan Bank Board'),
    ];
    const found = (asked: string) => resolveSpeaker(asked, board).map((s) => s.name);
    expect(found('the bank board')).toEqual(['Federal Home Loan Bank Board']);
    // The last words of a role's organisation are not a body's name ending: the adviser, not "Central Bank".
    expect(resolveSpeaker("the adviser to Barbados' central bank", [speaker('Central Bank')])).toEqual([]);
    expect(found('the bank board chairman')).toEqual(['Edwin Gray']);
  });

  it('matches a bare name only by name, never by role', () => {
    expect(resolveSpeaker('Manager', speakers, { bare: true })).toEqual([]);
    expect(resolveSpeaker('Straw', speakers, { bare: true }).map((s) => s.name)).toEqual(['Jack Straw']);
  });
});

describe('organisations by their abbreviations', () => {
  const speaker = (name: string, quotes = 1): SpeakerRecord => ({
    name,
    surname: name.split(' ').at(-1)!,
    roles: [],
    quotes,
  });
  const speakers = [
    speaker('British Ministry of Defence', 4),
    speaker('Makovich of DRI', 3),
    speaker('International Monetary Fund', 25),
    speaker('IMF', 10),
    speaker('Peter Mandelson', 5),
    speaker('Tony Blair', 9),
  ];
  const withRoles = [...speakers, { ...speaker('Tony Blair'), roles: ['Prime Minister'] }];
  const names = (asked: string) => resolveSpeaker(asked, speakers).map((s) => s.name);

  it('reads the initials of a name, with or without its linking words and nationality', () => {
    expect(abbreviationsOf('British Ministry of Defence')).toEqual(['bmod', 'bmd', 'mod', 'md']);
    expect(abbreviationsOf('International Monetary Fund')).toEqual(['imf']);
    expect(abbreviationsOf('Makovich of DRI')).toEqual([]);
    expect(abbreviationsOf('chief executive Bob')).toEqual([]);
  });

  it('finds an organisation asked by its abbreviation, and the one quoted under it', () => {
    expect(names('the MoD')).toEqual(['British Ministry of Defence']);
    expect(names('the IMF')).toEqual(['International Monetary Fund', 'IMF']);
    // Lower case is a word, not an abbreviation.
    expect(names('the mod')).toEqual([]);
    // One body under both names: the name quoted far more does not leave the abbreviation out.
    const ubs = [speaker('Union Bank of Switzerland', 8), speaker('UBS', 1)];
    expect(resolveSpeaker('UBS', ubs).map((s) => s.name)).toEqual(['Union Bank of Switzerland', 'UBS']);
  });

  it('reads a body asked by either of its names as that body, its officials after it', () => {
    const eu = [
      { ...speaker('Peter Mandelson', 5), roles: ['EU Trade Commissioner'] },
      { ...speaker('Javier Solana', 3), roles: ['EU foreign policy chief'] },
      speaker('EU', 14),
      speaker('European Union', 1),
    ];
    for (const asked of ['the EU', 'the European Union']) {
      const found = resolveSpeaker(asked, eu);
      expect(found.map((s) => s.name)).toEqual(['EU', 'European Union']);
      expect(officialsOf(asked, found, eu).map((s) => s.name)).toEqual(['Peter Mandelson', 'Javier Solana']);
    }
    // Never quoted itself: its officials, whose roles hold its words.
    expect(resolveSpeaker('the EU', eu.slice(0, 2)).map((s) => s.name)).toEqual([
      'Peter Mandelson',
      'Javier Solana',
    ]);
  });

  it('still reads "the PM" as a role before any name it abbreviates', () => {
    expect(resolveSpeaker('the PM', withRoles).map((s) => s.name)).toEqual(['Tony Blair']);
  });

  it("adds an organisation's officials, named in their roles by either of its names", () => {
    const officials = [
      { ...speaker('Rodrigo de Rato'), roles: ["IMF's managing director"] },
      { ...speaker('Thomas Dawson'), roles: ['International Monetary Fund director'] },
      { ...speaker('Ann Fund'), roles: ['monetary adviser'] },
      { ...speaker('Tony Blair'), roles: ['Prime Minister'] },
    ];
    const all = [...speakers, ...officials];
    const found = resolveSpeaker('the IMF', all);
    expect(officialsOf('the IMF', found, all).map((s) => s.name)).toEqual([
      'Rodrigo de Rato',
      'Thomas Dawson',
    ]);
    // An office there: not another's ("party's"), a shadow one, nor a bank's treasury in lower case.
    const treasury = [
      { ...speaker('Treasury'), roles: [] },
      { ...speaker('James Baker'), roles: ['U.S. Treasury Secretary'] },
      { ...speaker('Vince Cable'), roles: ["party's Treasury spokesman"] },
      { ...speaker('George Osborne'), roles: ['Shadow Treasury chief secretary'] },
      { ...speaker('David Simmonds'), roles: ['Midland Bank treasury economist'] },
    ];
    expect(officialsOf('the Treasury', resolveSpeaker('the Treasury', treasury), treasury)).toEqual([
      treasury[1],
    ]);
    // Found by a role, not by its name: every prime minister's role holds "prime minister".
    const ministers = [...withRoles, { ...speaker('Brian Mulroney'), roles: ['Canadian Prime Minister'] }];
    expect(officialsOf('the PM', resolveSpeaker('the PM', ministers), ministers)).toEqual([]);
    // A person is never asked with "the" before the name: "Blair's spokesman" does not speak as Blair.
    const blair = [
      { ...speaker('Tony Blair'), roles: [] },
      { ...speaker('Tom Kelly'), roles: ["Blair's spokesman"] },
    ];
    expect(officialsOf('Blair', resolveSpeaker('Blair', blair), blair)).toEqual([]);
  });

  it('reads an abbreviation in capitals as an organisation without "the" too, a name with capitals never', () => {
    const ubs = [
      { ...speaker('Union Bank of Switzerland', 8), roles: ['manager'] },
      { ...speaker('Maury Harris'), roles: ['UBS economist'] },
    ];
    expect(officialsOf('UBS', resolveSpeaker('UBS', ubs), ubs).map((s) => s.name)).toEqual(['Maury Harris']);
    const mccain = [
      { ...speaker('McCain', 5), roles: [] },
      { ...speaker('Mark Salter'), roles: ['McCain aide'] },
    ];
    expect(officialsOf('McCain', resolveSpeaker('McCain', mccain), mccain)).toEqual([]);
  });
});

describe('roleDescription', () => {
  it('writes a role asked with its organisation as every word of it, short forms also long', () => {
    expect(roleDescription("Credit Suisse First Boston's economic adviser")?.expression).toBe(
      '"credit" AND "suisse" AND "first" AND "boston" AND "economic" AND "adviser"',
    );
    expect(roleDescription('the UN relief chief')?.expression).toBe(
      '(("un") OR ("united" AND "nations")) AND "relief"',
    );
  });

  it('describes nobody in particular without a name or with one word', () => {
    expect(roleDescription("the bank's chairman")).toBeNull();
    expect(roleDescription('the IMF boss')).toBeNull();
  });

  it("describes no one by a person's name, but a role or a body by its name's capitals", () => {
    expect(roleDescription('Daniel Craig')).toBeNull();
    expect(roleDescription("Martin O'Neill")).toBeNull();
    expect(roleDescription("Oracle's CEO")?.expression).toBe(
      '"oracle" AND (("ceo") OR ("chief" AND "executive"))',
    );
    expect(roleDescription('the World Bank')?.expression).toBe('"world" AND "bank"');
  });
});

describe('a speaker question asking why', () => {
  it.each([
    [
      "Why did Air Deccan's managing director say they picked ATR?",
      "Air Deccan's managing director",
      'they picked ATR',
    ],
    ['Why did Baker say that governments should act?', 'Baker', 'governments should act'],
    [
      "Why does Hugh Richards expect Radcliffe's body to cope better in New York?",
      'Hugh Richards',
      "Radcliffe's body to cope better in New York",
    ],
    [
      'Why is Alcan Australia bidding for its sister company, according to Jeremy Davis?',
      'Jeremy Davis',
      'Why is Alcan Australia bidding for its sister company',
    ],
  ])('reads "%s" as asking the reason %s gave for %s', (question, speaker, topic) => {
    expect(parseSpeakerQuestion(question)).toEqual({ speaker, topic, blamed: true });
  });
  it('asks no cause of a question asking what was said', () => {
    expect(parseSpeakerQuestion('What did Baker say about governments acting?')?.blamed).toBeUndefined();
    expect(parseSpeakerQuestion('According to Jeremy Davis, why is Alcan bidding?')?.blamed).toBeUndefined();
  });
});

describe('why an office means to do something', () => {
  it('reads "why does X\'s CFO want to ..." as a speaker question, an office only', () => {
    expect(
      parseSpeakerQuestion("Why does BankAmerica's CFO want to sell off the credit card loans?"),
    ).toEqual({
      speaker: "BankAmerica's CFO",
      topic: 'sell off the credit card loans',
      blamed: true,
    });
    expect(
      parseSpeakerQuestion('Why does the company behind the Boston Globe want to buy Billboard?'),
    ).toBeNull();
  });

  it('reads a CFO asked of a company as the chief financial officer its stories name', () => {
    const newman: SpeakerRecord = {
      name: 'Frank Newman',
      surname: 'Newman',
      roles: ['Vice Chairman and Chief Financial Officer'],
      quotes: 1,
    };
    expect(roleCandidates("BankAmerica's CFO", [newman])).toEqual({
      speakers: [newman],
      qualifier: ['bankamerica'],
    });
  });
});

describe('an office over two fields joined by "and"', () => {
  it('holds each field: the Secretary of State for Trade and Industry is a trade secretary', () => {
    const channon: SpeakerRecord = {
      name: 'Paul Channon',
      surname: 'Channon',
      roles: ['Secretary of State for Trade and Industry'],
      quotes: 1,
    };
    const tamura: SpeakerRecord = {
      name: 'Hajime Tamura',
      surname: 'Tamura',
      roles: ['Minister of International Trade and Industry'],
      quotes: 1,
    };
    expect(roleCandidates("Britain's trade secretary", [channon])).toEqual({
      speakers: [channon],
      qualifier: ['britain'],
    });
    expect(roleCandidates("Japan's industry minister", [tamura])).toEqual({
      speakers: [tamura],
      qualifier: ['japan'],
    });
  });
});
