import type { CoreConfig } from '../config.js';
import { loadEmbedder, type Embedder } from '../embed/embedder.js';
import { asIndexError } from '../store/open-database.js';
import { PassageStore, type ArticleRecord, type SpeakerRecord } from '../store/passage-store.js';
import type { Answer } from './answer-schema.js';
import { answerQuestion, type AnswerContext, type AskOptions } from './build-answer.js';
import { calibrationFor, type ModelCalibration } from './calibration.js';
import { storedCalibration } from './self-calibration.js';

/**
 * The question-answering service: the index and the model, loaded once and shared by every question.
 * It knows nothing of how answers are shown (terminal, Discord).
 */
export class Briefing {
  private speakerCache: { version: number; speakers: SpeakerRecord[] } | null = null;
  private readonly context: AnswerContext;

  private constructor(
    readonly store: PassageStore,
    readonly embedder: Embedder,
    calibration: ModelCalibration,
    private readonly dbPath: string,
  ) {
    this.context = {
      store,
      calibration,
      speakers: () => this.speakers(),
      embedQuery: async (text) => (await embedder.embed([text]))[0]!,
    };
  }

  static async open(config: CoreConfig, embedder?: Embedder): Promise<Briefing> {
    const store = PassageStore.open(config.DB_PATH, config.EMBEDDING_MODEL, {
      quantizeAbove: config.VECTOR_QUANTIZE_ABOVE,
    });
    try {
      const model = embedder ?? (await loadEmbedder(config));
      const measured = storedCalibration(store.meta.calibration, config.EMBEDDING_MODEL);
      return new Briefing(
        store,
        model,
        calibrationFor(config.EMBEDDING_MODEL, config, measured),
        config.DB_PATH,
      );
    } catch (error) {
      store.close();
      throw error;
    }
  }

  ask(question: string, options?: AskOptions): Promise<Answer> {
    return answerQuestion(this.context, question, options).catch((error: unknown) => {
      throw asIndexError(this.dbPath, error);
    });
  }

  /** Everyone quoted in the index, most quoted first; re-read only after a re-index. */
  speakers(): SpeakerRecord[] {
    const version = this.store.dataVersion();
    if (this.speakerCache?.version !== version)
      this.speakerCache = { version, speakers: this.store.speakers() };
    return this.speakerCache.speakers;
  }

  /** The indexed articles with their passage counts, newest first. */
  articles(): ArticleRecord[] {
    try {
      return this.store.articles();
    } catch (error) {
      throw asIndexError(this.dbPath, error);
    }
  }

  close(): void {
    this.store.close();
  }
}
