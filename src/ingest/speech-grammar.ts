import {
  appositiveRole,
  bareTitle,
  bodySpokenFor,
  followsOpeningPhrase,
  isAcronym,
  withTitleBefore,
  isCapitalised,
  phraseEndingAt,
  phraseStartingAt,
  QUOTATION_MARK,
  QUOTATION_MARKS,
  readMention,
  roleBeforeAside,
  separated,
  type Mention,
  type Sex,
  type Token,
  hasAny,
} from './speaker-phrase.js';
import { SPEECH_VERB_FORMS } from './speech-verbs.js';

/** A speech cue's speaker, and whether the reported words come before the cue ("…, Lammy said."). */
export interface Claim {
  mention: Mention;
  trailing: boolean;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/**
 * "Mr Brown later told reporters", "Health Secretary John Reid earlier warned": compromise tags these an
 * adjective, so they were read as the subject, which named no one: 73 statements of the archive's BBC
 * and Reuters stories are credited with them that were no one's (pipeline version 27).
 */
const TIME_ADVERBS = new Set(['later', 'earlier']);
/** Words before a date that place it: "last month", "this week", "next year". */
const DATE_PLACERS = new Set(['last', 'this', 'next']);
const NOUN_MODIFIER_TAGS = ['Determiner', 'Adjective', 'Possessive', 'Value'];
const PERSONAL_PRONOUNS = new Map<string, Sex>([
  ['he', 'male'],
  ['she', 'female'],
]);
const OBJECT_PRONOUNS = new Map<string, Sex>([
  ['him', 'male'],
  ['her', 'female'],
]);
// prettier-ignore
/** A phrase after these is an object ("pressure on Russia"), not the speaker; "with X saying" is fine. */
const PREPOSITIONS = new Set([
  'of', 'on', 'in', 'at', 'to', 'for', 'from', 'by', 'about', 'against', 'into', 'onto', 'over', 'under',
  'between', 'among', 'alongside', 'towards', 'toward', 'through', 'across', 'near', 'than', 'like',
]);
// prettier-ignore
/** Words after a speech verb that describe the circumstances, not the words said: "said at a meeting". */
const CIRCUMSTANCE_WORDS = new Set([
  'at', 'as', 'in', 'on', 'during', 'after', 'before', 'when', 'while', 'alongside', 'following', 'ahead',
  'from', 'with', 'outside', 'upon', 'later', 'earlier', 'today', 'yesterday', 'recently',
]);

/** compromise tags "saying" in "with Lammy saying" a noun, so only a modifier in front rules a verb out. */
function isSpeechVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (introducesQuote(tokens, index)) return true;
  if (!SPEECH_VERB_FORMS.has(token.lower)) return false;
  if (token.tags.has('Verb')) return true;
  const before = tokens[index - 1];
  return !before || !NOUN_MODIFIER_TAGS.some((tag) => before.tags.has(tag)); // "the claims", "an old saying"
}

/**
 * "Bernard Laporte, simply observed: "There was a French half ..."", "He continued: "...", "and joked:
 * "...": any verb but "be" whose colon opens quoted words reports them, as a speech verb does. Verbs that
 * only do so there ("continue", "agree", "conclude", "observe") are no speech verbs elsewhere ("continued
 * to fall", "agreed to buy"): 30 statements of the archive quoted so, no one's before, are credited.
 */
function introducesQuote(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (!token.tags.has('Verb') || token.tags.has('Copula') || !token.post.includes(':')) return false;
  return QUOTATION_MARK.test(`${token.post}${tokens[index + 1]?.pre ?? ''}`);
}

/** A dash with spaces around it, which sets an aside off: " - ", " – ", " — ". */
const ASIDE_DASH = /^\s+[-–—]\s+$/u;

/**
 * The index of the subject's last word when an aside stands between subject and verb: "Joly (centre, in a
 * red coat) said", "Umerov, who led the delegation, told", "Baerbock, Germany's foreign minister, said";
 * and "Germany's foreign minister, Annalena Baerbock, said", where the aside is the name itself.
 */
