import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../src/document/article.js';
import { attributeQuotes, splitSentences, type Attribution } from '../src/ingest/attribution.js';
import { mayReportSpeech, SPEECH_VERB_FORMS } from '../src/ingest/speech-verbs.js';
import { CONDITIONS_SAMPLE, NATO_SAMPLE, SAMPLE_ARTICLES_DIR } from './helpers/corpus.js';

/** The sample format: the first line is the headline, captions are the lines without final punctuation. */
function loadSample(file: string): Paragraph[] {
  const text = readFileSync(path.join(SAMPLE_ARTICLES_DIR, file), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, kind: /[.!?]["'”’)]?$/.test(line) ? 'body' : 'caption' }));
}

const body = (...texts: string[]): Paragraph[] => texts.map((text) => ({ text, kind: 'body' }));

function attributed(paragraphs: readonly Paragraph[]) {
  const attributions = attributeQuotes(paragraphs);
  const quoted = (a: Attribution) => paragraphs[a.paragraph]!.text.slice(a.start, a.end);
  /** The attributions whose attributed text contains `fragment`. */
  const at = (fragment: string) => {
    // A misspelt fragment would make every "credits no one" assertion pass vacuously.
    expect(paragraphs.some((paragraph) => paragraph.text.includes(fragment))).toBe(true);
    return attributions.filter((a) => quoted(a).includes(fragment));
  };
  /** The names credited with the text containing `fragment`. */
  const speakersOf = (fragment: string) => at(fragment).map((a) => a.speaker.name);
  return { attributions, quoted, at, speakersOf };
}

describe('attributeQuotes on the NATO sample', () => {
  const paragraphs = loadSample(NATO_SAMPLE);
  const { attributions, quoted, at, speakersOf } = attributed(paragraphs);

  it("credits David Lammy's statements, including the unattributed paragraph that continues one", () => {
    expect(speakersOf('We continue to bear down the sanctions')).toEqual(['David Lammy']);
    expect(at('We continue to bear down the sanctions')[0]!.speaker).toEqual({
      name: 'David Lammy',
      surname: 'Lammy',
      role: 'British foreign minister',
    });
    expect(speakersOf('Lammy and and his French counterpart')).toEqual(['David Lammy']);
    expect(speakersOf('Our judgment is that Putin continues to obfuscate')).toEqual(['David Lammy']);
    expect(speakersOf('We see, Vladimir Putin. We know what youre doing.')).toEqual(['David Lammy']);
    expect(speakersOf('We are pledged to continue')).toEqual(['David Lammy']);
  });

  it('takes the sentences before an attribution that ends the paragraph into the quote', () => {
    const [judgment] = at('Our judgment is that');
    expect(quoted(judgment!)).toMatch(/^Our judgment is that .*, Lammy said\.$/);
  });

  it('credits Melanie Joly, Margus Tsahkna and Jean-Noel Barrot with their roles', () => {
    expect(at('there had to be consequences').map((a) => a.speaker)).toEqual([
      { name: 'Melanie Joly', surname: 'Joly', role: 'Canadian foreign minister' },
    ]);
    expect(at('There must be red lines in terms of a timetable').map((a) => a.speaker)).toEqual([
      { name: 'Margus Tsahkna', surname: 'Tsahkna', role: 'Estonian foreign minister' },
    ]);
    const barrot = { name: 'Jean-Noel Barrot', surname: 'Barrot', role: 'French foreign minister' };
    expect(at('Russia has been flip flopping').map((a) => a.speaker)).toEqual([barrot]);
    expect(at('our army chiefs will be in Kyiv').map((a) => a.speaker)).toEqual([barrot]);
  });

  it('resolves "he said" to Tsahkna, not to Putin named in brackets inside the quote', () => {
    const [quote, ...others] = at('he said as he arrived in Brussels');
    expect(others).toEqual([]);
    expect(quote!.speaker.name).toBe('Margus Tsahkna');
    expect(quoted(quote!)).toMatch(/^\(Russian president Vladimir Putin\) is asking more/);
    expect(attributions.some((a) => a.speaker.name.includes('Putin'))).toBe(false);
  });

  it('credits the British Ministry of Defence, also as "the ministry" and "the MoD"', () => {
    for (const fragment of ['up to 250,000 Russian soldiers', 'The ministry added', 'The MoD also accused']) {
      expect(speakersOf(fragment)).toEqual(['British Ministry of Defence']);
    }
  });

  it('credits named governments and cities', () => {
    expect(speakersOf('Paris said that the military chiefs')).toEqual(['Paris']);
    expect(speakersOf('Britain said it was time')).toEqual(['Britain', 'France']);
  });

  it('credits no one with generic, unattributed or caption text', () => {
    expect(speakersOf('a senior NATO official revealed')).toEqual([]);
    expect(speakersOf('according to the NATO official who spoke to DPA')).toEqual([]);
    expect(speakersOf('NATO leaders have warned Vladimir Putin')).toEqual([]);
    expect(speakersOf('Slavic Russians from urban centres')).toEqual([]);
    expect(attributions.filter((a) => paragraphs[a.paragraph]!.kind === 'caption')).toEqual([]);
  });
});

describe('attributeQuotes on the Putin conditions sample', () => {
  const { at, speakersOf } = attributed(loadSample(CONDITIONS_SAMPLE));

  it('credits Trump by his full name and role, not Putin whom he talked about', () => {
    expect(at('Trump famously said Putin was').map((a) => a.speaker)).toEqual([
      { name: 'Donald Trump', surname: 'Trump', role: 'US president' },
    ]);
  });

  it('credits Rustem Umerov with what he told reporters and with the "he said" sentence after it', () => {
    const umerov = { name: 'Rustem Umerov', surname: 'Umerov', role: 'Defence minister' };
    expect(at('told reporters that Kyiv officials').map((a) => a.speaker)).toEqual([umerov]);
    const [proposal] = at('Ukraine proposed further talks');
    expect(proposal!.speaker).toEqual(umerov);
    // Each sentence keeps its own span: the first is cued itself, so the second does not absorb it.
    expect(speakersOf('Defence minister Rustem Umerov')).toEqual(['Rustem Umerov']);
  });

  it('credits Zelensky in "with Zelensky saying"', () => {
    expect(speakersOf('with Zelensky saying it needs')).toContain('Volodymyr Zelensky');
  });

  it('credits no one with generic sources or sentences without a speech verb', () => {
    expect(speakersOf('officials said')).toEqual([]);
    expect(speakersOf('sources say')).toEqual([]);
    expect(speakersOf('A source warned Reuters')).toEqual([]);
    expect(speakersOf('the Ukrainian delegation said')).toEqual([]);
    expect(speakersOf('The Russian leader wants NATO')).toEqual([]);
  });
});

describe('attributeQuotes on written shapes', () => {
  it('resolves she to the person in subject position before', () => {
    const { speakersOf } = attributed(body('Jane Doe runs Acme Corp.', 'She said the plan would work.'));
    expect(speakersOf('She said')).toEqual(['Jane Doe']);
  });

  it('reads "according to X" before and after the words, and "said X" at the end', () => {
    const first = attributed(body('According to Acme spokesperson Jane Roe, the plan failed.'));
    expect(first.attributions.map((a) => a.speaker)).toEqual([
      { name: 'Jane Roe', surname: 'Roe', role: 'Acme spokesperson' },
    ]);
    expect(attributed(body('The plan failed, according to Jane Roe.')).speakersOf('plan')).toEqual([
      'Jane Roe',
    ]);
    expect(attributed(body('The plan will work, said John Smith.')).speakersOf('plan')).toEqual([
      'John Smith',
    ]);
  });

  it('gives a surname the full name and role seen earlier', () => {
    const { at } = attributed(
      body('President Emmanuel Macron arrived.', 'Macron added that the talks failed.'),
    );
    expect(at('Macron added').map((a) => a.speaker)).toEqual([
      { name: 'Emmanuel Macron', surname: 'Macron', role: 'President' },
    ]);
  });

  it('gives a knight named by title and first name the full name and role seen earlier', () => {
    const { at } = attributed(
      body(
        'Former Northern Ireland minister Sir Nicholas Scott has died at a London hospice.',
        'Sir Nicholas claimed strong painkillers had reacted badly with a small amount of alcohol.',
      ),
    );
    expect(at('Sir Nicholas claimed').map((a) => a.speaker)).toEqual([
      { name: 'Sir Nicholas Scott', surname: 'Scott', role: 'Former Northern Ireland minister' },
    ]);
  });

  it('looks past asides between the speaker and the verb, and keeps titles out of names', () => {
    const { speakersOf } = attributed(
      body(
        "Annalena Baerbock, Germany's foreign minister, said the talks failed.",
        "Germany's foreign minister, Annalena Baerbock, said the talks failed again.",
        'Zelenskyy, speaking in Kyiv, said the war would end.',
      ),
    );
    expect(speakersOf('the talks failed.')).toEqual(['Annalena Baerbock']);
    expect(speakersOf('the talks failed again')).toEqual(['Annalena Baerbock']);
    expect(speakersOf('speaking in Kyiv')).toEqual(['Zelenskyy']);
    const titled = attributeQuotes(
      body('Secretary of State Marco Rubio said no.', 'Commission President Ursula von der Leyen said yes.'),
    );
    expect(titled.map((a) => [a.speaker.name, a.speaker.role])).toEqual([
      ['Marco Rubio', 'Secretary of State'],
      ['Ursula von der Leyen', 'Commission President'],
    ]);
  });

  it('ignores passives, future speech and speakers inside reported words', () => {
    expect(attributeQuotes(body('Putin is said to be angry.'))).toEqual([]);
    expect(attributeQuotes(body('Smith will say more tomorrow.'))).toEqual([]);
    const { speakersOf } = attributed(body('Lavrov said Russia warned Kyiv.'));
    expect(speakersOf('Lavrov')).toEqual(['Lavrov']);
  });

  it('returns trimmed offsets into the paragraph text', () => {
    const paragraphs = body('   Officials met.  Smith said it was over.  ');
    const [attribution] = attributeQuotes(paragraphs);
    expect(attribution).toMatchObject({ paragraph: 0, speaker: { name: 'Smith' } });
    expect(paragraphs[0]!.text.slice(attribution!.start, attribution!.end)).toBe('Smith said it was over.');
  });
});

describe('attributeQuotes with namesakes in one article', () => {
  it('gives a bare surname to the person of that surname named nearest before it', () => {
    const { speakersOf } = attributed(
      body(
        'Venus Williams beat her sister in the final.',
        'Serena Williams said she was tired after a long season.',
        'Williams said it had been a tough match.',
        'Venus Williams said she had played well.',
        'Williams added that she was happy with her serve.',
      ),
    );
    expect(speakersOf('it had been a tough match')).toEqual(['Serena Williams']);
    expect(speakersOf('happy with her serve')).toEqual(['Venus Williams']);
  });

  it('prefers the relative named last to the better-known namesake named first', () => {
    const { speakersOf } = attributed(
      body(
        'Prime Minister Tony Blair arrived in Brussels on Monday.',
        'His wife Cherie Blair spoke at a charity dinner.',
        'Blair said the charity had raised a record sum.',
      ),
    );
    expect(speakersOf('raised a record sum')).toEqual(['Cherie Blair']);
  });

  it('gives a name written family name first to the person, when the story goes on with that name alone', () => {
    const { speakersOf, at } = attributed(
      body(
        'Chinese Premier Zhao Ziyang said China must cut excess demand.',
        'Zhao said state firms squander public funds.',
      ),
    );
    expect(speakersOf('squander public funds')).toEqual(['Zhao Ziyang']);
    expect(at('squander public funds')[0]!.speaker.role).toBe('Chinese Premier');
  });

  it('gives a name written family name first, never quoted in full, to the person named so before', () => {
    const { speakersOf } = attributed(
      body(
        'Yao spoke alongside Vice-Premiers Li Peng and Tian Jiyun.',
        'Li said the main lesson was to avoid excessive centralism.',
        'Ruling party chairman Roh Tae-woo was named the candidate.',
        'Roh said he would not stand down.',
      ),
    );
    expect(speakersOf('excessive centralism')).toEqual(['Li Peng']);
    expect(speakersOf('not stand down')).toEqual(['Roh Tae-woo']);
  });

  it('reads a family name written first as the subject "he" refers back to', () => {
    const { speakersOf } = attributed(
      body(
        'Vice-Premier Yao Yilin said the reshuffle would come in October.',
        'Vice-Premier Li Peng said China opposed rigid control.',
        'On Taiwan, Yao repeated Chinese policy. "We hope for peaceful means," he said.',
      ),
    );
    expect(speakersOf('peaceful means')).toEqual(['Yao Yilin']);
  });

  it('reads a name before another as a family name only after a role or before a hyphenated given name', () => {
    const { speakersOf } = attributed(
      body(
        'Morrison-Knudsen Corp said a joint venture with Martin Eby has received the contract.',
        'Martin said more contracts will be announced later.',
        'The yard was sold to Lin Chung-jung last year.',
        'Lin said scrapping would fall.',
      ),
    );
    expect(speakersOf('more contracts will be announced')).toEqual(['Martin']);
    expect(speakersOf('scrapping would fall')).toEqual(['Lin Chung-jung']);
  });

  it('keeps a surname ending an earlier full name before a name it begins', () => {
    const { speakersOf } = attributed(
      body('Analyst Scott Thompson and trader Ann Scott both left.', 'Scott said the market would fall.'),
    );
    expect(speakersOf('the market would fall')).toEqual(['Ann Scott']);
  });

  it('keeps a lone name that no earlier full name starts with as a person of its own', () => {
    const { speakersOf } = attributed(
      body('Premier Zhao Ziyang said growth would slow.', 'Li said grain prices would be capped.'),
    );
    expect(speakersOf('grain prices would be capped')).toEqual(['Li']);
  });
});

describe('attributeQuotes on reported speech', () => {
  it.each([
    ['Jack Straw has warned that the talks could fail.', 'Jack Straw'],
    ['Gordon Brown told the BBC the economy was strong.', 'Gordon Brown'],
    ['Michael Howard insisted his party would win the election.', 'Michael Howard'],
    ['According to Charles Kennedy, the war was illegal.', 'Charles Kennedy'],
    ['Speaking on BBC Radio 4, Michael Howard insisted his party would win.', 'Michael Howard'],
    ['Gordon Brown, speaking in Edinburgh, has warned that inflation may rise.', 'Gordon Brown'],
    ['Rafael Benitez admitted his side had been poor.', 'Rafael Benitez'],
    ['Jose Mourinho conceded that his side had been lucky.', 'Jose Mourinho'],
    ['Sven-Goran Eriksson predicted England would qualify.', 'Sven-Goran Eriksson'],
    ['Gordon Brown cautioned that taxes may rise.', 'Gordon Brown'],
  ])('credits "%s" to %s', (text, speaker) => {
    expect(attributeQuotes(body(text)).map((a) => a.speaker.name)).toEqual([speaker]);
  });

  it('keeps a time word opening the sentence out of the name and the role', () => {
    expect(
      attributeQuotes(body('Earlier Tony Blair said the plan had failed.')).map((a) => a.speaker),
    ).toEqual([{ name: 'Tony Blair', surname: 'Blair', role: null }]);
    expect(
      attributeQuotes(body('Later Tory leader Michael Howard said it was a disgrace.')).map((a) => a.speaker),
    ).toEqual([{ name: 'Michael Howard', surname: 'Howard', role: 'Tory leader' }]);
  });

  it('reads a role set off by commas after the name', () => {
    expect(
      attributeQuotes(body('Alan Greenspan, the Fed chairman, told Congress that growth was solid.')).map(
        (a) => a.speaker,
      ),
    ).toEqual([{ name: 'Alan Greenspan', surname: 'Greenspan', role: 'Fed chairman' }]);
  });

  it('credits no body named after a word of a title joined by "and"', () => {
    const { speakersOf } = attributed(
      body(
        'Maternity leave should be longer, the Trade and Industry Secretary has said.',
        'Apple and Motorola said they would work together.',
      ),
    );
    expect(speakersOf('Maternity leave should be longer')).toEqual([]);
    expect(speakersOf('work together')).toEqual(['Apple', 'Motorola']);
  });
});

describe('attributeQuotes with unnamed speakers', () => {
  const minister = 'Chief Minister Fabian Picardo said the referendum result was historic.';

  it('credits no one named with what an unnamed speaker said after a named one', () => {
    const { speakersOf } = attributed(
      body(minister, 'We are pleased with the turnout, an island spokeswoman said.'),
    );
    expect(speakersOf('We are pleased with the turnout')).toEqual([]);
    expect(speakersOf('the referendum result was historic')).toEqual(['Fabian Picardo']);
  });

  it.each([
    'We expect the count to finish tonight, another official said.',
    'One analyst said we should expect the count to finish tonight.',
    'Officials said we should expect the count to finish tonight.',
    'We expect the count to finish tonight, analysts said.',
    'According to a senior source, we expect the count to finish tonight.',
    'A spokeswoman for Picardo said we expect the count to finish tonight.',
    'A source close to the talks said we expect the count to finish tonight.',
  ])('does not continue the named speaker into "%s"', (text) => {
    expect(attributed(body(minister, text)).speakersOf('the count to finish tonight')).toEqual([]);
  });

  it('takes "she" after an unnamed speaker for that speaker, not for the person named before', () => {
    const { speakersOf } = attributed(
      body(minister, 'A spokeswoman said the count would finish tonight.', 'She said turnout was high.'),
    );
    expect(speakersOf('turnout was high')).toEqual([]);
  });

  it("keeps an unnamed speaker's sentence out of the words a later attribution gathers", () => {
    const { speakersOf } = attributed(
      body(`${minister} Turnout was high, an official said. We are ready, Picardo added.`),
    );
    expect(speakersOf('Turnout was high')).toEqual([]);
    expect(speakersOf('We are ready')).toEqual(['Fabian Picardo']);
  });

  it('takes "he" past a statement, a text and no speaker, to the person named before', () => {
    const { speakersOf } = attributed(
      body(
        'Finance Minister Mohamed Berrada said the aid was secured.',
        'A World Bank statement said the economy had improved.',
        'He told Reuters the plan could need more aid.',
      ),
    );
    expect(speakersOf('the plan could need more aid')).toEqual(['Mohamed Berrada']);
  });

  it('reads the speaker of "X in a message to Congress said" as X, not as an unnamed message', () => {
    const { speakersOf } = attributed(
      body(
        'President Reagan vetoed the highway bill.',
        'Reagan in a message to Congress said he had another plan.',
        'He said the states were running out of highway funds.',
      ),
    );
    expect(speakersOf('running out of highway funds')).toEqual(['Reagan']);
  });

  it('reads no unnamed speaker into a name that opens a sentence and is tagged plural', () => {
    const { speakersOf } = attributed(
      body(
        'Gene Moos, an aide to the leader, spoke on Monday.',
        'Moos predicted Congress will act this summer. Any package is unlikely to be large, he said.',
      ),
    );
    expect(speakersOf('Any package is unlikely')).toEqual(['Gene Moos']);
  });

  it('still resolves a definite description to the person named before', () => {
    const { speakersOf } = attributed(
      body(minister, 'The minister said we expect the count to finish tonight.'),
    );
    expect(speakersOf('the count to finish tonight')).toEqual(['Fabian Picardo']);
  });
});

describe('attributeQuotes on the fresh batch of questions (BBC sport, arts, business and politics)', () => {
  it('passes over a man the story calls "he" when resolving "she", to the woman the sentence is about', () => {
    const { speakersOf } = attributed(
      body(
        'Oscar-winner Andrea Arnold has been congratulated by the UK Film Council.',
        '"Short films pay off," said chief executive officer John Woodward. "It certainly pays off," he added.',
        'Arnold, from Dartford in Kent, described her victory as "truly overwhelming. I\'m really not used to this kind of thing," she said.',
      ),
    );
    expect(speakersOf('truly overwhelming')).toEqual(['Andrea Arnold']);
    // A first name both sexes bear ("Beryl" Sprinkel) or half of a double surname says nothing.
    const { speakersOf: others } = attributed(
      body(
        'Rudolph Penner said the budget process has broken down.',
        'Beryl Sprinkel said spending could be cut. He also suggested a line-item veto.',
        'Robin Leigh-Pemberton said the pact set no targets. He said the accord had brought Britain into a float.',
      ),
    );
    expect(others('line-item veto')).toEqual(['Beryl Sprinkel']);
    expect(others('brought Britain')).toEqual(['Robin Leigh-Pemberton']);
  });

  it('gives "he said" after a quote to the person the quote follows, not to the one quoted before', () => {
    const { speakersOf } = attributed(
      body(
        'Roger Federer added the Dubai title, but not before he was given a test by Ivan Ljubicic.',
        '"I really wanted to get off to a good start," Federer said.',
        '"But he came back, and that was a good effort on his side." Ljubicic was at a loss to explain his poor showing. "I didn\'t start badly. And with Roger, if you relax for a second it just goes very quick," he said. "After those first three games it was no match at all."',
      ),
    );
    expect(speakersOf('if you relax for a second')).toEqual(['Ivan Ljubicic']);
    // A quote opened again without a cue goes on with the speaker before it; narration does not.
    expect(speakersOf('no match at all')).toEqual(['Ivan Ljubicic']);
    expect(speakersOf('at a loss to explain')).toEqual([]);
  });

  it('reads the speaker after a ranking ("said eighth seed Agassi") with no role, and no conjunction in a name', () => {
    const { at, speakersOf } = attributed(
      body(
        'Fifth seed Carlos Moya lost. Moya said: "Something was wrong today."',
        'Andre Agassi won. "No one was more concerned than myself," said eighth seed Agassi. He plays Patience next.',
        '"He makes you run like a dog all over the court." And Agassi, who was matched for power, said Melzer was an example.',
      ),
    );
    expect(at('Something was wrong').map((a) => a.speaker)).toEqual([
      { name: 'Carlos Moya', surname: 'Moya', role: null },
    ]);
    expect(at('No one was more concerned').map((a) => a.speaker)).toEqual([
      { name: 'Andre Agassi', surname: 'Agassi', role: null },
    ]);
    expect(speakersOf('Melzer was an example')).toEqual(['Andre Agassi']);
    expect(speakersOf('run like a dog')).toEqual([]);
  });

  it("keeps another player's quote before a closing attribution out of it", () => {
    const { speakersOf } = attributed(
      body(
        'Andy Roddick dropped a set. "I\'m not playing great," he said. "But I\'m through." It is the 12th time that Agassi has progressed. "I got real patient," said Agassi.',
      ),
    );
    expect(speakersOf("But I'm through")).toEqual(['Andy Roddick']);
    expect(speakersOf('I got real patient')).toEqual(['Agassi']);
    expect(speakersOf('12th time')).toEqual([]);
  });

  it('reads "saying:" after another verb as the subject\'s words, in a sentence a number ends before', () => {
    const paragraphs = body(
      'The trial of Emilio Botin, the chairman of Santander, has started.',
      'Both executives stepped down in 2001. As he arrived at court, Mr Botin greeted the waiting media, saying: "I have full faith in justice."',
    );
    const { at, quoted } = attributed(paragraphs);
    const [quote, ...others] = at('full faith in justice');
    expect(others).toEqual([]);
    expect(quote!.speaker.name).toBe('Emilio Botin');
    expect(quoted(quote!)).toMatch(/^As he arrived/);
  });

  it('reads verbs that judge what someone said as reporting speech: dismissed, hailed, praised, criticised', () => {
    const { at } = attributed(
      body(
        'U.S. Agriculture Secretary Richard Lyng warned Japan on the beef quota.',
        'Lyng dismissed recent statements in Tokyo that Japan might retaliate against U.S. products.',
        'Treasury Secretary James Baker sharply criticised a recent rise in West German money market rates.',
      ),
    );
    expect(at('might retaliate')[0]?.speaker.name).toBe('Richard Lyng');
    expect(at('West German money market')[0]?.speaker.name).toBe('James Baker');
  });

  it('keeps titles out of names: "Speaker Michael Martin", "Chancellor of the Exchequer Nigel Lawson"', () => {
    const { at } = attributed(
      body(
        'MPs will be thrown out if they use Blackberries in the chamber Speaker Michael Martin has ruled.',
        'Mr Martin revealed some MPs had been using their Blackberries.',
        'Chancellor of the Exchequer Nigel Lawson said taxes would fall.',
      ),
    );
    expect(at('Mr Martin revealed').map((a) => a.speaker.name)).toEqual(['Michael Martin']);
    expect(at('Mr Martin revealed')[0]!.speaker.role).toMatch(/Speaker$/);
    expect(at('taxes would fall').map((a) => a.speaker)).toEqual([
      { name: 'Nigel Lawson', surname: 'Lawson', role: 'Chancellor of the Exchequer' },
    ]);
  });

  it('reads a company by every word before its suffix, and by its first words later', () => {
    const { speakersOf } = attributed(
      body(
        'Unisys Corp said it would cut jobs.',
        'Michigan General Corp said sales rose.',
        "The index will change, Standard and Poor's Corp said.",
        'Eli Lilly and Co said it won approval. Lilly said the drug would sell well.',
        'Unocal Corp said it would open centres. Unocal said prices would not rise.',
        'General Motors Corp said it would offer loans. General Motors said buyers could choose.',
        "Consolidated Natural Gas System's Consolidated Gas Transmission Corp said it complied.",
      ),
    );
    expect(speakersOf('cut jobs')).toEqual(['Unisys Corp']);
    expect(speakersOf('sales rose')).toEqual(['Michigan General Corp']);
    expect(speakersOf('The index will change')).toEqual(["Standard and Poor's Corp"]);
    expect(speakersOf('won approval')).toEqual(['Eli Lilly and Co']);
    expect(speakersOf('prices would not rise')).toEqual(['Unocal Corp']);
    expect(speakersOf('buyers could choose')).toEqual(['General Motors Corp']);
    expect(speakersOf('it complied')).toEqual(['Consolidated Gas Transmission Corp']);
  });
});

describe('attributeQuotes on the fourth batch of questions (roles after a name, ages, the next sentence)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('reads a role after a name whose closing comma is left out, but not after a name in narration', () => {
    const paragraphs = body(
      '"We have cancelled flights," Michael Lamberty, a Lufthansa spokesman told the BBC.',
      'The deal was signed by John Smith, a company spokesman said.',
      'Imports will fall. Government, a GATT spokesman said.',
      'Prices rose against the U.S. Unit, analysts said.',
    );
    // Not "Government" with the role "GATT spokesman": GATT's own words, given by its spokesman.
    expect(rolesOf(paragraphs, 'Imports will fall')).toEqual([['GATT', 'spokesman']]);
    expect(rolesOf(paragraphs, 'Prices rose')).toEqual([]);
    expect(rolesOf(paragraphs, 'cancelled flights')).toEqual([['Michael Lamberty', 'Lufthansa spokesman']]);
    expect(rolesOf(paragraphs, 'The deal was signed')).toEqual([]);
  });

  it('reads a role at an organisation after a name, and a name after a linking word', () => {
    const paragraphs = body(
      'However, Matt Williams, a fund manager at Perpetual Trustees said taking the stake was a precursor.',
      'Shares fell. Ann Lee, an economist at Barclays, said rates would rise.',
    );
    expect(rolesOf(paragraphs, 'taking the stake')).toEqual([
      ['Matt Williams', 'fund manager at Perpetual Trustees'],
    ]);
    expect(rolesOf(paragraphs, 'rates would rise')).toEqual([['Ann Lee', 'economist at Barclays']]);
  });

  it('reads initials compromise takes for a unit of time as part of the role ("SEC", "HR")', () => {
    const paragraphs = body(
      'Disney did not disclose payments to Roy Disney. "Shareholders have a significant interest," said SEC ' +
        'deputy enforcement director Linda Thomsen.',
    );
    expect(rolesOf(paragraphs, 'Shareholders have')).toEqual([
      ['Linda Thomsen', 'SEC deputy enforcement director'],
    ]);
  });

  it('credits "quoted X as saying" to whom the paper quoted, not to the paper', () => {
    const paragraphs = body(
      'Mobil plans to open an office in Peking, the China Daily said.',
      'It quoted Mobil president Richard Tucker, currently in Peking, as saying he is optimistic about China.',
      'Exxon chairman Lee Raymond visited Peking. The paper quoted him as saying output would rise.',
      'Paul Tucker was widely quoted as saying rates would stay. The agency quoted an official as saying so.',
    );
    expect(rolesOf(paragraphs, 'he is optimistic')).toEqual([['Richard Tucker', 'Mobil president']]);
    expect(rolesOf(paragraphs, 'output would rise')).toEqual([['Lee Raymond', 'Exxon chairman']]);
    expect(rolesOf(paragraphs, 'rates would stay')).toEqual([['Paul Tucker', null]]);
    expect(rolesOf(paragraphs, 'quoted an official')).toEqual([]);
  });

  it('keeps an age out of a role', () => {
    const paragraphs = body(
      'England picked 18-year-old centre Mathew Tait.',
      '"I look forward to it," said Tait.',
      'Their 17-year-old Donald Young lost. "It was hard," said Young.',
    );
    expect(rolesOf(paragraphs, 'I look forward')).toEqual([['Mathew Tait', 'centre']]);
    expect(rolesOf(paragraphs, 'It was hard')).toEqual([['Donald Young', null]]);
  });

  it('gives a named speaker the role the next sentence has as its subject, unless someone holds it', () => {
    const paragraphs = body(
      'Curfews could be used if court orders were defied, Lord Falconer said. The constitutional affairs ' +
        'secretary outlined some of the plans on Tuesday.',
      'Later the secretary said mediation could help.',
      'Foreign Secretary Jack Straw said it was hard. Talks would go on, Mr Smith said. The foreign secretary left.',
    );
    expect(rolesOf(paragraphs, 'Curfews could be used')).toEqual([
      ['Lord Falconer', 'constitutional affairs secretary'],
    ]);
    expect(rolesOf(paragraphs, 'mediation could help')).toEqual([
      ['Lord Falconer', 'constitutional affairs secretary'],
    ]);
    expect(rolesOf(paragraphs, 'Talks would go on')).toEqual([['Smith', null]]);
    const others = body(
      'Police must be part of the community, Mr Blunkett said. The prime minister said the law should change.',
      '"It is hard," Ryan Giggs said. "The manager has always wanted me to play."',
      'The judge erred on three points, Michael Arnold told Reuters. The judge ruled on Friday.',
    );
    expect(rolesOf(others, 'The judge erred')).toEqual([['Michael Arnold', null]]);
    expect(rolesOf(others, 'Police must be')).toEqual([['Blunkett', null]]);
    expect(rolesOf(others, 'It is hard')).toEqual([['Ryan Giggs', null]]);
  });
});

