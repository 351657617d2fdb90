import { describe, expect, it } from 'vitest';
import { rerankByCoverage } from '../src/search/coverage-rerank.js';
import { queryTerms } from '../src/search/fts-query.js';
import { countryFormsOf } from '../src/search/place-names.js';
import { titleForms } from '../src/search/searched-forms.js';
import { questionNames, rarityWeights, termsHeld, termsIn, wordsOf } from '../src/search/term-match.js';

describe('a country named in another of its forms', () => {
  it('is held by its name, its people, its capital or its code as written', () => {
    const text = 'The British Ministry of Defence said up to 250,000 Russian soldiers have been killed.';
    expect(termsIn(text, ['moscow', 'uk', 'troops'])).toEqual(new Set(['moscow', 'uk']));
    expect(termsIn('The U.S. Navy escorted the tanker.', ['washington'])).toEqual(new Set(['washington']));
    expect(termsIn('Tokyo raised its beef quota.', ['japanese'])).toEqual(new Set(['japanese']));
  });

  it('is held in the forms of 1987 and an American state by the abbreviation after a town', () => {
    const bank = 'YUGOSLAVIAN BANK GETS 90 MLN DLR WORLD BANK LOAN';
    expect(termsIn(bank, ['yugoslav', 'world bank'])).toEqual(new Set(['yugoslav', 'world bank']));
    const plant = "O'Brien signed a lease covering its wood gasification project in Quincy, Fla.";
    expect(termsIn(plant, ['florida', 'michigan'])).toEqual(new Set(['florida']));
  });

  it('is held when the question names its people in words the data lacks ("Danes", "Swedes")', () => {
    const headline = 'DANISH UNEMPLOYMENT FALLS TO 7.8 PCT IN FEBRUARY';
    expect(termsIn(headline, ['danes', 'swedes'])).toEqual(new Set(['danes']));
    expect(countryFormsOf('swedes')?.words).toContain('sweden');
    // A word whose first sense is no people, or that names none as a name, is no country.
    expect(countryFormsOf('poles')).toBeNull();
    expect(countryFormsOf('people')).toBeNull();
  });

  it('is held where the question names a seat of its capital ("the Kremlin")', () => {
    // WordNet's Kremlin is part of Moscow: a story on "an ex-Russian intelligence officer" names it.
    const lead = 'An ex-Russian intelligence officer is entering the seventh week of a hunger strike.';
    expect(termsIn(lead, ['kremlin', 'leader'])).toEqual(new Set(['kremlin']));
    expect(termsIn('The Kremlin said nothing.', ['kremlin'])).toEqual(new Set(['kremlin']));
    // A region is part of its country, not of a capital: Texas is not every American story; nor is a district
    // of a capital its country's government.
    expect(countryFormsOf('texas')).toBeNull();
    expect(countryFormsOf('wimbledon')).toBeNull();
  });

  it('is not held by a pronoun or a longer word in capitals', () => {
    expect(termsIn('The coastguard told us the boats were seized.', ['washington'])).toEqual(new Set());
    expect(termsIn('UKRAINE WARNS OF SHORTAGES', ['uk'])).toEqual(new Set());
  });

  it("ranks the passage that names the question's country in other words above one that names none", () => {
    const hits = [
      { passage: { context: 'War losses', text: 'Troop losses were high, officials said.' }, score: 1 },
      {
        passage: {
          context: 'War losses',
          text: 'The British Ministry of Defence said 250,000 Russian soldiers have died.',
        },
        score: 0.9,
      },
    ];
    rerankByCoverage(hits, queryTerms("How many of Moscow's troops died according to the UK?"), () => 1, 1);
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score);
  });
});

describe('a name of several words whose last word has four letters', () => {
  it('is held by that word with an ending ("Shanghai Bank" by "Shanghai Banking Corp")', () => {
    const text = 'Hongkong and Shanghai Banking Corp is close to a deal on the sale of a building.';
    expect(termsIn(text, ['shanghai bank', 'hongkong'])).toEqual(new Set(['shanghai bank', 'hongkong']));
    // Its words must still stand in a row, and a word of three letters takes no ending.
    expect(termsIn('Shanghai said the bank was sold.', ['shanghai bank'])).toEqual(new Set());
    expect(termsIn('Pacific Gasoline Co', ['pacific gas'])).toEqual(new Set());
  });
});

