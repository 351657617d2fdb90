import fs from 'node:fs';
import { pipeline } from '@xenova/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder, QUESTION_SESSION, type Embedder } from '../src/embed/embedder.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

let embedder: Embedder;
beforeAll(async () => {
  embedder = await sharedEmbedder();
});

const texts = [
  'How many Russians have died?',
  '250,000 Russian soldiers have been killed since the invasion began, the ministry said in its update.',
  'Football',
  'Lammy said sanctions would continue.',
];

describe('embedder', () => {
  it("matches transformers.js's own mean pooling and normalisation, in the input order", async () => {
    const config = testConfig();
    const reference = await pipeline('feature-extraction', config.EMBEDDING_MODEL, {
      quantized: config.EMBEDDING_QUANTIZED,
    });
    const expected = await reference(texts, { pooling: 'mean', normalize: true });
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    vectors.forEach((vector, row) => {
      expect(vector).toHaveLength(embedder.dimension);
      const reference = (expected.data as Float32Array).subarray(
        row * vector.length,
        (row + 1) * vector.length,
      );
      for (let i = 0; i < vector.length; i++) expect(vector[i]).toBeCloseTo(reference[i]!, 5);
    });
  });

  // The stand-in takes token ids alone; a BERT model (the proxy has the production model's inputs) also
  // takes the attention mask and token types, which batches of texts of different lengths pad.
  const proxy = testConfig({ EMBEDDING_MODEL: 'perf-proxy/minilm-l6-random', EMBED_BATCH_SIZE: '2' });
  it.skipIf(!proxy.MODEL_DIR || !fs.existsSync(`${proxy.MODEL_DIR}/${proxy.EMBEDDING_MODEL}`))(
    "pads a BERT model's inputs as transformers.js does, batch by batch",
    async () => {
      const model = await loadEmbedder(proxy, { threads: 1 });
      const reference = await pipeline('feature-extraction', proxy.EMBEDDING_MODEL, {
        quantized: proxy.EMBEDDING_QUANTIZED,
      });
      const vectors = await model.embed(texts);
      for (const [row, text] of texts.entries()) {
        // One text at a time: int8 activations are quantized over the whole batch, so a text's vector
        // moves slightly with the texts beside it; alone, both sides run exactly the same numbers.
        const [alone] = await model.embed([text]);
        const expected = (await reference(text, { pooling: 'mean', normalize: true })).data as Float32Array;
        for (let i = 0; i < expected.length; i++) expect(alone![i]).toBeCloseTo(expected[i]!, 5);
        for (let i = 0; i < expected.length; i++) expect(vectors[row]![i]).toBeCloseTo(expected[i]!, 2);
      }
    },
  );

  it('gives the same vector for a text whatever batch it is in', async () => {
    const [alone] = await embedder.embed([texts[3]!]);
    const [, , , batched] = await embedder.embed(texts);
    for (let i = 0; i < alone!.length; i++) expect(batched![i]).toBeCloseTo(alone![i]!, 5);
  });

  // onnxruntime keeps the memory of the widest forward pass for the session's life (86 MB for 8 x 256 tokens
  // on the production model's architecture, 37 MB for 4 x 256): wide texts go fewer to a pass, one of
  // about 256 tokens (see TOKENS_PER_ROW for ingest's peak).
  it('embeds wide texts fewer at a time than short ones, each as it would alone', async () => {
    const model = await loadEmbedder(testConfig({ EMBED_BATCH_SIZE: '8' }));
    const short = Array.from({ length: 8 }, (_, n) => `Headline ${n} of the day.`);
    const wide = Array.from(
      { length: 8 },
      (_, n) => `Report ${n}: ${'the council of Ashford voted to fund the ferry plan again, '.repeat(18)}`,
    );
    const width = model.countTokens(wide[0]!);
    // Two of these would be over 256 tokens (8 rows of 32), one is not.
    expect(width).toBeGreaterThan(256 / 2);
    expect(width).toBeLessThanOrEqual(256);
    const passes: number[] = [];
    const vectors = await model.embed([...wide, ...short], (done) =>
      passes.push(done - passes.reduce((a, b) => a + b, 0)),
    );
    expect(passes).toEqual([8, 1, 1, 1, 1, 1, 1, 1, 1]);
    const [alone] = await model.embed([wide[5]!]);
    for (let i = 0; i < alone!.length; i++) expect(vectors[5]![i]).toBeCloseTo(alone![i]!, 5);
  });

  it('puts related texts closer than unrelated ones', async () => {
    const [question, answer, unrelated] = await embedder.embed(texts);
    const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    expect(cosine(question!, answer!)).toBeGreaterThan(cosine(question!, unrelated!));
  });

  // Two ingest workers each running onnxruntime's default thread per core put four threads on two cores.
  it.skipIf(!fs.existsSync('/proc/self/task'))(
    'runs a forward pass on the number of threads it is given',
    async () => {
      // New thread ids only: other threads of the test process may end meanwhile (so a plain count can
      // fall short), and an unrelated one may start, which the comparison of the two sessions absorbs.
      const threadIds = () => new Set(fs.readdirSync('/proc/self/task'));
      const startedWhile = async <T>(load: () => Promise<T>) => {
        const before = threadIds();
        const loaded = await load();
        return { loaded, started: [...threadIds()].filter((id) => !before.has(id)).length };
      };
      const single = await startedWhile(() => loadEmbedder(testConfig(), { threads: 1 }));
      const triple = await startedWhile(() => loadEmbedder(testConfig(), { threads: 3 }));
      // The calling thread is one of the session's threads: three add two more than one does.
      expect(triple.started - single.started).toBeGreaterThanOrEqual(2);
      const [one] = await single.loaded.embed([texts[3]!]);
      const [three] = await triple.loaded.embed([texts[3]!]);
      expect(Array.from(three!)).toEqual(Array.from(one!));
      // Questions run on the calling thread alone: no pool left spinning after each (QUESTION_SESSION).
      const question = await startedWhile(() => loadEmbedder(testConfig(), QUESTION_SESSION));
      expect(question.started).toBeLessThanOrEqual(single.started);
      const [asked] = await question.loaded.embed([texts[3]!]);
      expect(Array.from(asked!)).toEqual(Array.from(one!));
    },
  );
});