describe('attributeQuotes on roles and organisations asked about (titles with "for" and "and", firms)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('reads a title with "of", "for" and "and" before a name as the role, not as part of the name', () => {
    const paragraphs = body(
      'Secretary of State for Trade and Industry Paul Channon said the injection would ensure a sound balance sheet.',
      'Minister of Mines and Energy Subroto said prices would rise.',
      'Minister of Energy Subroto and Trade Minister Rachmat Saleh said output would fall.',
      'A spokeswoman for Picardo said we expect the count to finish tonight.',
      'Australian Minister for Trade Negotiations Michael Duffy said the group was strong.',
      'Officers of Korth and PaineWebber said the notes were selling quickly.',
    );
    expect(rolesOf(paragraphs, 'the group was strong')).toEqual([
      ['Michael Duffy', 'Australian Minister for Trade Negotiations'],
    ]);
    expect(rolesOf(paragraphs, 'selling quickly')).toEqual([['PaineWebber', null]]);
    expect(rolesOf(paragraphs, 'sound balance sheet')).toEqual([
      ['Paul Channon', 'Secretary of State for Trade and Industry'],
    ]);
    expect(rolesOf(paragraphs, 'prices would rise')).toEqual([['Subroto', 'Minister of Mines and Energy']]);
    expect(rolesOf(paragraphs, 'output would fall')).toEqual([
      ['Subroto', 'Minister of Energy'],
      ['Rachmat Saleh', 'Trade Minister'],
    ]);
    expect(rolesOf(paragraphs, 'the count to finish')).toEqual([]);
  });

  it('reads a role after a name that ends in "of ..." or joins two offices with "and"', () => {
    const paragraphs = body(
      'Willy de Clercq, External Relations Commissioner of the European Communities, told a news conference that talks would be long.',
      '"The outlook bodes well for earnings this year," Burnell Roberts, chairman and chief executive officer said.',
    );
    expect(rolesOf(paragraphs, 'talks would be long')).toEqual([
      ['Willy de Clercq', 'External Relations Commissioner of the European Communities'],
    ]);
    expect(rolesOf(paragraphs, 'bodes well')).toEqual([
      ['Burnell Roberts', 'chairman and chief executive officer'],
    ]);
  });

  it('reads a firm named with a comma, and "the company" as the company named before', () => {
    const { speakersOf } = attributed(
      body(
        'Goldman, Sachs and Co, responding to the indictment of its arbitrage chief, said it believes he did not break the law.',
        '"We continue to believe in him," the company said in a statement.',
        'Meanwhile, Unocal Corp said it would open centres.',
      ),
    );
    expect(speakersOf('did not break the law')).toContain('Goldman Sachs and Co');
    expect(speakersOf('We continue to believe')).toEqual(['Goldman Sachs and Co']);
    expect(speakersOf('open centres')).toEqual(['Unocal Corp']);
  });

  it('reads "it said" as the body that spoke last, never a person or an unnamed speaker', () => {
    const { speakersOf } = attributed(
      body(
        'The FHLBB said Perpetual Savings Bank was put into receivership because it was insolvent.',
        'It said the insolvency "was a direct result of losses on speculative investments."',
        'It added Australia should reduce protection levels in manufacturing.',
        'Edwin Gray, the board chairman, said more thrifts would fail.',
        'It said the fund was short of money.',
        'Officials said the rules were clear. It said nothing else.',
      ),
    );
    expect(speakersOf('losses on speculative')).toEqual(['FHLBB']);
    expect(speakersOf('reduce protection levels')).toEqual(['FHLBB']);
    expect(speakersOf('short of money')).toEqual([]);
    expect(speakersOf('nothing else')).toEqual([]);
  });

  it('reads an "it" beside a speaker named in the same sentence as that speaker, not the body before', () => {
    const { speakersOf } = attributed(
      body(
        "The country's Court of Appeal cleared him, saying the link was not illegal.",
        'However, the Supreme Court stated that the music was published in violation of copyright law It added that the case was decided on his responsibility.',
      ),
    );
    expect(speakersOf('decided on his responsibility')).toEqual(['Supreme Court']);
  });

  it('reads "the bank holding company" and "the banking firm" as the company named before', () => {
    const { speakersOf } = attributed(
      body(
        'BankAmerica Corp may place its loans to Brazil on nonaccrual status.',
        'BankAmerica said its loans to Brazil total about 2.7 billion dlrs.',
        '"Continued deferral could result in the loans being placed on nonaccrual status," the banking firm said.',
        'The Commerce Department said exports rose.',
        'Exports will rise, the bank holding company said.',
      ),
    );
    expect(speakersOf('Continued deferral')).toEqual(['BankAmerica']);
    expect(speakersOf('Exports will rise')).toEqual(['BankAmerica']);
  });

  it('reads "the company" before any company spoke as the company its sentence or the one before names', () => {
    const { speakersOf } = attributed(
      body(
        'BankAmerica Corp may place its long-term loans to Brazil on nonaccrual status, the bank holding company said.',
        'Unocal Corp shares rose sharply on Monday.',
        'The rise reflected strong demand, the company said.',
      ),
    );
    expect(speakersOf('nonaccrual status')).toEqual(['BankAmerica Corp']);
    expect(speakersOf('strong demand')).toEqual(['BankAmerica Corp']);
    const alone = attributed(
      body('Shares of Unocal Corp rose sharply.', 'Demand was strong, the company said.'),
    );
    expect(alone.speakersOf('Demand was strong')).toEqual(['Unocal Corp']);
  });

  it('reads "the company" as a company named whole, not a name that ends another company\'s', () => {
    const { speakersOf } = attributed(
      body(
        'Jones and Vining Inc said it has started a tender offer for its own shares.',
        'Counsel are seeking fees of up to 10 cts per share, Jones and Vining said.',
        'The company said the court has scheduled a hearing.',
      ),
    );
    expect(speakersOf('scheduled a hearing')).toEqual(['Jones and Vining Inc']);
  });
});