function beforeAside(tokens: readonly Token[], last: number): number | null {
  if (tokens[last]!.post.includes(')')) {
    for (let i = last; i >= 0; i--) if (tokens[i]!.pre.includes('(')) return i - 1;
    return null;
  }
  // "Gerry Conlon - who was wrongly convicted of planting the bombs - said": spaced dashes set an aside
  // off as commas do. Read as no subject, his words went to no one and "He said" after them to Tony Blair.
  const mark = ASIDE_DASH.test(tokens[last]!.post) ? tokens[last]!.post.trim() : ',';
  if (!tokens[last]!.post.includes(mark)) return null;
  for (let i = last - 1; i >= 0; i--) {
    if (!tokens[i]!.post.includes(mark)) continue;
    if (mark === ',' && spellsInitials(tokens, i, last)) return beforeAside(tokens, i) ?? i;
    if (isNameOnly(tokens, i + 1, last)) return last;
    const relative = tokens[i + 1]!.lower === 'who' || tokens[i + 1]!.lower === 'which';
    if (relative || isNameOnly(tokens, i, i)) return i;
    // "Another CBT official, executive vice president George Sladoje, said": after words naming no one,
    // the aside names the speaker with a role of their own; read as no subject, his words went to no one.
    return namesPersonWithRole(tokens, i + 1, last) ? last : null;
  }
  return null;
}

/**
 * Whether the aside `last`, one word, is the initials of the capitalised words before its comma at
 * `comma`: "Robert Davis, a commissioner on the Commodity Futures Trading Commission, CFTC, said". The
 * initials name the body again, no speaker; read as the subject, Davis's words were credited to "CFTC".
 */
function spellsInitials(tokens: readonly Token[], comma: number, last: number): boolean {
  if (last !== comma + 1 || !/^\p{Lu}{2,}$/u.test(tokens[last]!.text)) return false;
  const named = tokens
    .slice(phraseEndingAt(tokens, comma), comma + 1)
    .filter((token) => isCapitalised(token));
  return named.length > 1 && named.map((token) => token.text[0]).join('') === tokens[last]!.text;
}

/**
 * The index of the last word of the verb's subject, skipping what may stand between them ("also",
 * "has", "on Friday", an aside); 'none' when the verb opens its clause, 'unsaid' when nothing was
 * said by the subject: "was told" (passive), "would respond" (not said yet).
 */
export function subjectEnd(tokens: readonly Token[], verb: number): number | 'none' | 'unsaid' {
  const progressive = tokens[verb]!.lower.endsWith('ing');
  let i = verb - 1;
  while (i >= 0) {
    const token = tokens[i]!;
    if (separated(token, tokens[i + 1]!)) {
      const aside = beforeAside(tokens, i);
      return aside !== null && aside >= 0 ? aside : 'none';
    }
    if (token.tags.has('Modal')) return 'unsaid';
    if (BE_FORMS.has(token.lower)) {
      if (!progressive) return 'unsaid';
      i--;
    } else if (
      hasAny(token, ['Adverb', 'Auxiliary', 'Negative', 'Reflexive']) ||
      TIME_ADVERBS.has(token.lower)
    ) {
      // "Gros himself said": the reflexive stands between the speaker and the verb, as "also" does.
      i--;
    } else if (token.tags.has('Date')) {
      // "Thatcher last month seemed", "Lawson as recently as December 17 said that ...": the words that
      // place a date stand between subject and verb as the date does; read as the subject, they left
      // Lawson's words and the "She said" after Thatcher's sentence credited to no one.
      while (i >= 0 && (tokens[i]!.tags.has('Date') || DATE_PLACERS.has(tokens[i]!.lower))) i--;
      if (i >= 0 && (PREPOSITIONS.has(tokens[i]!.lower) || tokens[i]!.lower === 'as')) i--;
      if (i >= 1 && tokens[i]!.tags.has('Adverb') && tokens[i - 1]!.lower === 'as') i -= 2;
    } else {
      return i;
    }
  }
  return 'none';
}

