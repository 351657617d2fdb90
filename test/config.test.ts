import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDotEnv } from '../src/cli/dot-env.js';
import { loadSettings } from '../src/cli/load-settings.js';
import {
  CONFIG_SCHEMAS,
  ConfigError,
  botConfigSchema,
  coreConfigSchema,
  parseConfig,
} from '../src/config.js';

/** Valid values for the settings some schemas require, so that each schema parses without the one under test. */
const REQUIRED = {
  DISCORD_TOKEN: `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}`,
  DISCORD_CLIENT_ID: '123456789012345678',
};

/** What parsing gives: the settings, or the error line. */
function outcome(schema: (typeof CONFIG_SCHEMAS)[number], env: Record<string, string>) {
  try {
    return { config: parseConfig(schema, env) as unknown };
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { error: (error as Error).message };
  }
}

describe('blank settings', () => {
  // Generated from the schemas themselves, so a setting added later is covered without editing this list.
  const cases = CONFIG_SCHEMAS.flatMap((schema) =>
    Object.keys(schema.shape).flatMap((name) => ['', ' ', '\t  '].map((blank) => ({ schema, name, blank }))),
  );

  it('covers every setting .env.example documents, and .env.example documents every setting', () => {
    const names = new Set(cases.map(({ name }) => name));
    expect(new Set(Object.keys(readDotEnv('.env.example')))).toEqual(names);
  });

  it.each(cases)('$name=$blank counts as unset', ({ schema, name, blank }) => {
    const without = { ...REQUIRED };
    delete (without as Record<string, string>)[name];
    expect(outcome(schema, { ...without, [name]: blank })).toEqual(outcome(schema, without));
  });

  it('keeps the defaults that blanks used to turn into 0', () => {
    const config = parseConfig(coreConfigSchema, {
      VECTOR_QUANTIZE_ABOVE: '',
      ANSWER_MIN_SIMILARITY: ' ',
      DB_PATH: '  ',
    });
    expect(config.VECTOR_QUANTIZE_ABOVE).toBe(10_000);
    expect(config.ANSWER_MIN_SIMILARITY).toBeUndefined();
    expect(config.DB_PATH).toBe('data/briefing.db');
  });
});

describe('loadSettings', () => {
  let folder: string;
  const dotEnv = (text: string) => {
    const file = path.join(folder, `${Math.random().toString(36).slice(2)}.env`);
    fs.writeFileSync(file, text);
    return file;
  };
  const noWarnings = (line: string) => expect.unreachable(line);

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-config-'));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads .env, the environment winning, and a blank in either counting as unset', () => {
    const file = dotEnv(
      'DB_PATH=file.db\nARTICLES_DIR=file-articles\nCOOLDOWN_SECONDS=\nEMBEDDING_MODEL=file/model\n',
    );
    const config = loadSettings(coreConfigSchema, {
      dotEnvFile: file,
      env: { DB_PATH: 'env.db', EMBEDDING_MODEL: ' ' },
      warn: noWarnings,
    });
    expect(config).toMatchObject({
      DB_PATH: 'env.db',
      ARTICLES_DIR: 'file-articles',
      EMBEDDING_MODEL: 'file/model',
    });
  });

  it('caps INGEST_THREADS at the cores available, with a warning', () => {
    const warnings: string[] = [];
    const config = loadSettings(coreConfigSchema, {
      dotEnvFile: path.join(folder, 'none.env'),
      env: { INGEST_THREADS: '256' },
      cores: 2,
      warn: (line) => warnings.push(line),
    });
    expect(config.INGEST_THREADS).toBe(2);
    expect(warnings).toEqual(['INGEST_THREADS=256 is more than the 2 cores available: using 2 threads.']);
    const within = { dotEnvFile: path.join(folder, 'none.env'), cores: 2, warn: noWarnings };
    expect(loadSettings(coreConfigSchema, { ...within, env: { INGEST_THREADS: '2' } }).INGEST_THREADS).toBe(
      2,
    );
  });

  it('accepts quoted values over several lines, comments and export', () => {
    const file = dotEnv('# comment\n\nexport DB_PATH="a\nb.db"\n  ARTICLES_DIR = folder # note\n');
    const config = loadSettings(coreConfigSchema, { dotEnvFile: file, env: {}, warn: noWarnings });
    expect(config).toMatchObject({ DB_PATH: 'a\nb.db', ARTICLES_DIR: 'folder' });
  });

  it.each([
    [
      'a line without =',
      'DB_PATH=x.db\nMODEL_DIR models\nEMBEDDING_MODEL=m\n',
      /malformed at line 2: expected NAME=value/,
    ],
    ['a name with a space', 'DB PATH=x.db\n', /malformed at line 1/],
    ['a folder', null, /Cannot read the settings file \S+ \(it is a folder, not a file\)/],
  ])('refuses a .env with %s, naming the file', (_, text, message) => {
    const file = text === null ? fs.mkdtempSync(path.join(folder, 'dir-')) : dotEnv(text);
    const load = () => loadSettings(coreConfigSchema, { dotEnvFile: file, env: {}, warn: noWarnings });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });
});

describe('SHARD_COUNT', () => {
  it.each([
    ['2', 2],
    ['16', 16],
    ['auto', 'auto'],
    [undefined, undefined],
  ])('%s shards the bot as %s', (value, expected) => {
    const config = parseConfig(botConfigSchema, { ...REQUIRED, ...(value ? { SHARD_COUNT: value } : {}) });
    expect(config.SHARD_COUNT).toBe(expected);
  });

  it.each(['0', '-2', '1.5', 'two', 'AUTO ', '2 shards'])(
    'refuses %j in one line that says what is expected',
    (value) => {
      expect(outcome(botConfigSchema, { ...REQUIRED, SHARD_COUNT: value })).toEqual({
        error: 'Invalid configuration: SHARD_COUNT expected auto or a whole number of shards (1 or more)',
      });
    },
  );
});