describe('attributeQuotes on the fifth batch of questions (described as, quoted as saying, a name of a firm)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('reads "X described Y as" with quoted words as X\'s words, and not without them or in a passive', () => {
    const paragraphs = body(
      'Accepting his prize, DiCaprio described director Martin Scorsese as "one of the greatest contributors".',
      'Analyst Jane Roe described the results as disappointing.',
      'The plan was described as "a disaster" by Smith.',
    );
    expect(rolesOf(paragraphs, 'greatest contributors')).toEqual([['DiCaprio', null]]);
    expect(rolesOf(paragraphs, 'disappointing')).toEqual([]);
    expect(rolesOf(paragraphs, 'a disaster')).toEqual([]);
  });

  it('credits whom a spokesman "quoted as saying", not the spokesman', () => {
    const paragraphs = body(
      'Visiting Under-Secretary Allen Wallis met Eishiro Saito on Monday.',
      'The spokesman quoted Wallis as saying drastic measures would be needed.',
      'Wallis was quoted as saying the administration wants cooperation.',
      'He was also quoted as saying Japan should halve its import curbs, the spokesman said.',
      'Officials quoted him as saying talks would go on.',
    );
    for (const fragment of ['drastic measures', 'wants cooperation', 'halve its import', 'talks would go on'])
      expect(rolesOf(paragraphs, fragment)).toEqual([['Allen Wallis', 'Under-Secretary']]);
  });

  it('reads "X of Y Inc" as the person X with the firm Y as the role, never a surname "Inc"', () => {
    const paragraphs = body(
      '"Copper prices should move up," said Daniel Roling of Merrill Lynch and Co <MER>.',
      'But Nick Toufexis of Prudential-Bache Securities Inc says Newmont Mining is a more attractive investment.',
      '"I\'d be buying up to 90," Toufexis said.',
      '"A rise is likely," said Allan Leslie of Discount Corp.',
      'Analyst Lawrence Cohn of Merrill Lynch and Co said the stock was cheap.',
      'The Bank of England said rates would stay.',
      '"Costs are low," said Vahid Fathi of Prescott Ball and Turben Inc. "The shares will rise," he said.',
      'General Motors of Canada Ltd said sales fell.',
      'Morgan Guaranty Trust Co of New York said banks would lend.',
      '"The jury is still out," said Leslie of Discount Corp. He said pressures had pushed rates up.',
    );
    const credits = attributeQuotes(paragraphs).map(({ speaker }) => speaker);
    expect(credits).toEqual([
      { name: 'Daniel Roling', surname: 'Roling', role: 'Merrill Lynch and Co' },
      { name: 'Nick Toufexis', surname: 'Toufexis', role: 'Prudential-Bache Securities Inc' },
      { name: 'Nick Toufexis', surname: 'Toufexis', role: 'Prudential-Bache Securities Inc' },
      { name: 'Allan Leslie', surname: 'Leslie', role: 'Discount Corp' },
      { name: 'Lawrence Cohn', surname: 'Cohn', role: 'Analyst of Merrill Lynch and Co' },
      { name: 'Bank of England', surname: 'England', role: null },
      { name: 'Vahid Fathi', surname: 'Fathi', role: 'Prescott Ball and Turben Inc' },
      { name: 'Vahid Fathi', surname: 'Fathi', role: 'Prescott Ball and Turben Inc' },
      { name: 'General Motors of Canada Ltd', surname: 'Ltd', role: null },
      { name: 'Morgan Guaranty Trust Co of New York', surname: 'York', role: null },
      { name: 'Allan Leslie', surname: 'Leslie', role: 'Discount Corp' },
      { name: 'Allan Leslie', surname: 'Leslie', role: 'Discount Corp' },
    ]);
  });

  it('looks past an aside set off by spaced dashes to the speaker, and takes "he" after it for him', () => {
    const paragraphs = body(
      'Mr Blair made the apology. However, one of the Guildford Four, Gerry Conlon - who was wrongly ' +
        'convicted of planting the bombs - said the families were delighted. He said Mr Blair had spoken ' +
        'with "such sincerity".',
    );
    expect(rolesOf(paragraphs, 'the families were delighted')).toEqual([['Gerry Conlon', null]]);
    expect(rolesOf(paragraphs, 'such sincerity')).toEqual([['Gerry Conlon', null]]);
  });

  it('reads no credit in a title with "According to", but still "According to X," opening a sentence', () => {
    const paragraphs = body(
      'Jessica Stevenson will star in new BBC One sitcom, The World According to Bex, penned by Fred Barron.',
      'According to Bex Smith, the show will run for a year.',
    );
    expect(rolesOf(paragraphs, 'Jessica Stevenson')).toEqual([]);
    expect(rolesOf(paragraphs, 'the show will run')).toEqual([['Bex Smith', null]]);
  });
});