function isNameOnly(tokens: readonly Token[], start: number, end: number): boolean {
  const mention = phraseEndingAt(tokens, end) <= start ? readMention(tokens, start, end) : null;
  return mention?.type === 'name' && mention.role === null;
}

/** Whether the words `start..end` are one phrase naming a person with a role: "chairman John Smith". */
function namesPersonWithRole(tokens: readonly Token[], start: number, end: number): boolean {
  const mention = phraseEndingAt(tokens, end) === start ? readMention(tokens, start, end) : null;
  return mention?.type === 'name' && mention.kind === 'person' && mention.role !== null;
}

/** Where a noun phrase really begins, counting its determiner or possessive ("the", "his"). */
function leftEdge(tokens: readonly Token[], start: number): number {
  const before = tokens[start - 1];
  const determines = before && (before.tags.has('Determiner') || before.tags.has('Possessive'));
  return determines && !separated(before, tokens[start]!) ? start - 1 : start;
}

function followsPreposition(tokens: readonly Token[], edge: number): boolean {
  const before = tokens[edge - 1];
  return before !== undefined && PREPOSITIONS.has(before.lower) && !separated(before, tokens[edge]!);
}

/** Whether the reported words come after the cue ("said that…", "said: …", "said Russia was…"). */
function introducesWords(tokens: readonly Token[], cue: number): boolean {
  if (tokens[cue]!.post.includes(':')) return true;
  const next = tokens[cue + 1];
  if (!next) return false;
  if (next.lower === 'that') return true;
  if (CIRCUMSTANCE_WORDS.has(next.lower)) return false;
  return tokens.slice(cue + 1).some((token) => token.tags.has('Verb'));
}

interface Subjects {
  mentions: Mention[];
  /** Where the first subject phrase begins, with its determiner. */
  edge: number;
}

/** How many prepositional phrases ("for the ministry", "of defence") may stand between a speaker and the verb. */
const MAX_PREPOSITIONAL_PHRASES = 3;

/**
 * The unnamed speaker a phrase after a preposition hangs on: in "a spokeswoman for Picardo said" and "a
 * source close to the talks said" someone the story does not name spoke, not Picardo nor the talks. The
 * head is the first phrase no preposition governs: in "Reagan in a message to Congress said" it is Reagan,
 * not "a message". Null when the head is not unnamed ("the head of the IMF said"): no speaker read here.
 */
function unnamedHead(tokens: readonly Token[], edge: number, object: readonly Token[]): Subjects | null {
  let at = edge;
  for (let hop = 0; hop < MAX_PREPOSITIONAL_PHRASES && followsPreposition(tokens, at); hop++) {
    const end = at - 2;
    if (end < 0 || separated(tokens[end]!, tokens[end + 1]!)) return null;
    const start = phraseEndingAt(tokens, end);
    if (start > end) return null;
    const preposition = tokens[at - 1]!.lower;
    at = leftEdge(tokens, start);
    if (followsPreposition(tokens, at)) continue;
    const mention = readMention(tokens, start, end);
    if (mention?.type !== 'unnamed') return null;
    // "A spokesman for the UK Film Council said": the body named after "for" is the one the spokesperson
    // speaks for, as in "a Film Council spokesman" (see spokespersonBody in the attribution): 88 statements
    // of the archive's BBC and Reuters stories, no one's before, are credited (pipeline version 27).
    // One word but initials may be a person's ("a spokeswoman for Picardo"), as "a Reagan spokesman" is.
    const spokesperson = hop === 0 && start === end && preposition === 'for' && mention.speaksFor === null;
    const body = spokesperson ? bodySpokenFor(object, tokens[end]!) : null;
    const personal = object.length === 1 && !isAcronym(object[0]!.text);
    const speaksFor = body && { ...body, mayBePerson: body.mayBePerson || personal };
    return { mentions: [speaksFor ? { ...mention, speaksFor } : mention], edge: at };
  }
  return null;
}

/**
 * "In a statement Mr Smith said", "In an interview Charles Kennedy said", "In a speech to the CBI Gordon
 * Brown said": a sentence opening with a prepositional phrase and no comma runs its object into the
 * speaker's name. The phrase `start..end` after the preposition is then the object's words and a person's
 * name: the name is the subject, and the object's words are no role (see followsOpeningPhrase). Read as
 * the preposition's object, the statement was no one's.
 */
