import type { CoreConfig } from '../config.js';
import { loadEmbedder, QUESTION_SESSION, type Embedder } from '../embed/embedder.js';
import type { IndexDigest } from '../store/index-digest.js';
import { asIndexError } from '../store/open-database.js';
import { openStoreIndex, type StoreIndex } from '../store/open-store.js';
import type { ArticleRecord, PassageStore, SpeakerRecord } from '../store/passage-store.js';
import type { Answer } from './answer-schema.js';
import type { TopicBrief } from './brief-schema.js';
import { answerQuestion, type AnswerContext, type AskOptions } from './build-answer.js';
import { calibrationFor, type ModelCalibration } from './calibration.js';
import { storedCalibration } from './self-calibration.js';
import { StoryCache } from '../search/story-cache.js';
import { briefTopic, type BriefOptions } from './topic-brief.js';

/**
 * Questions whose answers run every part that loads on first use: the speaker list and its name index, the
 * sign codes, the lemmatizer and WordNet. At 120,872 passages with the proxy model the bot's first speaker
 * question cost 0.6 to 0.8 CPU-s and its first other question 1.0 to 1.2 CPU-s more than the next ones;
 * after these two, "Who won the election?" took 94 CPU-ms and "what did Blair say?" 19.
 */
const WARM_UP_QUESTIONS = ['What did the minister say about the economy?', 'How much did prices rise?'];

/** Re-indexes commit minutes apart: a third commit within one question's milliseconds is not expected. */
const ATTEMPTS_WHILE_INDEX_CHANGES = 3;

export interface BriefingOptions {
  /** Open the index read-only: for a process that only asks (`npm run ask`), not for the long-running bot. */
  readOnly?: boolean;
}

/**
 * The question-answering service: the index and the model, loaded once and shared by every question.
 * The index is followed (src/store/open-store.ts): rebuilt, the new one is read without a restart.
 * It knows nothing of how answers are shown (terminal, Discord).
 */
export class Briefing {
  /** What is read once per version of the index: re-read after a re-index or when the file is replaced. */
  private versionCache: {
    store: PassageStore;
    version: number;
    calibration: ModelCalibration;
    speakers: SpeakerRecord[] | null;
  } | null = null;
  /** Stories read by questions, kept for the next ones while the index is unchanged (see story-cache). */
  private readonly stories = new StoryCache();

  private constructor(
    private readonly index: StoreIndex,
    readonly embedder: Embedder,
    private readonly config: CoreConfig,
  ) {}

  static async open(
    config: CoreConfig,
    embedder?: Embedder,
    options: BriefingOptions = {},
  ): Promise<Briefing> {
    const index = await openStoreIndex(config, { readOnly: options.readOnly });
    try {
      const model = embedder ?? (await loadEmbedder(config, QUESTION_SESSION));
      return new Briefing(index, model, config);
    } catch (error) {
      index.close();
      throw error;
    }
  }

  /** Answers from one store throughout, even if the index file is replaced while the question runs. */
  ask(question: string, options?: AskOptions): Promise<Answer> {
    return this.withContext((context) => answerQuestion(context, question, options));
  }

  /** Loads what questions load on first use, so that a long-running process's first users do not wait for it. */
  async warmUp(): Promise<void> {
    for (const question of WARM_UP_QUESTIONS) await this.ask(question);
  }

  /** A brief on a topic across the archive (or a period of it), from one store throughout. */
  brief(topic: string, options?: BriefOptions): Promise<TopicBrief> {
    return this.withContext((context) => briefTopic(context, topic, options));
  }

  /**
   * A question reads the store in several queries; a re-index committing between two of them mixes two
   * indexes (passage ids found in the old one, read back from the new), and a running bot answered "nothing
   * found" to a sample question that way during a full re-index. So a question during which the index
   * changed runs again, on the new index; the last attempt's answer stands whatever happens meanwhile.
   */
  private async withContext<T>(work: (context: AnswerContext) => Promise<T>): Promise<T> {
    try {
      for (let attempt = 1; ; attempt++) {
        const lease = this.index.lease();
        try {
          const { version, calibration } = await this.versionOf(lease.store);
          const result = await work({
            store: lease.store,
            calibration,
            speakers: () => this.speakersOf(lease.store),
            embedQuery: async (text) => (await this.embedder.embed([text]))[0]!,
            stories: this.stories,
          });
          if (attempt === ATTEMPTS_WHILE_INDEX_CHANGES || (await lease.store.dataVersion()) === version) {
            return result;
          }
        } finally {
          lease.release();
        }
      }
    } catch (error) {
      throw asIndexError(this.config.DB_PATH, error);
    }
  }

  /** Everyone quoted in the index, most quoted first; re-read only after a re-index. */
  speakers(): Promise<SpeakerRecord[]> {
    return this.read((store) => this.speakersOf(store));
  }

  /** The indexed articles with their passage counts, newest first. */
  articles(): Promise<ArticleRecord[]> {
    return this.read((store) => store.articles());
  }

  /** What the last re-index added and updated, for the bot's digest; null when it left none. */
  latestDigest(): Promise<IndexDigest | null> {
    return this.read((store) => store.latestDigest());
  }

  passageCount(): Promise<number> {
    return this.read((store) => store.passageCount());
  }

  close(): void {
    this.index.close();
  }

  private async read<T>(work: (store: PassageStore) => Promise<T>): Promise<T> {
    try {
      return await this.index.read(work);
    } catch (error) {
      throw asIndexError(this.config.DB_PATH, error);
    }
  }

  private async speakersOf(store: PassageStore): Promise<SpeakerRecord[]> {
    const version = await this.versionOf(store);
    version.speakers ??= await store.speakers();
    return version.speakers;
  }

  /** The settings measured on this index (self-calibration) win over those measured for the model here. */
  private async versionOf(store: PassageStore) {
    const version = await store.dataVersion();
    const cached = this.versionCache;
    if (cached?.store === store && cached.version === version) return cached;
    const model = this.config.EMBEDDING_MODEL;
    // A stale measurement (articles changed since) still beats the model's defaults until it is redone.
    const measured = storedCalibration((await store.storedCalibration())?.settings ?? null, model);
    this.versionCache = {
      store,
      version,
      calibration: calibrationFor(model, this.config, measured),
      speakers: null,
    };
    return this.versionCache;
  }
}