describe("attributeQuotes on the reported-speech misses (a company's spokesman, a company and a person of one name)", () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it("credits a body's nameless spokesperson to the body, as its spokesperson, and a person's to no one", () => {
    const paragraphs = body(
      'Firestone Tire and Rubber Co has notified the union it will close three tire plants.',
      'A Firestone spokesman said the cost of the closings will be covered by a restructuring charge.',
      'Firestone said it has been discussing the sale of two plants.',
      'A Treasury spokeswoman said the auction would go ahead.',
      'An island spokeswoman said the port would stay open.',
      'A British spokesman said talks would resume.',
      'A spokesman for Picardo said he was confident.',
      'A Reagan spokesman said the president was resting.',
      'A Lloyds Shipping Intelligence spokesman said the ship was carrying lead.',
    );
    expect(rolesOf(paragraphs, 'cost of the closings')).toEqual([['Firestone', 'spokesman']]);
    expect(rolesOf(paragraphs, 'sale of two plants')).toEqual([['Firestone', null]]);
    expect(rolesOf(paragraphs, 'auction would go ahead')).toEqual([['Treasury', 'spokeswoman']]);
    expect(rolesOf(paragraphs, 'carrying lead')).toEqual([['Lloyds Shipping Intelligence', 'spokesman']]);
    for (const fragment of ['port would stay open', 'talks would resume', 'he was confident', 'was resting'])
      expect(rolesOf(paragraphs, fragment)).toEqual([]);
  });

  it('takes a surname a company that spoke begins with for the company, not a person only named since', () => {
    const paragraphs = body(
      'Taft Broadcasting Co said its board decided not to accept the proposal of Theta Corp, an investor group led by Dudley Taft.',
      'Taft said the board concluded that the offer failed to recognize the future prospects of the company.',
      'Later Dudley Taft said the group would raise its bid. Taft said financing was in place.',
    );
    expect(rolesOf(paragraphs, 'failed to recognize')).toEqual([['Taft Broadcasting Co', null]]);
    expect(rolesOf(paragraphs, 'financing was in place')).toEqual([['Dudley Taft', null]]);
  });

  it('reads "X and X" as one company, and a body named on through "for" or "of" and "and" whole', () => {
    const paragraphs = body(
      'Reynolds and Reynolds said that it filed a countersuit against Advanced Voice Technologies.',
      'In the countersuit, Reynolds claimed that Advanced used its proprietary information.',
      'Britain and France said they agreed.',
      'The Organisation for Economic Cooperation and Development said Australia should reduce protection.',
      'The Ministry of International Trade and Industry said output fell.',
      'The Bank of England and the Treasury said rates would stay.',
    );
    expect(rolesOf(paragraphs, 'filed a countersuit')).toEqual([['Reynolds and Reynolds', null]]);
    expect(rolesOf(paragraphs, 'proprietary information')).toEqual([['Reynolds and Reynolds', null]]);
    expect(rolesOf(paragraphs, 'they agreed')).toEqual([
      ['Britain', null],
      ['France', null],
    ]);
    expect(rolesOf(paragraphs, 'reduce protection')).toEqual([
      ['Organisation for Economic Cooperation and Development', null],
    ]);
    expect(rolesOf(paragraphs, 'output fell')).toEqual([
      ['Ministry of International Trade and Industry', null],
    ]);
    expect(rolesOf(paragraphs, 'rates would stay')).toEqual([
      ['Bank of England', null],
      ['Treasury', null],
    ]);
  });
});