describe('a name written across an apostrophe ("O\'Keefe")', () => {
  it('is the whole name, held by a story that writes it, never its first letter alone', () => {
    const question = "Who will captain Marlow with O'Keefe injured?";
    const names = questionNames(question, queryTerms(question));
    expect(names).toEqual(['marlow', 'o keefe']);
    const story = "Marlow captain Brian O'Keefe has been ruled out. The side will be led by Paul Carr.";
    expect(termsIn(story, names)).toEqual(new Set(names));
    expect(termsIn('Marlow said Keefe Road was closed.', names)).toEqual(new Set(['marlow']));
  });
});

describe('a word of four letters', () => {
  it('is held by its form in "-s" ("grow" by "grows"), which its stem of five letters does not hold', () => {
    const text = 'Marlow Nursery of Miami, which grows indoor foliage plants, was sold.';
    expect(termsIn(text, ['marlow', 'grow'])).toEqual(new Set(['marlow', 'grow']));
    // Only the "-s" form: "growth" is another word.
    expect(termsIn('Marlow Nursery reported growth.', ['grow'])).toEqual(new Set());
  });
});

describe('a country written in lower case', () => {
  it('is a name the question asks about, as when capitalised', () => {
    const lemons = 'why has spain stopped shipping lemons abroad?';
    expect(questionNames(lemons, queryTerms(lemons))).toEqual(['spain']);
  });

  it('is never a code that is also a word', () => {
    const tell = 'can you tell us why the japanese stopped buying?';
    expect(questionNames(tell, queryTerms(tell))).toEqual(['japanese']);
  });
});

describe("a country's word ending a name", () => {
  it('belongs to the compound noun it makes with the word after it ("Swiss franc"), not to the name', () => {
    const notes = "Who's guaranteeing the Keiaisha Swiss franc notes?";
    expect(questionNames(notes, queryTerms(notes))).toEqual(['keiaisha', 'swiss']);
  });

  it("takes a country's two words together, and leaves a name that is only the country's words whole", () => {
    const bond = 'What coupon does the Toyota New Zealand dollar bond pay?';
    expect(questionNames(bond, queryTerms(bond))).toEqual(['toyota', 'new zealand']);
    const mark = 'What did the West German mark do against the dollar?';
    expect(questionNames(mark, queryTerms(mark))).toEqual(['west german']);
  });

  it('is apart from the name before it where the word after is only a noun ("House Iran committee")', () => {
    const question =
      "What did the chairman of the House Iran committee say Reagan's diary notes would cover?";
    expect(questionNames(question, queryTerms(question))).toEqual(['house', 'iran', 'reagan']);
  });

  it('stays part of the name where it makes none ("Oliver Irish reckon")', () => {
    const question = 'Does Oliver Irish reckon gadgets are still just a guy thing?';
    expect(questionNames(question, queryTerms(question))).toEqual(['oliver irish']);
  });
});

describe('an abbreviated thing asked about', () => {
  const kuwait = "How much in unpaid IOUs was left after Kuwait's share market crash?";
  const aston = 'When will Aston Martin launch its first electric SUV?';

  it('is no name when no passage of the index writes it so', () => {
    const written = rarityWeights(new Map([['kuwait', 40]]), 1000).written;
    expect(questionNames(kuwait, queryTerms(kuwait), written)).toEqual(['kuwait']);
  });

  it('is a name where the stories write it so, as by default', () => {
    const written = rarityWeights(new Map([['suv', 11]]), 1000).written;
    expect(questionNames(aston, queryTerms(aston), written)).toEqual(['aston martin', 'suv']);
    expect(questionNames(kuwait, queryTerms(kuwait))).toEqual(['ious', 'kuwait']);
  });

  it('is no name where it ends a compound of the language with the word before it ("cable TV")', () => {
    const metro = "Which bank lent money to Metro Cable's new cable TV subsidiary?";
    expect(questionNames(metro, queryTerms(metro))).toEqual(['metro cable']);
    // Not a compound: the abbreviation after another word is still a name.
    const station = "What did Metro Cable's new TV subsidiary buy?";
    expect(questionNames(station, queryTerms(station))).toEqual(['metro cable', 'tv']);
  });

  it('ending a capitalised run, is apart from the name before it ("the Bristol and West CDs")', () => {
    const cds = 'What maturities will the Bristol and West CDs have?';
    expect(questionNames(cds, queryTerms(cds))).toEqual(['bristol', 'west', 'cds']);
    const cfo = 'Where was the Manville CFO working before?';
    expect(questionNames(cfo, queryTerms(cfo))).toEqual(['manville']);
  });

  it('is no name where it abbreviates an office, which stories write out ("VP", "CFO")', () => {
    const question =
      "What did Sealed Power's group VP say Kent-Moore would be doing under the GM arrangement?";
    expect(questionNames(question, queryTerms(question))).toEqual(['sealed power', 'kent', 'gm']);
    const cfo = "Where was Manville's new CFO working before?";
    expect(questionNames(cfo, queryTerms(cfo))).toEqual(['manville']);
  });

  it('is told from the abbreviation of a body or a place, which stays a name however rare', () => {
    const question = 'What did the EU and the SEC say about the IMF loan to the UK?';
    expect(questionNames(question, queryTerms(question), () => false)).toEqual(['eu', 'sec', 'imf', 'uk']);
  });
});

