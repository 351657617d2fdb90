import type { Logger } from 'pino';
import type { Briefing } from '../answer/briefing.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { Cooldown } from './cooldown.js';

/** The parts of the question-answering service the bot uses; tests wrap it to inject failures. */
export type BriefingService = Pick<Briefing, 'ask' | 'brief' | 'speakers' | 'articles'>;

export type FeedbackService = Pick<FeedbackStore, 'recordAnswer' | 'vote'>;

/** What every handler works with, loaded once at start-up. */
export interface BotContext {
  briefing: BriefingService;
  feedback: FeedbackService;
  cooldown: Cooldown;
  logger: Logger;
  /** Channels where every message is a question (ASK_CHANNEL_IDS). */
  askChannelIds: readonly string[];
}