describe('attributeQuotes on the ninth batch (bodies, names and cues read wrong at ingest)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('reads "General Motors" whole, not as "Motors" with the role "General", and "GM" as it', () => {
    const paragraphs = body(
      'General Motors has warned that it expects earnings this year to be lower than in 2004.',
      'GM said higher healthcare costs would hurt.',
      'General Colin Powell said the troops would stay.',
    );
    expect(rolesOf(paragraphs, 'earnings this year')).toEqual([['General Motors', null]]);
    expect(rolesOf(paragraphs, 'healthcare costs')).toEqual([['General Motors', null]]);
    expect(rolesOf(paragraphs, 'troops would stay')).toEqual([['Colin Powell', 'General']]);
  });

  it('keeps a hyphened given name after a family name whole, and a hyphened role out of a name', () => {
    const paragraphs = body(
      'Vice economic minister Wang Chien-shien told Reuters: the surplus will shrink this year.',
      'Taiwan central bank governor Wang Chao-ming said the currency would rise.',
      'Oscar-winner Andrea Arnold said the film was hers.',
    );
    expect(rolesOf(paragraphs, 'surplus will shrink')).toEqual([
      ['Wang Chien-shien', 'Vice economic minister'],
    ]);
    expect(rolesOf(paragraphs, 'currency would rise')).toEqual([
      ['Wang Chao-ming', 'Taiwan central bank governor'],
    ]);
    expect(rolesOf(paragraphs, 'film was hers')).toEqual([['Andrea Arnold', 'Oscar-winner']]);
  });

  it('reads "X himself said" and a surname compromise tags a verb as the speaker, and "he" after them', () => {
    const paragraphs = body(
      'Central bank governor Francisco Gros met bankers in New York.',
      'Other U.S. Banks have also warned of earnings setbacks.',
      'Gros himself said pushing the problem away for 90 days at a time is not very useful.',
      '"If the flow of funds dries up, a country like Brazil can\'t meet all its obligations," he said.',
    );
    expect(rolesOf(paragraphs, 'pushing the problem')).toEqual([['Francisco Gros', 'Central bank governor']]);
    expect(rolesOf(paragraphs, 'flow of funds')).toEqual([['Francisco Gros', 'Central bank governor']]);
  });

  it('reads no cue inside quoted words, in a work written or a story told, or in a book its author owns', () => {
    const paragraphs = body(
      'Michelle Paver\'s Wolf Brother is the first in a series. The director said he was "thrilled". "Wolf Brother is an enchanting book," he said.',
      'Wolf Brother tells the story of Torak. Paver is currently writing the second book.',
      '"Michelle Paver lives and breathes the worlds she writes about," said a spokesman for the author.',
      'Michelle Paver wrote that the forest was her home.',
    );
    for (const fragment of ['enchanting book', 'tells the story', 'second book', 'lives and breathes'])
      expect(rolesOf(paragraphs, fragment)).toEqual([]);
    expect(rolesOf(paragraphs, 'forest was her home')).toEqual([['Michelle Paver', null]]);
  });

  it('still credits a person a firm\'s possessive names ("ABN Amro\'s Eddie Wong")', () => {
    const paragraphs = body(
      '"It is not necessarily a really big thing in the economic sense," said ABN Amro\'s Eddie Wong.',
      "Morgan Stanley's David Hill said Philip Morris would earn 7.75 dlrs a share this year.",
    );
    expect(rolesOf(paragraphs, 'big thing')).toEqual([['Eddie Wong', "ABN Amro's"]]);
    expect(rolesOf(paragraphs, 'would earn')).toEqual([['David Hill', "Morgan Stanley's"]]);
  });

  it('reads "labelled" with quoted words as speech, and a verb after "and" as its subject\'s', () => {
    const paragraphs = body(
      'Liverpool chief executive Rick Parry spoke to the BBC.',
      'Parry labelled the deal "an eye-opener" and admits Liverpool would be missing a trick.',
      'Parry labelled the boxes and moved on.',
      'Citicorp posted a loss and said it would cut jobs.',
    );
    expect(rolesOf(paragraphs, 'eye-opener')).toEqual([['Rick Parry', 'Liverpool chief executive']]);
    expect(rolesOf(paragraphs, 'labelled the boxes')).toEqual([]);
    expect(rolesOf(paragraphs, 'cut jobs')).toEqual([['Citicorp', null]]);
  });
});

