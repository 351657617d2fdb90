import Database from 'better-sqlite3';
import { Briefing } from '../../src/answer/briefing.js';
import { ConfigError, type CoreConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { devScores, describeFailure, isFailure, judge, type DevScores } from './dev-eval.js';
import {
  answeringArticles,
  archiveKey,
  DEV_SET_FILE,
  holdsAnswer,
  loadDevSet,
  type DevQuestion,
} from './dev-set.js';

/**
 * Gold answers that no passage of their article holds (a typo, a sentence the chunker splits, an article
 * the ingest dropped as a duplicate of another) would count as misses forever: the run stops on them.
 */
function checkGoldInIndex(dbPath: string, questions: readonly DevQuestion[]): void {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const passagesOf = db.prepare<[string], { text: string }>(
      'SELECT p.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.key = ?',
    );
    const broken = questions.flatMap((q) => {
      const keys = answeringArticles(q).map((article) => archiveKey(q.corpus, article));
      const articles = keys.map((key) => ({ key, texts: passagesOf.all(key).map((row) => row.text) }));
      // The same story filed twice is indexed once, and which copy a fresh build keeps is the ingest's
      // choice: a question naming both copies needs only one of them.
      if (articles.length > 0 && articles.every(({ texts }) => texts.length === 0))
        return [`${q.id}: ${keys.join(', ')} not in the index`];
      const texts = articles.flatMap((article) => article.texts);
      const missing = q.answers.filter((answer) => !texts.some((text) => holdsAnswer(text, [answer])));
      return missing.map(
        (answer) => `${q.id}: no passage of ${keys.join(' or ')} holds ${JSON.stringify(answer)}`,
      );
    });
    if (broken.length > 0)
      throw new ConfigError(
        `development set: ${broken.length} gold answers not indexed:\n${broken.join('\n')}`,
      );
  } finally {
    db.close();
  }
}

/**
 * Asks every development question (or those of another file in its format, such as the held-out set) the
 * way the product does (`Briefing.ask`) and scores the answers.
 */
export async function evaluateDevSet(config: CoreConfig, embedder: Embedder, file = DEV_SET_FILE) {
  const questions = loadDevSet(file);
  checkGoldInIndex(config.DB_PATH, questions);
  const briefing = await Briefing.open(config, embedder);
  try {
    const results = [];
    for (const question of questions) results.push(judge(question, await briefing.ask(question.question)));
    return { scores: devScores(results), failures: results.filter(isFailure).map(describeFailure) };
  } finally {
    briefing.close();
  }
}

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(3));

export function printDevScores(
  scores: DevScores,
  model: string,
  printTable: (header: string[], rows: string[][]) => void,
  title = 'Development set',
): void {
  console.log(
    `${title} (samples + BBC + Reuters in one index, asked through the answer path) with ${model}:`,
  );
  printTable(
    ['kind', 'questions', 'hit@1', 'hit@3', 'refused'],
    scores.byKind.map((k) => [
      k.kind,
      String(k.questions),
      fixed(k.hitAt1),
      fixed(k.hitAt3),
      fixed(k.refused),
    ]),
  );
  const { answerable } = scores;
  console.log(
    `answerable: ${answerable.questions} questions, hit@1 ${fixed(answerable.hitAt1)}, hit@3 ${fixed(answerable.hitAt3)}, refused ${fixed(answerable.refused)}`,
  );
  console.log(`unanswerable refused: ${fixed(scores.unanswerableRefused)}`);
  if (scores.worstKind)
    console.log(`worst kind: ${scores.worstKind.kind} (hit@3 ${fixed(scores.worstKind.hitAt3)})`);
  console.log('');
}