function nameAfterOpeningPhrase(tokens: readonly Token[], start: number, end: number): Subjects | null {
  if (!followsOpeningPhrase(tokens, start)) return null;
  const mention = readMention(tokens, start, end);
  if (mention?.type !== 'name' || mention.kind !== 'person') return null;
  return { mentions: [mention], edge: start };
}

/** The subject phrases before a verb in reading order, following "X and Y said"; null if none can speak. */
function subjects(tokens: readonly Token[], end: number): Subjects | null {
  const start = phraseEndingAt(tokens, end);
  let edge = leftEdge(tokens, start);
  if (start > end || withinReportedWords(tokens, edge)) return null;
  if (followsPreposition(tokens, edge))
    return (
      nameAfterOpeningPhrase(tokens, start, end) ?? unnamedHead(tokens, edge, tokens.slice(start, end + 1))
    );
  const mentions = [readMention(tokens, start, end)];
  // "the Trade and Industry Secretary has said": a capitalised phrase that names no one is the end of a
  // title whose "and" joins its words, not a second speaker ("Trade" was credited as a body). A sentence's
  // first word is capitalised for grammar: "Officials said" is an unnamed speaker.
  const title = tokens.slice(start, end + 1).every((token) => isCapitalised(token) && !token.initial);
  if (mentions[0]?.type !== 'name' && title) return null;
  while (tokens[edge - 1]?.lower === 'and') {
    let and = edge - 1;
    while (tokens[and - 1]?.lower === 'and') and--; // the sample article has "Lammy and and his…"
    const conjunctEnd = and - 1;
    if (conjunctEnd < 0 || separated(tokens[conjunctEnd]!, tokens[and]!)) break;
    const conjunctStart = phraseEndingAt(tokens, conjunctEnd);
    const conjunctEdge = leftEdge(tokens, conjunctStart);
    if (conjunctStart > conjunctEnd || followsPreposition(tokens, conjunctEdge)) break;
    const conjunct = readMention(tokens, conjunctStart, conjunctEnd);
    const last = mentions.at(-1);
    // "Chairman and Chief Executive Frank Newman said": one person holding both offices.
    const title = conjunct === null ? bareTitle(tokens, conjunctStart, conjunctEnd) : null;
    const titled = title !== null && last ? withTitleBefore(title, last) : null;
    if (titled) {
      mentions[mentions.length - 1] = titled;
      edge = conjunctEdge;
      continue;
    }
    // "Reynolds and Reynolds said": one company's name, not two speakers of one name. Read as two, its
    // statements went to "Reynolds" with the role "Advanced's March lawsuit against", from a later mention.
    if (conjunct?.type === 'name' && last?.type === 'name' && conjunct.name === last.name && !last.role) {
      const name = `${conjunct.name} and ${last.name}`;
      mentions[mentions.length - 1] = { ...conjunct, name, kind: 'organisation', sex: null };
    } else mentions.push(conjunct);
    edge = conjunctEdge;
  }
  return { mentions: mentions.filter((mention) => mention !== null).reverse(), edge };
}

const opensClauseAfterComma = (tokens: readonly Token[], index: number) =>
  index > 0 && separated(tokens[index - 1]!, tokens[index]!);