describe('attributeQuotes on the fourteenth batch (surnames, roles, joint subjects and "she" missed)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('reads a surname ending in "s" that opens a sentence as the person named before, not a plural', () => {
    const paragraphs = body(
      'European Community Commission President Jacques Delors called for a swift meeting of the G-7.',
      'Delors said the current problems in the markets had been caused by excessive growth in trading.',
      'Officials said the meeting would be held soon.',
      'Mellors said the shares were cheap.',
    );
    const delors = ['Jacques Delors', 'European Community Commission President'];
    expect(rolesOf(paragraphs, 'current problems')).toEqual([delors]);
    expect(rolesOf(paragraphs, 'held soon')).toEqual([]);
    // No one named Mellors before: a plural, as "Officials" is.
    expect(rolesOf(paragraphs, 'shares were cheap')).toEqual([]);
  });

  it('credits "Name, role of a body said" to the person after reported words, not to the body', () => {
    const paragraphs = body(
      "Coffee prices could drop to 70 cents a lb, Jorge Cardenas, manager of Colombia's National Coffee Growers' Federation said.",
      "Registrations remain open, Gilberto Arango, president of the private exporters' association said.",
      '"The philosophy of the new policy is not to close registrations," he told Reuters.',
      'The deal was signed by John Smith, a company spokesman said.',
      'The contract went to its chairman, John Smith, a company spokesman said.',
    );
    expect(rolesOf(paragraphs, 'could drop')).toEqual([
      ['Jorge Cardenas', "manager of Colombia's National Coffee Growers Federation"],
    ]);
    const arango = ['Gilberto Arango', 'president of the private exporters association'];
    expect(rolesOf(paragraphs, 'remain open')).toEqual([arango]);
    expect(rolesOf(paragraphs, 'not to close')).toEqual([arango]);
    expect(rolesOf(paragraphs, 'signed by John Smith')).toEqual([]);
    expect(rolesOf(paragraphs, 'contract went')).toEqual([]);
  });

  it('reads a person and a company joined by "and" as two speakers, and a later surname as the person', () => {
    const paragraphs = body(
      'Dudley Taft and Narragansett Capital Inc said it was prepared to raise its bid to more than 150 dlrs.',
      'Taft said he was prepared to negotiate a transaction.',
      'Eli Lilly and Co said sales rose.',
      'Kelley Oil and Gas Partners Ltd said it has agreed to buy the properties.',
    );
    expect(rolesOf(paragraphs, 'raise its bid')).toEqual([
      ['Dudley Taft', null],
      ['Narragansett Capital Inc', null],
    ]);
    expect(rolesOf(paragraphs, 'negotiate')).toEqual([['Dudley Taft', null]]);
    expect(rolesOf(paragraphs, 'sales rose')).toEqual([['Eli Lilly and Co', null]]);
    // "Oil" is a common noun, no surname, whatever the first name before it.
    expect(rolesOf(paragraphs, 'agreed to buy')).toEqual([['Kelley Oil and Gas Partners Ltd', null]]);
  });

  it('credits an aside naming a person with a role of their own as the subject', () => {
    const paragraphs = body(
      'Another CBT official, executive vice president George Sladoje, said the issue would be discussed this Friday.',
      'His rival, the chairman, said the bid was fair.',
      'The forces are on alert, General Guven Ergenc, Secretary General of the Turkish General Staff, told a news conference.',
    );
    expect(rolesOf(paragraphs, 'discussed this Friday')).toEqual([
      ['George Sladoje', 'executive vice president'],
    ]);
    expect(rolesOf(paragraphs, 'bid was fair')).toEqual([]);
    // A name before the aside is the speaker, the aside its role.
    expect(rolesOf(paragraphs, 'on alert')).toEqual([['Guven Ergenc', 'General']]);
  });

  it('finds the subject after an opening clause and past "last month" or "as recently as" a date', () => {
    const paragraphs = body(
      'While confirming that aim, Prime Minister Margaret Thatcher last month seemed to dash speculation. She said in a television interview that it would happen "Eventually. But I think it will be eventually."',
      'Lawson as recently as December 17 said that "I very much doubt whether there will be much scope."',
    );
    expect(rolesOf(paragraphs, 'television interview')).toEqual([['Margaret Thatcher', 'Prime Minister']]);
    expect(rolesOf(paragraphs, 'much scope')).toEqual([['Lawson', null]]);
  });
});

describe('attributeQuotes on organisations read wrong at ingest (sixteenth batch)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('reads a firm joined by "and" or "&" without a suffix as one speaker', () => {
    const paragraphs = body(
      'S and P said it lowered the debt of Acme Inc to BB.',
      "Standard and Poor's said it is reviewing two eurobond issues for a possible downgrade.",
      'It said the review followed the merger.',
      '"Things are getting worse," said David Wyss of Standard & Poor\'s.',
      'AT and T said it cut prices.',
      'D and N Savings Bank said it applied to open three branches.',
      'Smith and Jones said the deal was off.',
    );
    expect(rolesOf(paragraphs, 'lowered the debt')).toEqual([['S and P', null]]);
    expect(rolesOf(paragraphs, 'two eurobond issues')).toEqual([["Standard and Poor's", null]]);
    // An organisation: "it said" goes to it.
    expect(rolesOf(paragraphs, 'followed the merger')).toEqual([["Standard and Poor's", null]]);
    expect(rolesOf(paragraphs, 'getting worse')).toEqual([['David Wyss', "Standard & Poor's"]]);
    expect(rolesOf(paragraphs, 'cut prices')).toEqual([['AT and T', null]]);
    expect(rolesOf(paragraphs, 'three branches')).toEqual([['D and N Savings Bank', null]]);
    // Two names with no possessive or initials stay two speakers.
    expect(rolesOf(paragraphs, 'deal was off')).toEqual([
      ['Smith', null],
      ['Jones', null],
    ]);
  });

  it('credits "The <body> spokesman said" to the body, or to the spokesman named before', () => {
    const paragraphs = body(
      'A MITI spokesman said his ministry had asked chipmakers to issue certificates.',
      'The MITI spokesman said, "If the percentage of grey market is increasing, we will ask them."',
      'Hitachi spokesman Taro Yamada said output would fall.',
      'The Hitachi spokesman said the cuts were small.',
    );
    expect(rolesOf(paragraphs, 'grey market')).toEqual([['MITI', 'spokesman']]);
    expect(rolesOf(paragraphs, 'cuts were small')).toEqual([['Taro Yamada', 'Hitachi spokesman']]);
  });

  it("passes over a body's initials set off after its name", () => {
    const paragraphs = body(
      'Regulations should be revised, Robert Davis, a commissioner on the Commodity Futures Trading Commission, CFTC, said.',
      'The Ministry of International Trade and Industry, MITI, said it would act.',
    );
    expect(rolesOf(paragraphs, 'should be revised')).toEqual([['Robert Davis', null]]);
    expect(rolesOf(paragraphs, 'would act')).toEqual([
      ['Ministry of International Trade and Industry', null],
    ]);
  });

  it('reads a name on past its middle initial, and stores it without the initial', () => {
    const paragraphs = body(
      'Edward J. Pinto, FNMA\'s Senior Vice President, said such mortgages offer "lower interest rates".',
      '"Fine," said John F. Kennedy.',
    );
    expect(rolesOf(paragraphs, 'lower interest')).toEqual([['Edward Pinto', "FNMA's Senior Vice President"]]);
    expect(rolesOf(paragraphs, 'Fine')).toEqual([['John Kennedy', null]]);
  });
});

describe('attributeQuotes on bodies and offices read wrong at ingest (seventeenth batch)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it("reads a company's name past its stock ticker, its brackets or a bracketed word before its suffix", () => {
    const paragraphs = body(
      'Honda Motor Co Ltd <HMC.T> said its vehicle exports in May fell 11.4 pct.',
      '<Parlux Fragrances Inc>, a maker of perfumes, said it completed the offering.',
      'A group led by Hong Kong-based Industrial Equity (Pacific) Ltd holds 5.4 pct of Triton.',
      'Industrial Equity (Pacific), which is controlled by Brierley Investments Ltd <BRYW.WE>, said the stake was for investment.',
      'The company said it told Triton it may buy more.',
    );
    const { quoted, at } = attributed(paragraphs);
    expect(rolesOf(paragraphs, 'vehicle exports')).toEqual([['Honda Motor Co Ltd', null]]);
    expect(rolesOf(paragraphs, 'completed the offering')).toEqual([['Parlux Fragrances Inc', null]]);
    // The words credited are the paragraph's own, from its first character.
    expect(at('completed the offering').map(quoted)).toEqual([paragraphs[1]!.text]);
    // Not "Pacific", and not Brierley, the company the sentence names, for "The company said".
    expect(rolesOf(paragraphs, 'for investment')).toEqual([['Industrial Equity Pacific', 'Hong Kong-based']]);
    expect(rolesOf(paragraphs, 'may buy more')).toEqual([['Industrial Equity Pacific', 'Hong Kong-based']]);
  });

  it('credits "a company spokeswoman" and "a bank spokesman" to the company of that kind the story named', () => {
    const honda = body(
      'Honda Motor Co Ltd said its vehicle exports in May fell 11.4 pct.',
      'Shipments to North America fell 8.3 pct, a company spokeswoman said.',
    );
    expect(rolesOf(honda, 'North America')).toEqual([['Honda Motor Co Ltd', 'spokeswoman']]);
    const bank = body(
      'Hongkong and Shanghai Banking Corp is close to a deal on the sale of a building, a bank spokesman said.',
    );
    expect(rolesOf(bank, 'sale of a building')).toEqual([
      ['Hongkong and Shanghai Banking Corp', 'spokesman'],
    ]);
    // No bank named: the spokesman's words stay credited to no one.
    const none = body('Ford Motor Co shares rose, a bank spokesman said.');
    expect(rolesOf(none, 'shares rose')).toEqual([]);
  });

  it('credits a statement a body issued to the body', () => {
    const paragraphs = body(
      'The views of the ASEAN governments were taken into account, a State Department spokesman said.',
      'The State Department statement said GSA tin disposals increased in 1986.',
      'A World Bank statement said growth would slow.',
    );
    expect(rolesOf(paragraphs, 'tin disposals')).toEqual([['State Department', null]]);
    expect(rolesOf(paragraphs, 'growth would slow')).toEqual([['World Bank', null]]);
  });

  it('reads offices joined by "and" before a name as one role', () => {
    const paragraphs = body(
      '"Selling these loans provides a cost-effective source of funds," said Vice Chairman and Chief Financial Officer Frank Newman.',
      'Chairman and Chief Executive Tom Clausen said the bank would grow.',
    );
    expect(rolesOf(paragraphs, 'cost-effective')).toEqual([
      ['Frank Newman', 'Vice Chairman and Chief Financial Officer'],
    ]);
    expect(rolesOf(paragraphs, 'would grow')).toEqual([['Tom Clausen', 'Chairman and Chief Executive']]);
  });

  it('credits a verb after "but" to the subject of the sentence\'s first verb', () => {
    const paragraphs = body(
      "World Bank president Barber Conable pledged the Bank's support to help Indonesia adjust to lower oil prices, but said further deregulation was needed.",
    );
    expect(rolesOf(paragraphs, 'further deregulation')).toEqual([['Barber Conable', 'World Bank president']]);
  });
});