describe('an office asked about', () => {
  it('is its words, each a name, not one name a story must write in a row', () => {
    const question = 'What did the Commons Speaker reveal about MPs and their Blackberries?';
    expect(questionNames(question, queryTerms(question))).toEqual([
      'commons',
      'speaker',
      'mps',
      'blackberries',
    ]);
    const named = 'What did General Electric say?';
    expect(questionNames(named, queryTerms(named))).toEqual(['general electric']);
  });
});

describe('a title whose stop words are capitalised', () => {
  const question = 'How many copies did We Are The World sell in its first week?';

  it('is one name with its stop words, searched as a phrase beside its one common word', () => {
    expect(questionNames(question, queryTerms(question))).toEqual(['we are the world']);
    expect([...titleForms(question, queryTerms(question))]).toEqual([['world', ['we are the world']]]);
    expect(termsHeld(wordsOf('We Are The World has been re-issued.'), ['we are the world'])).toEqual(
      new Set(['we are the world']),
    );
    expect(termsHeld(wordsOf('a world record'), ['we are the world']).size).toBe(0);
  });

  it('is no title in a headline, where every word is capitalised, nor a name without stop words', () => {
    const headline = 'How Many Copies Did We Are The World Sell?';
    expect(questionNames(headline, queryTerms(headline))).not.toContain('we are the world');
    const name = 'What did General Electric say about jet engines?';
    expect(questionNames(name, queryTerms(name))).toEqual(['general electric']);
    expect(titleForms(name, queryTerms(name)).size).toBe(0);
  });
});

describe('a company named with single letters and "and"', () => {
  const question = 'What pretax profit did B and R International make in 1986?';

  it('is one name, while names joined by "and" stay two', () => {
    expect(questionNames(question, queryTerms(question))).toEqual(['b and r international']);
    const two = 'What did France and Germany agree?';
    expect(questionNames(two, queryTerms(two))).toEqual(['france', 'germany']);
  });

  it('is held where a story writes it without its last company word ("B and R", "Sale Tilney")', () => {
    const later = 'B and R posted pretax profit of 855,000 dlrs in the year to Dec 31, 1986.';
    expect(termsIn(later, ['b and r international', 'pretax'])).toEqual(
      new Set(['b and r international', 'pretax']),
    );
    expect(termsIn('Sale is paying 3.6 mln dlrs in cash.', ['sale tilney plc'])).toEqual(new Set());
    expect(termsIn('Sale Tilney said it would pay.', ['sale tilney plc'])).toEqual(
      new Set(['sale tilney plc']),
    );
    expect(termsIn('Bank shares rose.', ['bank international'])).toEqual(new Set());
  });
});

describe('a name of several words ending in a country', () => {
  it('is held as its two names, the country in any of its forms', () => {
    // Not before a compound noun the country's words make ("New Zealand dollar": see questionNames).
    const question = 'What interest rate does the American Express New Zealand issue pay?';
    const [name] = questionNames(question, queryTerms(question));
    expect(name).toBe('american express new zealand');
    const bond = 'American Express Overseas Credit Corp is issuing a 50 mln New Zealand dlr bond.';
    expect(termsIn(bond, [name!, 'bond'])).toEqual(new Set([name, 'bond']));
    expect(termsIn('American Express said the Wellington office was opened.', [name!])).toEqual(
      new Set([name]),
    );
    expect(termsIn('The New Zealand dollar fell.', [name!])).toEqual(new Set());
  });

  it('stays whole after a name of one word ("Air New Zealand")', () => {
    expect(termsIn('Air fares in New Zealand rose.', ['air new zealand'])).toEqual(new Set());
    expect(termsIn('Air New Zealand said it would buy jets.', ['air new zealand'])).toEqual(
      new Set(['air new zealand']),
    );
  });
});