/** The speaker named after the cue: "…, said X." and "according to X". */
function objectClaim(tokens: readonly Token[], cue: number, first: number, mustEnd: boolean): Claim[] {
  let from = tokens[first]?.tags.has('Determiner') ? first + 1 : first;
  // "said eighth seed Agassi": the ordinal of a ranking stands before the speaker's phrase.
  while (tokens[from]?.tags.has('Ordinal')) from++;
  const end = phraseStartingAt(tokens, from);
  const after = tokens[end + 1];
  const trailing = opensClauseAfterComma(tokens, cue);
  // Whether the phrase ending at `last` ends the cue's clause when it must: "said Putin was…" names the
  // subject of the reported words, not the speaker.
  const endsAt = (last: number) => {
    const next = tokens[last + 1];
    return !mustEnd || !next || separated(tokens[last]!, next) || PREPOSITIONS.has(next.lower);
  };
  // "said Vice Chairman and Chief Financial Officer Frank Newman": read to the "and", the sentence named
  // no one and the BankAmerica CFO's words were credited to no one.
  const title =
    after?.lower === 'and' && !separated(tokens[end]!, after) ? bareTitle(tokens, from, end) : null;
  if (title !== null) {
    const nameEnd = phraseStartingAt(tokens, end + 2);
    const titled = withTitleBefore(title, readMention(tokens, end + 2, nameEnd));
    if (titled && endsAt(nameEnd)) return [{ mention: titled, trailing }];
  }
  if (!endsAt(end)) return [];
  const mention = readMention(tokens, from, end);
  return mention ? [{ mention, trailing }] : [];
}

/**
 * Whether the phrase at `edge` is inside words reported by an earlier cue: "Lavrov said Russia warned".
 * A participle opening the sentence reports nothing of its own: in "Commenting Mr Macklin said" and
 * "Speaking Mr Blair said" it is the subject's, whose words were credited to no one.
 */
function withinReportedWords(tokens: readonly Token[], edge: number): boolean {
  for (let i = edge - 1; i >= 0 && !separated(tokens[i]!, tokens[i + 1]!); i--) {
    const opensWithParticiple = i === 0 && tokens[0]!.tags.has('Gerund');
    if (isSpeechVerb(tokens, i) && !opensWithParticiple) return true;
  }
  return false;
}

/**
 * "Mr Botin greeted the waiting media, saying: ...": a participle after a comma reports the words of the
 * subject of the verb before it. None when that verb is a speech verb, whose own claim has the sentence.
 */
function participleClaims(tokens: readonly Token[], participle: number): Claim[] {
  for (let verb = participle - 1; verb >= 0; verb--) {
    if (!tokens[verb]!.tags.has('Verb')) continue;
    if (isSpeechVerb(tokens, verb)) return [];
    const end = subjectEnd(tokens, verb);
    if (end === 'unsaid') return [];
    const claims = end === 'none' ? [] : subjectClaims(tokens, end, () => false);
    if (claims.length > 0) return claims;
  }
  return [];
}

/**
 * "World Bank president Barber Conable pledged the Bank's support to help Indonesia adjust ..., but said
 * further deregulation ... was needed": the verb after "but" shares the subject of the sentence's first
 * verb, not of the nearest one ("Indonesia adjust"). Read as a subject, "but" named no one, and the
 * pledge was credited to no one.
 */
function contrastClaims(tokens: readonly Token[], verb: number): Claim[] {
  const first = tokens.findIndex((token, i) => i < verb && token.tags.has('Verb'));
  if (first < 0 || isSpeechVerb(tokens, first)) return [];
  const end = subjectEnd(tokens, first);
  return typeof end === 'number' ? subjectClaims(tokens, end, () => false) : [];
}

function verbClaims(tokens: readonly Token[], verb: number): Claim[] {
  const end = subjectEnd(tokens, verb);
  if (end === 'unsaid') return [];
  // "Parry labelled the deal "an eye-opener" and admits Liverpool would be missing a trick": a verb after
  // "and" shares the subject of the verb before it.
  if (end !== 'none' && tokens[end]!.lower === 'and') return participleClaims(tokens, verb);
  if (end !== 'none' && tokens[end]!.lower === 'but') return contrastClaims(tokens, verb);
  if (end === 'none') {
    if (!opensClauseAfterComma(tokens, verb)) return [];
    const named = objectClaim(tokens, verb, verb + 1, true);
    const participle = tokens[verb]!.lower.endsWith('ing');
    return named.length === 0 && participle ? participleClaims(tokens, verb) : named;
  }
  return subjectClaims(
    tokens,
    end,
    (edge) => opensClauseAfterComma(tokens, edge) && !introducesWords(tokens, verb),
  );
}

