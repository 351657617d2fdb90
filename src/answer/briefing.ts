import type { CoreConfig } from '../config.js';
import { loadEmbedder, type Embedder } from '../embed/embedder.js';
import { FollowedIndex } from '../store/followed-index.js';
import { asIndexError } from '../store/open-database.js';
import type { ArticleRecord, PassageStore, SpeakerRecord } from '../store/passage-store.js';
import type { Answer } from './answer-schema.js';
import { answerQuestion, type AskOptions } from './build-answer.js';
import { calibrationFor, type ModelCalibration } from './calibration.js';

export interface BriefingOptions {
  /** Open the index read-only: for a process that only asks (`npm run ask`), not for the long-running bot. */
  readOnly?: boolean;
}

/**
 * The question-answering service: the index and the model, loaded once and shared by every question.
 * The index is followed as a file: deleted and rebuilt, the new one is read without a restart.
 * It knows nothing of how answers are shown (terminal, Discord).
 */
export class Briefing {
  private speakerCache: { store: PassageStore; version: number; speakers: SpeakerRecord[] } | null = null;

  private constructor(
    private readonly index: FollowedIndex,
    readonly embedder: Embedder,
    private readonly calibration: ModelCalibration,
    private readonly dbPath: string,
  ) {}

  static async open(
    config: CoreConfig,
    embedder?: Embedder,
    options: BriefingOptions = {},
  ): Promise<Briefing> {
    const index = FollowedIndex.open(config.DB_PATH, config.EMBEDDING_MODEL, {
      quantizeAbove: config.VECTOR_QUANTIZE_ABOVE,
      readOnly: options.readOnly,
    });
    try {
      const model = embedder ?? (await loadEmbedder(config));
      return new Briefing(index, model, calibrationFor(config.EMBEDDING_MODEL, config), config.DB_PATH);
    } catch (error) {
      index.close();
      throw error;
    }
  }

  /** Answers from one store throughout, even if the index file is replaced while the question runs. */
  async ask(question: string, options?: AskOptions): Promise<Answer> {
    try {
      const lease = this.index.lease();
      try {
        return await answerQuestion(
          {
            store: lease.store,
            calibration: this.calibration,
            speakers: () => this.speakersOf(lease.store),
            embedQuery: async (text) => (await this.embedder.embed([text]))[0]!,
          },
          question,
          options,
        );
      } finally {
        lease.release();
      }
    } catch (error) {
      throw asIndexError(this.dbPath, error);
    }
  }

  /** Everyone quoted in the index, most quoted first; re-read only after a re-index. */
  speakers(): SpeakerRecord[] {
    return this.read((store) => this.speakersOf(store));
  }

  /** The indexed articles with their passage counts, newest first. */
  articles(): ArticleRecord[] {
    return this.read((store) => store.articles());
  }

  passageCount(): number {
    return this.read((store) => store.passageCount());
  }

  close(): void {
    this.index.close();
  }

  private read<T>(work: (store: PassageStore) => T): T {
    try {
      return this.index.read(work);
    } catch (error) {
      throw asIndexError(this.dbPath, error);
    }
  }

  private speakersOf(store: PassageStore): SpeakerRecord[] {
    const version = store.dataVersion();
    const cached = this.speakerCache;
    if (cached?.store === store && cached.version === version) return cached.speakers;
    const speakers = store.speakers();
    this.speakerCache = { store, version, speakers };
    return speakers;
  }
}