describe('attributeQuotes on the attribution misses of the archive (twentieth round)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('keeps the role "<office> of <body>" set off after a name', () => {
    const paragraphs = body(
      'Jorio Dauster, president of the Brazilian Coffee Institute, said Brazil had no export target.',
      'Kathleen Utgoff, commissioner of the Bureau of Labor, said hiring had picked up.',
    );
    expect(rolesOf(paragraphs, 'no export target')).toEqual([
      ['Jorio Dauster', 'president of the Brazilian Coffee Institute'],
    ]);
    expect(rolesOf(paragraphs, 'hiring had picked up')).toEqual([
      ['Kathleen Utgoff', 'commissioner of the Bureau of Labor'],
    ]);
  });

  it('credits a speaker with "later", "earlier" or another adverb before the verb', () => {
    const paragraphs = body(
      'Mr Brown later told reporters: "Of course I trust the prime minister."',
      'Health Secretary John Reid earlier warned that Labour members would not easily forgive.',
      'A crestfallen France coach, Bernard Laporte, simply observed: "There was a French half and an Irish half."',
    );
    expect(rolesOf(paragraphs, 'I trust the prime minister')).toEqual([['Brown', null]]);
    expect(rolesOf(paragraphs, 'would not easily forgive')).toEqual([['John Reid', 'Health Secretary']]);
    expect(rolesOf(paragraphs, 'a French half')).toEqual([['Bernard Laporte', 'crestfallen France coach']]);
  });

  it('leaves "he said" after a definite spokesman who is no body to the spokesman named before', () => {
    const paragraphs = body(
      'Later, White House spokesman Marlin Fitzwater defended the new sanctions against Japan and said officials "do not believe this will result in a trade war."',
      '"It is nothing to be alarmed about," the presidential spokesman added.',
      '"We do not want protectionism," he said.',
    );
    expect(rolesOf(paragraphs, 'We do not want protectionism')).toEqual([
      ['Marlin Fitzwater', 'White House spokesman'],
    ]);
  });

  it('reads any verb whose colon opens quoted words as a cue, and only there', () => {
    const paragraphs = body(
      'Jim Smith showed the find. He continued: "Smith reached far beyond his time."',
      'Sales continued to fall in March, and the firm agreed to buy its rival.',
    );
    expect(rolesOf(paragraphs, 'reached far beyond')).toEqual([['Jim Smith', null]]);
    expect(rolesOf(paragraphs, 'continued to fall')).toEqual([]);
  });

  it('credits a spokesperson of a body named after "for", or by a name the story writes as a company\'s', () => {
    const paragraphs = body(
      'A spokesman for the UK Film Council said: "It is disappointing."',
      'Suzuki Motor Co Ltd <SZMT.T> is negotiating a joint venture with Hungary, a Suzuki spokesman said.',
      'A spokesman for Michael Howard said the leader was confident.',
    );
    expect(rolesOf(paragraphs, 'It is disappointing')).toEqual([['UK Film Council', 'spokesman']]);
    expect(rolesOf(paragraphs, 'joint venture with Hungary')).toEqual([['Suzuki', 'spokesman']]);
    expect(rolesOf(paragraphs, 'the leader was confident')).toEqual([]);
  });

  it('gives "he" after a body\'s unnamed spokesman to the body, not to a person named before him', () => {
    const paragraphs = body(
      'Analyst Jack Grubman said the venture would lose money for years.',
      'The network will be finished by the end of the year, a Firestone spokesman said.',
      'But he added that some routes would open earlier.',
      'Schlumberger Ltd took a charge, analyst Euan Baird said. A spokesman for Schlumberger declined to elaborate.',
      'He said a statement would follow.',
    );
    expect(rolesOf(paragraphs, 'some routes would open earlier')).toEqual([['Firestone', 'spokesman']]);
    expect(rolesOf(paragraphs, 'a statement would follow')).toEqual([['Schlumberger', 'spokesman']]);
  });

  it('reads a ticker with its exchange after a space as no part of the name', () => {
    const paragraphs = body('Telefon AB L.M. Ericsson <ERIC ST> said one of its units won a contract.');
    expect(rolesOf(paragraphs, 'won a contract')).toEqual([['Telefon AB L.M. Ericsson', null]]);
  });
});

describe('attributeQuotes on the roles and credits of the archive (twenty-second round)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it('gives a person no role from the words of the sentence that run into the name', () => {
    const paragraphs = body(
      'The memory Gordon Brown says keeps returning to him is that of a 12 year-old girl.',
      'On top of the relief deal with Tanzania Mr Brown said the UK would make similar offers.',
      'How much longer Mr Brown will continue in the job is not clear (he once said there are two types of chancellor).',
      'The ruling was welcome, said human rights lawyer Louise Christian.',
      'It was a hard game, said England centre Mathew Tait.',
    );
    expect(rolesOf(paragraphs, 'keeps returning')).toEqual([['Gordon Brown', null]]);
    expect(rolesOf(paragraphs, 'similar offers')).toEqual([['Gordon Brown', null]]);
    expect(rolesOf(paragraphs, 'two types of chancellor')).toEqual([['Gordon Brown', null]]);
    expect(rolesOf(paragraphs, 'The ruling was welcome')).toEqual([
      ['Louise Christian', 'human rights lawyer'],
    ]);
    expect(rolesOf(paragraphs, 'a hard game')).toEqual([['Mathew Tait', 'England centre']]);
  });

  it('credits no party called "Tory" with "the Tory spokesman" nor with the "he said" of the person named before', () => {
    const paragraphs = body(
      'Mr Ancram condemned the document. "Is this propaganda?," he asked. The Tory spokesman also criticised the government. "Who are they trying to kid?" he said.',
      'A Conservative spokeswoman said the party stuck to the rules.',
    );
    expect(rolesOf(paragraphs, 'also criticised')).toEqual([]);
    expect(rolesOf(paragraphs, 'trying to kid')).toEqual([['Ancram', null]]);
    expect(rolesOf(paragraphs, 'stuck to the rules')).toEqual([['Conservative', 'spokeswoman']]);
  });

  it('credits a company\'s spokesman when the company\'s name has initials after "a"', () => {
    const paragraphs = body(
      'Analyst Jack Grubman said the plan would help profits.',
      '"Someone should establish it," a U.S. Sprint spokesman said. But he added the company was not opposed to competition.',
    );
    expect(rolesOf(paragraphs, 'Someone should establish it')).toEqual([['U.S. Sprint', 'spokesman']]);
    expect(rolesOf(paragraphs, 'not opposed to competition')).toEqual([['U.S. Sprint', 'spokesman']]);
  });

  it('gives a name set off by commas the role before it', () => {
    const paragraphs = body("Germany's foreign minister, Annalena Baerbock, said the talks would go on.");
    expect(rolesOf(paragraphs, 'talks would go on')).toEqual([
      ['Annalena Baerbock', "Germany's foreign minister"],
    ]);
    // A parenthetical "X said" is no aside: the chairman is the one talked about, not the speaker.
    const parenthetical = body('The chairman, John Smith said, had resigned after the vote.');
    expect(rolesOf(parenthetical, 'had resigned')).toEqual([['John Smith', null]]);
  });

  it('credits a name after an opening prepositional phrase without a comma', () => {
    const paragraphs = body('In an interview Charles Kennedy said the war had been a mistake.');
    expect(rolesOf(paragraphs, 'the war had been a mistake')).toEqual([['Charles Kennedy', null]]);
    // A noun with a rare person sense ("letter") is the phrase's object as "interview" is.
    const letter = body('In a letter Tony Blair said the war was right.');
    expect(rolesOf(letter, 'the war was right')).toEqual([['Tony Blair', null]]);
    // "summit" has a group sense no tagged text attests: it is no role of the name it runs into.
    const summit = body('Leaving a Brussels summit Mr Blair said "the fact Turkey is Muslim is no bar".');
    expect(rolesOf(summit, 'no bar')).toEqual([['Blair', null]]);
  });

  it('reads "he" as an unnamed subject before him, or a later clause\'s person, not someone named earlier', () => {
    const paragraphs = body(
      'The accord was reached, said Kevin Woodward, a union steward.',
      'An Inland division spokesman would not discuss details of the accord. But he said Inland has a capacity problem.',
      'Coach Bernard Laporte has made four changes.',
      'France have been criticised this year but captain Fabien Pelous sees hope. "We are getting better," he said.',
    );
    expect(rolesOf(paragraphs, 'capacity problem')).toEqual([]);
    expect(rolesOf(paragraphs, 'getting better')).toEqual([['Fabien Pelous', 'captain']]);
    // A pronoun subject is a person: the later clause's "Brown" does not take Jones's "he said".
    const pronoun = body('Mr Jones spoke first. He was angry, but Brown was calm. "We will go on," he said.');
    expect(rolesOf(pronoun, 'We will go on')).toEqual([['Jones', null]]);
  });
});

