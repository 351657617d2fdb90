import { describe, expect, it } from 'vitest';
import type { Embedder } from '../src/embed/embedder.js';
import { configFor, memoizedEmbedder } from '../scripts/eval/stores.js';
import { sharedEmbedder, testConfig } from './helpers/model.js';

describe('npm run eval on more than one store', () => {
  it('embeds each distinct text once, however many stores index it, with the model’s own vectors', async () => {
    const model = await sharedEmbedder();
    const asked: string[] = [];
    const counting: Embedder = { ...model, embed: (texts) => (asked.push(...texts), model.embed(texts)) };
    const embedder = memoizedEmbedder(counting);
    const texts = [
      'Gannets nest on Skerryvore.',
      'The council raised its tax.',
      'Gannets nest on Skerryvore.',
    ];
    const first = await embedder.embed(texts);
    const second = await embedder.embed(texts.slice(0, 2));
    expect(asked).toEqual(texts.slice(0, 2));
    expect(embedder.reused).toBe(3);
    const direct = await model.embed(texts.slice(0, 2));
    expect([...first[0]!]).toEqual([...direct[0]!]);
    expect([...first[2]!]).toEqual([...direct[0]!]);
    expect([...second[1]!]).toEqual([...direct[1]!]);
  });

  it('measures SQLite at DB_PATH even when DATABASE_URL is set, and Postgres only with it', () => {
    const withUrl = testConfig({ DATABASE_URL: 'postgres://briefing@127.0.0.1:5/db' });
    expect(configFor(withUrl, 'sqlite').DATABASE_URL).toBeUndefined();
    expect(configFor(withUrl, 'postgres').DATABASE_URL).toBe(withUrl.DATABASE_URL);
    expect(() => configFor({ ...withUrl, DATABASE_URL: undefined }, 'postgres')).toThrow(
      /--store postgres needs DATABASE_URL/,
    );
  });
});