/**
 * The speaker the subject of the sentence's first verb names, read as a cue's would be: "A spokesman for
 * Schlumberger declined to elaborate" names Schlumberger's unnamed spokesman. Null when it names no one.
 */
export function firstSubject(tokens: readonly Token[]): Mention | null {
  const end = firstSubjectEnd(tokens);
  return end === null ? null : (subjectClaims(tokens, end, () => false)[0]?.mention ?? null);
}

/** The last token of the subject of the first verb after index `after` (see subjectEnd), or null if none. */
export function firstSubjectEnd(tokens: readonly Token[], after = -1): number | null {
  const verb = tokens.findIndex((token, i) => token.tags.has('Verb') && i > after);
  const end = verb > 0 ? subjectEnd(tokens, verb) : 'none';
  return typeof end === 'number' ? end : null;
}

/** The claims of the subject ending at `end`; `trailing` says whether the words came before the cue. */
function subjectClaims(tokens: readonly Token[], end: number, trailing: (edge: number) => boolean): Claim[] {
  const sex = PERSONAL_PRONOUNS.get(tokens[end]!.lower);
  if (sex) return [{ mention: { type: 'pronoun', sex }, trailing: trailing(end) }];
  if (tokens[end]!.lower === 'it') return [{ mention: { type: 'it' }, trailing: trailing(end) }];
  const found = subjects(tokens, end);
  if (!found) return [];
  const [only] = found.mentions;
  if (found.mentions.length === 1 && only?.type === 'name' && only.role === null) {
    // A role before the name only when the name is an aside closed by a comma: in "The chairman, John
    // Smith said, had resigned" the parenthetical speaker is not the chairman.
    const aside = tokens[end]!.post.includes(',');
    const role = aside ? (appositiveRole(tokens, end + 1) ?? roleBeforeAside(tokens, found.edge)) : null;
    if (role) return [{ mention: { ...only, role }, trailing: trailing(found.edge) }];
  }
  // "Burnell Roberts, chairman and chief executive officer said": bare roles joined by "and" name no one.
  const unnamed = (only?.type === 'unnamed' && only.person) || found.mentions.length === 0;
  // "Jorge Cardenas, manager of Colombia's National Coffee Growers' Federation said": the body a role
  // runs on to is no speaker, the person before the role is.
  const employer = found.mentions.length === 1 && only?.type === 'name' && only.role === null;
  const named =
    (unnamed ? nameBeforeUnclosedRole(tokens, found.edge, end) : null) ??
    (unnamed || employer ? nameBeforeUnclosedRole(tokens, afterLastComma(tokens, end), end) : null);
  if (named) return named.mentions.map((mention) => ({ mention, trailing: trailing(named.edge) }));
  return found.mentions.map((mention) => ({ mention, trailing: trailing(found.edge) }));
}

/** The index of the word after the last comma before `end`; 0 when there is none. */
function afterLastComma(tokens: readonly Token[], end: number): number {
  for (let i = end - 1; i >= 0; i--) if (tokens[i]!.post.includes(',')) return i + 1;
  return 0;
}

/**
 * `"...," Michael Lamberty, a Lufthansa spokesman told the BBC`: a role after a name whose closing comma
 * is left out reads as an unnamed speaker ("a Lufthansa spokesman told"), so the named one was lost (in
 * the BBC stories alone "Peter Dobrow, a T-Mobile spokesperson said"). The name must open the sentence
 * or follow the quoted words: in "the deal was signed by John Smith, a company spokesman said" an unnamed
 * spokesman speaks of Smith. `edge` is where the unnamed phrase begins ("a"), `end` its last word.
 */