describe('attributeQuotes on the credits missed or misread at ingest (twentieth session)', () => {
  const rolesOf = (paragraphs: readonly Paragraph[], fragment: string) =>
    attributed(paragraphs)
      .at(fragment)
      .map((a) => [a.speaker.name, a.speaker.role]);

  it("gives no role or name the object of an opening phrase that runs into a person's name", () => {
    const paragraphs = body(
      'After the match Arsene Wenger said: "We were the better side."',
      'In a speech to the CBI Gordon Brown said the economy was strong.',
      'In a speech to the Foreign Policy Centre Mr Straw said of the Tory leader: "He is not wise."',
      'After the game Chelsea manager Jose Mourinho said his side had been tired.',
    );
    expect(rolesOf(paragraphs, 'better side')).toEqual([['Arsene Wenger', null]]);
    expect(rolesOf(paragraphs, 'economy was strong')).toEqual([['Gordon Brown', null]]);
    expect(rolesOf(paragraphs, 'not wise')).toEqual([['Straw', null]]);
    // A role noun's own words after the object are still the person's role.
    expect(rolesOf(paragraphs, 'had been tired')).toEqual([['Jose Mourinho', 'Chelsea manager']]);
  });

  it('keeps a place or a time an opening phrase names out of the role or name after it', () => {
    const paragraphs = body(
      'In Tokyo Finance Minister Kiichi Miyazawa said the yen was stable.',
      'In January Henkel said it would buy the plant.',
      'In recent days House Speaker Jim Wright said the bill would pass.',
      'In a statement Secretary of State for Trade and Industry Paul Channon said the talks were over.',
    );
    expect(rolesOf(paragraphs, 'yen was stable')).toEqual([['Kiichi Miyazawa', 'Finance Minister']]);
    expect(rolesOf(paragraphs, 'buy the plant')).toEqual([['Henkel', null]]);
    expect(rolesOf(paragraphs, 'bill would pass')).toEqual([['Jim Wright', 'House Speaker']]);
    expect(rolesOf(paragraphs, 'talks were over')).toEqual([
      ['Paul Channon', 'Secretary of State for Trade and Industry'],
    ]);
  });

  it('credits the subject after a participle that opens the sentence', () => {
    const paragraphs = body(
      'Commenting Mr Macklin said sponsored results must be clearly marked.',
      'Commenting on the survey Mr Jones said it was no surprise.',
    );
    expect(rolesOf(paragraphs, 'clearly marked')).toEqual([['Macklin', null]]);
    expect(rolesOf(paragraphs, 'no surprise')).toEqual([['Jones', null]]);
  });

  it("reads a company's name whole past a first word read as a number", () => {
    const paragraphs = body(
      'MCI Communications Corp said it has received a contract from J.C. Penney.',
      'First City Bancorp of Texas, which lost a record 402 mln dlrs in 1986, said losses would go on.',
      'First Boston Corp said it would underwrite the issue.',
    );
    expect(rolesOf(paragraphs, 'received a contract')).toEqual([['MCI Communications Corp', null]]);
    expect(rolesOf(paragraphs, 'losses would go on')).toEqual([['First City Bancorp of Texas', null]]);
    expect(rolesOf(paragraphs, 'underwrite the issue')).toEqual([['First Boston Corp', null]]);
    // Read whole, a company joined to a person's surname by "and" does not take the person's words.
    const joined = body(
      'Investor Sumner Redstone made a new offer for Viacom.',
      'Viacom said it received revised bids from Redstone and MCV Holdings Inc.',
      'Redstone said his group would contribute more than 475 mln dlrs in equity.',
    );
    expect(rolesOf(joined, 'revised bids')).toEqual([['Viacom', null]]);
    expect(rolesOf(joined, 'contribute more')).toEqual([['Sumner Redstone', 'Investor']]);
    // A person the story named and no one has quoted yet is still that person.
    const named = body(
      'Investor Sumner Redstone, who leads one of the two groups vying for control of Viacom International Inc, offered to sweeten his bid.',
      'Viacom said it received revised bids from Redstone and MCV Holdings Inc, a group led by Viacom management.',
      'The company did not disclose the details, but said a special committee would review them.',
      'Redstone said his group would contribute more than 475 mln dlrs in equity.',
    );
    expect(rolesOf(named, 'contribute more')).toEqual([['Sumner Redstone', 'Investor']]);
    // With no person of that name, the words before "and" are the company's short name.
    const short = body(
      'Pacific Gas and Electric Co said it would raise its rates.',
      'Pacific Gas said the increase would take effect in May.',
      'Procter and Gamble Co said its profits rose.',
      'Procter said sales of soap were strong.',
    );
    expect(rolesOf(short, 'take effect')).toEqual([['Pacific Gas and Electric Co', null]]);
    expect(rolesOf(short, 'soap were strong')).toEqual([['Procter and Gamble Co', null]]);
  });

  it('credits a publication or a group named before its noun, but not one a kind of people describes', () => {
    const paragraphs = body(
      'Stocks of oils and fats are probably peaking now, the Oil World newsletter said.',
      'A group led by investors Natalie and Paul Koether has acquired 5.1 pct of American Physicians.',
      'The Koether group said it bought the stock for capital appreciation.',
      'The Dutch group said it would sell its stake.',
      'The Anglo-Dutch group said its margins improved.',
      'The Soviet Communist Party daily Pravda reported the losses.',
      'The party daily said waste and theft were to blame.',
    );
    expect(rolesOf(paragraphs, 'probably peaking')).toEqual([['Oil World', 'newsletter']]);
    expect(rolesOf(paragraphs, 'capital appreciation')).toEqual([['Koether group', null]]);
    expect(rolesOf(paragraphs, 'sell its stake')).toEqual([]);
    expect(rolesOf(paragraphs, 'margins improved')).toEqual([]);
    // A party's paper is not the party: its words are not the Soviet Communist Party's.
    expect(rolesOf(paragraphs, 'waste and theft')).toEqual([]);
  });

  it('reads "It said" as the body that quoted someone, or the company a sentence before was about', () => {
    const paragraphs = body(
      'Mobil Oil Corp plans to open an office in Peking, the China Daily said.',
      'It quoted Mobil president Richard Tucker as saying he is optimistic.',
      'It said Mobil bought 73 mln dlrs of crude oil from China in 1986.',
    );
    expect(rolesOf(paragraphs, 'crude oil')).toEqual([['China Daily', null]]);
    const company = body(
      'Acme Corp posted a record loss for the year.',
      'It said sales fell in every region.',
    );
    expect(rolesOf(company, 'every region')).toEqual([['Acme Corp', null]]);
    // A country is not "it": the words are a report's or a ministry's, named nowhere here.
    const country = body('Japan posted a record trade surplus.', 'It said exports rose in every region.');
    expect(rolesOf(country, 'exports rose')).toEqual([]);
  });

  it('credits "the foreign secretary" to no shadow foreign secretary', () => {
    const paragraphs = body(
      'Shadow foreign secretary Michael Ancram said the campaign had been positive.',
      'The foreign secretary told the BBC he had only made an observation.',
    );
    expect(rolesOf(paragraphs, 'only made an observation')).toEqual([]);
    const same = body(
      'Foreign Secretary Jack Straw said the talks would go on.',
      'The foreign secretary told the BBC he was hopeful.',
    );
    expect(rolesOf(same, 'was hopeful')).toEqual([['Jack Straw', 'Foreign Secretary']]);
  });
});

describe('attributeQuotes robustness', () => {
  it('handles odd inputs without throwing', () => {
    const odd = [
      '',
      ' ',
      'said',
      'He said.',
      '(((',
      ', said',
      'according to',
      'a'.repeat(10_000),
      '😀 said 😀 X.',
    ];
    for (const text of [
      ...odd,
      'قال الوزير said',
      '\u0000 said Smith',
      ') said (',
      'Smith said it. '.repeat(300),
    ]) {
      expect(() =>
        attributeQuotes([
          { text, kind: 'body' },
          { text, kind: 'caption' },
        ]),
      ).not.toThrow();
    }
    expect(attributeQuotes([])).toEqual([]);
  });

  it('always returns trimmed spans inside body paragraphs', () => {
    const word = fc.constantFrom(
      'Smith',
      'Jane',
      'he',
      'said',
      'told',
      'according',
      'to',
      'the',
      'ministry',
      ',',
      '.',
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(word, { maxLength: 30 }).map((words) => words.join(' ')),
    );
    const paragraph = fc.record({ text, kind: fc.constantFrom('body' as const, 'caption' as const) });
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 5 }), (paragraphs) => {
        for (const a of attributeQuotes(paragraphs)) {
          const { text: source, kind } = paragraphs[a.paragraph]!;
          expect(kind).toBe('body');
          expect(0 <= a.start && a.start < a.end && a.end <= source.length).toBe(true);
          expect(source.slice(a.start, a.end).trim()).toBe(source.slice(a.start, a.end));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('helpers', () => {
  it('knows every inflection of the speech verbs', () => {
    for (const form of ['said', 'says', 'saying', 'told', 'echoed', 'warns', 'insisted', 'stated']) {
      expect(SPEECH_VERB_FORMS.has(form)).toBe(true);
    }
    expect(mayReportSpeech('The plan failed, according to Jane Roe.')).toBe(true);
    expect(mayReportSpeech('The United States is a member state.')).toBe(false);
  });

  it('splits sentences into trimmed spans', () => {
    const text = ' One. Two? ';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual(['One.', 'Two?']);
  });
});
