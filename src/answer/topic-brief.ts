import type { Span } from '../document/sentence-split.js';
import { hasBounds, type DateRange } from '../document/date-range.js';
import { overlapShare, shingles } from '../search/dedupe.js';
import { queryTerms } from '../search/fts-query.js';
import { dot, searchPassages, type SearchHit } from '../search/hybrid-search.js';
import { statementSpan } from '../search/speaker-retriever.js';
import type { PassageRecord, QuoteRecord } from '../store/passage-store.js';
import type { AnswerPassage } from './answer-schema.js';
import type { BriefSource, BriefSpeaker, TimelineEntry, TopicBrief } from './brief-schema.js';
import { citationOf, MAX_QUESTION_CHARS, type AnswerContext } from './build-answer.js';
import { termCoverage } from '../search/term-match.js';
import { termWeights } from '../search/term-weights.js';
import { evidenceOf, isStrongEvidence } from './evidence.js';
import { bestSentence } from './highlight.js';
import { describePeriod } from './period-text.js';
import { articleCentrality, isStatement, topicStems } from './topic-centrality.js';

export interface BriefOptions {
  /** Only articles published in this period (undated ones are left out when it has an end). */
  period?: DateRange;
}

/** A brief is read at a glance: a few facts, the dated stories, the main voices. */
export const KEY_POINTS = 5;
export const TIMELINE_ENTRIES = 10;
export const BRIEF_SPEAKERS = 3;
/** Passages read for a brief: enough for ten dated stories and their voices after the off-topic tail is cut. */
const POOL = 60;
/**
 * A passage counts as on the topic when its own evidence is strong (as an answer's best passage must be) and
 * its score is at least this share of the best: the tail of hybrid search is the nearest noise.
 */
const MIN_RELATIVE_SCORE = 0.4;
/**
 * How much a story about the topic counts over a passage that mentions it in passing ("genetic
 * transformation of cotton" in a biotech story). A story is about the topic as far as its headline and
 * subjects name it (focus) and as far as the topic is central to its text (articleCentrality), half each.
 * Reuters briefs (npm run eval -- --only briefings, and fifteen more topics held out in a scratch run):
 * share of cited articles tagged with the topic 0.85 without, 0.841 of 189 on the 27 topics with the
 * headline alone, 0.898 of 176 with both.
 */
const ABOUT_WEIGHT = 0.5;
/** Maximal marginal relevance: how much relevance counts against repeating a point already made. */
const MMR_LAMBDA = 0.7;

export const NOTHING_ON_TOPIC = 'Nothing on this in the archive.';

interface Candidate extends SearchHit {
  /** Score relative to the best candidate's (1 for the best). */
  relevance: number;
  /** The share of the topic's words in the article's headline and subjects. */
  focus: number;
  /** How central the topic is to the article (see articleCentrality). */
  centrality: number;
}

const dayOf = (published: string | null) =>
  published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;

function notFound(topic: string, period: DateRange, reason: string): TopicBrief {
  return { topic, found: false, reason, period, keyPoints: [], timeline: [], speakers: [], sources: [] };
}

/**
 * The passages on the topic, best first: search within the period, cut to the passages that are each
 * strong evidence for the topic and not far behind the best. Null when the best few are not strong
 * evidence: the answer layer's judgement of whether the archive covers it at all (and, with a period,
 * `outsidePeriod` says whether it does at other dates).
 */
async function passagesOnTopic(
  context: AnswerContext,
  topic: string,
  terms: readonly string[],
  period: DateRange,
): Promise<{ candidates: Candidate[] | null; outsidePeriod: boolean }> {
  const vector = await context.embedQuery(topic);
  const limited = hasBounds(period);
  // Read once: search reranks by the same weights the judgement below reads.
  const weights = await termWeights(context.store, terms);
  const search = (range: DateRange) =>
    searchPassages(context.store, topic, vector, {
      limit: POOL,
      mode: 'hybrid',
      vectorWeight: context.calibration.vectorWeight,
      candidates: POOL * 2,
      termWeights: weights,
      range,
    });
  const hits = await search(period);
  const strong = (list: readonly SearchHit[]) =>
    evidenceOf(list, terms, weights).some((item) => isStrongEvidence(item, context.calibration.evidence));
  if (!strong(hits)) return { candidates: null, outsidePeriod: limited && strong(await search({})) };
  const best = hits[0]!.score;
  const onTopic = hits.filter((hit) => hit.score >= best * MIN_RELATIVE_SCORE && strong([hit]));
  const centrality = await centralityOf(context, onTopic, terms);
  const candidates = onTopic
    .map((hit) => {
      const focus = termCoverage(hit.passage.context, terms, weights);
      const central = centrality.get(hit.passage.articleId) ?? 0;
      const about = (focus + central) / 2;
      const relevance = (best > 0 ? hit.score / best : 1) * (1 - ABOUT_WEIGHT + ABOUT_WEIGHT * about);
      return { ...hit, relevance, focus, centrality: central };
    })
    .sort((a, b) => b.relevance - a.relevance);
  return { candidates, outsidePeriod: false };
}

