import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

export interface EvalDocument {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface EvalQuestion {
  question: string;
  /** The document that answers it; null for a question nothing answers. */
  gold: string | null;
  /** QuAIL's question types, e.g. "Belief_states" for "what did X think" questions. */
  type?: string;
}

export interface EvalSet {
  name: string;
  documents: EvalDocument[];
  questions: EvalQuestion[];
}

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ question: z.string(), is_impossible: z.boolean().optional() })),
        }),
      ),
    }),
  ),
});

/** SQuAD-format files under BENCH_DIR: each paragraph is a document, the gold of a question is its paragraph. */
export function loadSquad(benchDir: string, name: string, file: string): EvalSet {
  const parsed = squadSchema.parse(JSON.parse(fs.readFileSync(path.join(benchDir, file), 'utf8')));
  const documents: EvalDocument[] = [];
  const questions: EvalQuestion[] = [];
  for (const article of parsed.data) {
    article.paragraphs.forEach((paragraph, index) => {
      const id = `${article.title}-${index + 1}`;
      documents.push({
        id,
        title: `${article.title.replaceAll('_', ' ')} (paragraph ${index + 1})`,
        paragraphs: [paragraph.context],
      });
      for (const qa of paragraph.qas)
        questions.push({ question: qa.question, gold: qa.is_impossible ? null : id });
    });
  }
  return { name, documents, questions };
}

const textValue = (value: unknown): string =>
  typeof value === 'object' && value !== null
    ? String((value as Record<string, unknown>)['#text'] ?? '')
    : String(value ?? '');

/** QuAIL's 30 news texts; gold is the text a question belongs to. Unanswerable questions are left out. */
export function loadQuailNews(benchDir: string): EvalSet {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (tag) => ['text', 'q', 'a'].includes(tag),
  });
  const xml = parser.parse(fs.readFileSync(path.join(benchDir, 'quail-dev/quail_1.3_dev.xml'), 'utf8')) as {
    data: {
      text: {
        domain: string;
        id: string;
        metadata: { title: unknown };
        text_body: unknown;
        questions: { q: { type: string; '#text': string }[] };
      }[];
    };
  };
  const documents: EvalDocument[] = [];
  const questions: EvalQuestion[] = [];
  for (const text of xml.data.text.filter((t) => t.domain === 'news')) {
    const paragraphs = textValue(text.text_body)
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
    documents.push({ id: text.id, title: textValue(text.metadata.title).trim(), paragraphs });
    for (const q of text.questions.q) {
      if (q.type === 'Unanswerable') continue;
      questions.push({ question: textValue(q['#text']).trim(), gold: text.id, type: q.type });
    }
  }
  return { name: 'quail-news', documents, questions };
}