function nameBeforeUnclosedRole(tokens: readonly Token[], edge: number, end: number): Subjects | null {
  const nameEnd = edge - 1;
  if (nameEnd < 0 || !tokens[nameEnd]!.post.includes(',')) return null;
  const nameStart = phraseEndingAt(tokens, nameEnd);
  // "However, Matt Williams, a fund manager at Perpetual Trustees said": a linking word set off before the
  // name still leaves it opening the clause.
  const linked =
    nameStart === 1 &&
    tokens[0]!.post.includes(',') &&
    (tokens[0]!.tags.has('Conjunction') || tokens[0]!.tags.has('Adverb'));
  // With "a" or "an", or a bare role: "the chairman" after a name may be another person.
  const bare = !tokens[edge]!.tags.has('Determiner');
  const article = ['a', 'an'].includes(tokens[edge]!.lower) || bare;
  // "Registrations remain open ..., Gilberto Arango, president of the private exporters' association
  // said": before a bare role, a comma before the name ends the reported words, as a quotation mark
  // does. Before "a spokesman said" the name may be the reported words' ("... to its chairman, John
  // Smith, a company spokesman said").
  const before = tokens[nameStart - 1];
  const opensClause =
    !before || linked || QUOTATION_MARK.test(before.post) || (bare && before.post.includes(','));
  if (!opensClause || !article || !isNameOnly(tokens, nameStart, nameEnd)) return null;
  const role = appositiveRole(tokens, edge, end);
  const mention = readMention(tokens, nameStart, nameEnd);
  // "Government, a GATT spokesman said": a body opening a sentence is what the spokesman spoke of.
  const person = mention?.type === 'name' && mention.kind === 'person';
  return role && person ? { mentions: [{ ...mention, role }], edge: nameStart } : null;
}

/** "The World According to Bex": a capitalised "According" after a capitalised word is a title's, no cue. */
function inTitle(tokens: readonly Token[], according: number): boolean {
  const [before, token] = [tokens[according - 1], tokens[according]!];
  return isCapitalised(token) && !token.initial && isCapitalised(before) && !separated(before!, token);
}

const DESCRIBE_FORMS = new Set(['describe', 'describes', 'described', 'describing']);
/** How many words may stand between "described" and its "as" ("described director Martin Scorsese as"). */
const MAX_OBJECT_WORDS = 6;

/** The index of the first "as" within MAX_OBJECT_WORDS after `verb`; -1 when there is none. */
function asAfter(tokens: readonly Token[], verb: number): number {
  const within = tokens.slice(verb + 1, verb + 2 + MAX_OBJECT_WORDS);
  const at = within.findIndex((token) => token.lower === 'as');
  return at < 0 ? -1 : verb + 1 + at;
}

/**
 * "DiCaprio described director Martin Scorsese as "one of the greatest contributors ..."": what follows
 * "as" in quotation marks is the subject's words. Without the marks ("described the results as poor") it
 * is the story's summary, and a passive ("was described as") is someone else's words.
 */
function describedAs(tokens: readonly Token[], verb: number): boolean {
  const as = asAfter(tokens, verb);
  return as > 0 && QUOTATION_MARK.test(`${tokens[as]!.post}${tokens[as + 1]?.pre ?? ''}`);
}

const LABEL_FORMS = new Set(['label', 'labels', 'labelled', 'labeled', 'labelling', 'labeling']);

/**
 * "Parry labelled the deal "an eye-opener"": quoted words within a few words after "labelled" are the
 * subject's; without them ("labelled the goods") nothing was said.
 */
function quotedAfter(tokens: readonly Token[], verb: number): boolean {
  const within = tokens.slice(verb, verb + 2 + MAX_OBJECT_WORDS);
  return within.some((token, i) => QUOTATION_MARK.test(i === 0 ? token.post : token.pre + token.post));
}

/**
 * The speakers a sentence credits with speech: "X said", "…, said X", "according to X", "with X saying",
 * "X and Y said". Sentence grammar only: who "he", a surname or "the ministry" is, the article decides.
 */
export function claimsIn(tokens: readonly Token[]): Claim[] {
  const quoted = insideQuotes(tokens);
  const claims = tokens.flatMap((token, i) => {
    if (quoted[i] || writesThing(tokens, i)) return [];
    const accordingTo = token.lower === 'according' && tokens[i + 1]?.lower === 'to';
    if (accordingTo) return inTitle(tokens, i) ? [] : objectClaim(tokens, i, i + 2, false);
    if (DESCRIBE_FORMS.has(token.lower)) return describedAs(tokens, i) ? verbClaims(tokens, i) : [];
    if (LABEL_FORMS.has(token.lower)) return quotedAfter(tokens, i) ? verbClaims(tokens, i) : [];
    if (!isSpeechVerb(tokens, i)) return [];
    return quotedAsSaying(tokens, i) ?? verbClaims(tokens, i);
  });
  // "The company said it expected losses, and it added ...", "the Supreme Court stated that ... It added"
  // (two sentences the text ran together): an "it" beside a speaker named in the sentence is that speaker.
  const named = claims.filter(({ mention }) => mention.type !== 'it');
  return named.length > 0 ? named : claims;
}