/** How central the topic is to each article the hits come from, read from all of the article's passages. */
async function centralityOf(
  context: AnswerContext,
  hits: readonly SearchHit[],
  terms: readonly string[],
): Promise<Map<number, number>> {
  const articles = new Map<number, { passages: PassageRecord[] }>();
  for (const passage of await context.store.articlePassages([
    ...new Set(hits.map((h) => h.passage.articleId)),
  ])) {
    const article = articles.get(passage.articleId);
    if (article) article.passages.push(passage);
    else articles.set(passage.articleId, { passages: [passage] });
  }
  return articleCentrality(articles, topicStems(terms));
}

/** A candidate for the key points with its word 3-grams, computed once however often it is compared. */
interface Shingled {
  candidate: Candidate;
  grams: Set<string>;
  /** Its likeness to the closest key point picked so far. */
  likeness: number;
}

/** How far two passages say the same thing: the closer of their meaning and their shared wording. */
function redundancy(a: Shingled, b: Shingled, vectors: Map<number, Float32Array>): number {
  const va = vectors.get(a.candidate.passage.id);
  const vb = vectors.get(b.candidate.passage.id);
  return Math.max(va && vb ? dot(va, vb) : 0, overlapShare(a.grams, b.grams));
}

/**
 * The key points: maximal marginal relevance (Carbonell and Goldstein, 1998) over the candidates, each pick
 * the best trade of relevance against its likeness to the points already picked, from an article not yet
 * cited while any is left. Search has already merged near-duplicate passages. Each candidate's likeness is
 * brought up to date with the last pick only, the same picks as comparing it with every pick each round:
 * that comparison, shingling both texts every time, was 9% of a brief's CPU at 120,000 passages.
 */
export function pickKeyPoints(
  candidates: readonly Candidate[],
  vectors: Map<number, Float32Array>,
  count: number,
): Candidate[] {
  const picked: Shingled[] = [];
  const left: Shingled[] = candidates.map((candidate) => ({
    candidate,
    grams: shingles(candidate.passage.text),
    likeness: 0,
  }));
  while (picked.length < count && left.length > 0) {
    const citedArticles = new Set(picked.map((p) => p.candidate.passage.articleId));
    const fresh = left.filter((c) => !citedArticles.has(c.candidate.passage.articleId));
    const pool = fresh.length > 0 ? fresh : left;
    let best = pool[0]!;
    let bestValue = -Infinity;
    for (const item of pool) {
      const value = MMR_LAMBDA * item.candidate.relevance - (1 - MMR_LAMBDA) * item.likeness;
      if (value > bestValue) [best, bestValue] = [item, value];
    }
    picked.push(best);
    left.splice(left.indexOf(best), 1);
    for (const item of left) item.likeness = Math.max(item.likeness, redundancy(item, best, vectors));
  }
  return picked.map((item) => item.candidate);
}

/**
 * A story about the topic: its headline or subjects name it and its text states it as itself (not only in
 * a name: "ALCAN ALUMINIUM LTD SETS STOCK SPLIT"). Others mention it in passing.
 */
const isAbout = (candidate: Candidate) => candidate.focus > 0 && candidate.centrality > 0;