describe('a company asked by initials its story does not write', () => {
  const held = (text: string, names: string[]) => termsHeld(wordsOf(text), names, undefined, names);

  it('is held by its name in full, with or without the word ending a company name', () => {
    const story =
      'New York State Electric and Gas Corp said it has terminated its effort to acquire Corning Natural Gas Corp.';
    expect(held(story, ['nyseg', 'corning natural gas'])).toEqual(new Set(['nyseg', 'corning natural gas']));
    const buyout =
      'OII Holdings Corp, a concern formed by Kohlberg Kravis Roberts and Co, completed its acquisition.';
    expect(held(buyout, ['kkr'])).toEqual(new Set(['kkr']));
  });

  it('is held by its name in full with the letter of its "of" ("Bank of England", the BoE)', () => {
    const help = 'The Bank of England said it provided the money market with late assistance.';
    expect(held(help, ['boe'])).toEqual(new Set(['boe']));
    expect(held('The Bank of Japan bought dollars.', ['boe'])).toEqual(new Set());
  });

  it('is not held by a sentence opening with another name, nor by a name of other initials', () => {
    expect(held('The Federal Reserve Board raised rates.', ['tfrb'])).toEqual(new Set());
    expect(held('Kohlberg Kravis Roberts and Co bid again.', ['kkb'])).toEqual(new Set());
  });
});

describe('a company whose name ends in a word wires abbreviate', () => {
  const held = (text: string, names: string[]) => termsHeld(wordsOf(text), names, undefined, names);

  it('is held by a headline printing that word short, and asked short by a story writing it in full', () => {
    expect(held('WICKES COS INC <WIX> 4TH QTR LOSS', ['wickes companies'])).toEqual(
      new Set(['wickes companies']),
    );
    expect(held('Salomon Brothers Inc is the lead underwriter.', ['salomon bros'])).toEqual(
      new Set(['salomon bros']),
    );
  });

  it('is not held by another company sharing the word', () => {
    expect(held('WICKHAM COS INC <WKH> 4TH QTR LOSS', ['wickes companies'])).toEqual(new Set());
  });
});

describe('an organisation asked by another of its names', () => {
  const held = (text: string, names: string[]) => termsHeld(wordsOf(text), names, undefined, names);

  it('is held by the name WordNet gives it beside the one asked ("the Big Board", the NYSE)', () => {
    const listing =
      'Lewis Galoob Toys Inc said it expects to be listed on the NYSE by the first week in July.';
    expect(held(listing, ['lewis galoob', 'big board'])).toEqual(new Set(['lewis galoob', 'big board']));
    const mortgages = 'The Federal National Mortgage Association said it will buy 10-year mortgages.';
    expect(held(mortgages, ['fannie mae'])).toEqual(new Set(['fannie mae']));
  });

  it('is not held by a thing of the same name nor by another body', () => {
    expect(held('A BLU-82 fragmentation bomb was dropped.', ['big blue'])).toEqual(new Set());
    expect(held('Shares rose on the American Stock Exchange.', ['big board'])).toEqual(new Set());
  });
});

describe('a country named in full', () => {
  it('has its own forms, not those of a place whose name ends in it ("Virgin Islands of the United States")', () => {
    expect(countryFormsOf('united states')?.codes).toContain('U.S.');
    expect(countryFormsOf('united states')?.words).toContain('american');
    expect(countryFormsOf('turkey')?.words).toContain('ankara');
  });
});

describe('a courtesy title opening a name', () => {
  it('is no word of the name, which a story writes without it', () => {
    const somoza = 'What did Mr Somoza say the Marlovian stock market would do after its record fall?';
    expect(questionNames(somoza, queryTerms(somoza))).toEqual(['somoza', 'marlovian']);
    const pulcine = 'What did Ms Anna Pulcine say about the banks?';
    expect(questionNames(pulcine, queryTerms(pulcine))).toEqual(['anna pulcine']);
  });

  it('cut off by its full stop, is no name of its own', () => {
    const rooter = 'Why did Mr. Rooter say it pulled out of the agreement?';
    expect(questionNames(rooter, queryTerms(rooter))).toEqual(['rooter']);
  });
});

describe('a town opening a run of names', () => {
  it('is a name apart from the rest, which it places', () => {
    const mini = 'How many new jobs are to be created at the Oxford Mini factory?';
    expect(questionNames(mini, queryTerms(mini))).toEqual(['oxford', 'mini']);
  });

  it('stays in a name WordNet has whole; a state or no place at all stays in the name', () => {
    const york = 'How many jobs did New York lose?';
    expect(questionNames(york, queryTerms(york))).toEqual(['new york']);
    const tools = "When's Illinois Tool Works paying its quarterly dividend?";
    expect(questionNames(tools, queryTerms(tools))).toEqual(['illinois tool works']);
    const motors = 'How many jobs did General Motors cut?';
    expect(questionNames(motors, queryTerms(motors))).toEqual(['general motors']);
  });
});