/**
 * Whether each word is inside quoted words (an odd count of quotation marks before it): in `"Michelle
 * Paver lives and breathes the worlds she writes about," said a spokesman for the author` the speaker is the spokesman; "she writes" is his
 * words, and read as a cue it credited them to Paver. Counted once a sentence, not once a word.
 */
function insideQuotes(tokens: readonly Token[]): boolean[] {
  const marks = (text: string) => (text.match(QUOTATION_MARKS) ?? []).length;
  let before = 0;
  return tokens.map((token) => {
    const inside = (before + marks(token.pre)) % 2 === 1;
    before += marks(token.pre) + marks(token.post);
    return inside;
  });
}

const WRITE_FORMS = new Set(['write', 'writes', 'wrote', 'written', 'writing']);
const STORY_NOUNS = new Set(['story', 'stories', 'tale', 'tales']);

/**
 * "Paver is currently writing the second book", "Wolf Brother tells the story of Torak": a thing written
 * or a story told right after the verb is what the subject made, not words it said.
 */
function writesThing(tokens: readonly Token[], verb: number): boolean {
  const next = tokens[verb + 1];
  // compromise tags the "that" of "wrote that ..." a determiner: it opens the words written.
  if (!next || next.lower === 'that' || !(next.tags.has('Determiner') || next.tags.has('Possessive')))
    return false;
  return WRITE_FORMS.has(tokens[verb]!.lower) || STORY_NOUNS.has(tokens[verb + 2]?.lower ?? '');
}

/** How many words may stand between "quoted" and "as saying": the speaker's name, role and an aside. */
const QUOTED_REACH = 12;

/**
 * "It quoted Mobil president Richard Tucker, currently in Peking, as saying he is optimistic ...", "Tucker
 * was quoted as saying ...": the words are those of whom the paper quoted, not of the paper. Read as "as
 * saying" alone, they were credited to no one: of the development archive's passages that quote so, 39
 * had a credit (from another cue), 142 with this (PIPELINE_VERSION 12, with the initials of speaker-phrase:
 * 42,845 credits -> 43,059). Second to fourth batches (`npm run --silent eval -- --only dev,fresh`):
 * speaker-topic-paraphrase hit@3 0.864 -> 0.909 ("How does Richard Tucker feel about putting money into
 * China?", refused before). Null when `verb` is not a participle after "quoted ... as".
 */
function quotedAsSaying(tokens: readonly Token[], verb: number): Claim[] | null {
  if (tokens[verb - 1]?.lower !== 'as' || !tokens[verb]!.lower.endsWith('ing')) return null;
  for (let q = verb - 2; q >= Math.max(0, verb - 2 - QUOTED_REACH); q--) {
    if (tokens[q]!.lower !== 'quoted') continue;
    let be = q - 1;
    while (be >= 0 && tokens[be]!.tags.has('Adverb')) be--; // "was widely quoted"
    if (be < 0 || !BE_FORMS.has(tokens[be]!.lower)) {
      // "quoted him as saying": the person named before, as "he said" is.
      const sex = OBJECT_PRONOUNS.get(tokens[q + 1]?.lower ?? '');
      if (sex && q + 2 === verb - 1) return [{ mention: { type: 'pronoun', sex }, trailing: false }];
      return objectClaim(tokens, q, q + 1, false).map((claim) => ({ ...claim, trailing: false }));
    }
    const end = subjectEnd(tokens, be);
    return typeof end === 'number' ? subjectClaims(tokens, end, () => false) : [];
  }
  return null;
}