/** The dated articles among the candidates, the most relevant first, then oldest to newest. */
function timelineOf(candidates: readonly Candidate[], terms: readonly string[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  // A story whose headline or subjects name the topic is about it; one that mentions it in passing (a
  // market story's "the reservoir service") is not, and is dated in the timeline only when no story is.
  const about = candidates.filter(isAbout);
  for (const { passage } of about.length > 0 ? about : candidates) {
    const published = dayOf(passage.published);
    // A story filed twice under one headline on one day is one entry.
    const story = `${published}|${passage.title.toLowerCase()}`;
    if (!published || seen.has(passage.articleKey) || seen.has(story)) continue;
    seen.add(passage.articleKey).add(story);
    const line = bestSentence(passage.text, terms);
    entries.push({
      articleId: passage.articleKey,
      published,
      title: passage.title,
      source: passage.source,
      url: passage.url,
      line: passage.text.slice(line.start, line.end).trim() || passage.text,
    });
    if (entries.length === TIMELINE_ENTRIES) break;
  }
  return entries.sort((a, b) => a.published.localeCompare(b.published) || a.title.localeCompare(b.title));
}

/**
 * The people quoted most often in the passages on the topic, each with the most relevant passage quoting
 * them; the highlight is their statement.
 */
async function speakersOf(
  context: AnswerContext,
  candidates: readonly Candidate[],
): Promise<{ name: string; roles: string[]; statements: number; candidate: Candidate; statement: Span }[]> {
  // Statements in stories about something else (a senator's farm bill that mentions livestock, a company
  // named after the metal announcing a stock split) are not what they said on the topic.
  const about = candidates.filter(isAbout);
  const byId = new Map((about.length > 0 ? about : candidates).map((c) => [c.passage.id, c]));
  const quotes = new Map<string, QuoteRecord[]>();
  for (const quote of await context.store.quotesIn([...byId.keys()])) {
    const list = quotes.get(quote.speaker);
    if (list) list.push(quote);
    else quotes.set(quote.speaker, [quote]);
  }
  const roles = new Map((await context.speakers()).map((speaker) => [speaker.name, speaker.roles]));
  return [...quotes]
    .map(([name, said]) => {
      const passages = [...new Set(said.map((quote) => quote.passageId))];
      const best = passages.map((id) => byId.get(id)!).sort((a, b) => b.relevance - a.relevance)[0]!;
      const inBest = said.filter((quote) => quote.passageId === best.passage.id);
      return {
        name,
        roles: roles.get(name) ?? [],
        statements: passages.length,
        candidate: best,
        statement: statementSpan(best.passage, inBest),
      };
    })
    .sort((a, b) => b.statements - a.statements || b.candidate.relevance - a.candidate.relevance)
    .slice(0, BRIEF_SPEAKERS);
}

/** Numbers the cited passages in order of first citation: one passage keeps one number. */
class Citations {
  private readonly numbers = new Map<number, number>();
  readonly sources = new Map<string, BriefSource>();

  cite(candidate: Candidate, highlight: Span): AnswerPassage {
    const { passage } = candidate;
    const n = this.numbers.get(passage.id) ?? this.numbers.size + 1;
    this.numbers.set(passage.id, n);
    const source = this.sources.get(passage.articleKey);
    if (!source) {
      this.sources.set(passage.articleKey, {
        articleId: passage.articleKey,
        title: passage.title,
        source: passage.source,
        url: passage.url,
        published: passage.published,
        citations: [n],
      });
    } else if (!source.citations.includes(n)) source.citations.push(n);
    return {
      rank: n,
      text: passage.text,
      highlight,
      score: candidate.score,
      kind: passage.kind,
      citation: citationOf(passage, n),
    };
  }
}

/**
 * A brief on a topic across the archive: key points (distinct facts, distinct articles where possible), a
 * timeline of the dated stories, the people most quoted on it, and the articles cited. A topic the archive
 * does not cover, judged as a question's answer is judged, gets a brief with `found: false` and a reason.
 */
export async function briefTopic(
  context: AnswerContext,
  rawTopic: string,
  { period = {} }: BriefOptions = {},
): Promise<TopicBrief> {
  const topic = rawTopic.normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, MAX_QUESTION_CHARS);
  const terms = queryTerms(topic);
  if (terms.length === 0) {
    return notFound(topic, period, 'Give a topic in words, for example: "ceasefire talks".');
  }
  const { candidates, outsidePeriod } = await passagesOnTopic(context, topic, terms, period);
  if (!candidates) {
    const reason = outsidePeriod
      ? `Nothing on this in the archive ${describePeriod(period)}; there is outside that period.`
      : NOTHING_ON_TOPIC;
    return notFound(topic, period, reason);
  }
  const vectors = await context.store.vectors(candidates.map((c) => c.passage.id));
  const citations = new Citations();
  // A key point states a fact: a table's rows ("TOTAL WHEAT STOCKS 4310 4293 894") are left to the sources.
  const statements = candidates.filter((candidate) => isStatement(candidate.passage.text));
  const keyPoints = pickKeyPoints(statements.length > 0 ? statements : candidates, vectors, KEY_POINTS).map(
    (candidate) => citations.cite(candidate, bestSentence(candidate.passage.text, terms)),
  );
  const speakers: BriefSpeaker[] = (await speakersOf(context, candidates)).map((speaker) => ({
    name: speaker.name,
    roles: speaker.roles,
    statements: speaker.statements,
    passage: citations.cite(speaker.candidate, speaker.statement),
  }));
  return {
    topic,
    found: true,
    reason: null,
    period,
    keyPoints,
    timeline: timelineOf(candidates, terms),
    speakers,
    sources: [...citations.sources.values()],
  };
}
