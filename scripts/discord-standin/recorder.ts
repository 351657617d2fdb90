import type { UploadedFile } from './messages.js';
import type { RouteName } from './routes.js';

/** One HTTP request the bot made, with the stand-in's answer. Recorded after it was answered. */
export interface RecordedRequest<TBody = unknown> {
  method: string;
  /** Path below the API version, e.g. `/channels/123/messages` (or the full path for unknown routes). */
  path: string;
  /** The matched route, e.g. `POST /channels/:channel/messages`; null when no route matched (answered 404). */
  route: RouteName | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; null when there was none. */
  body: TBody;
  /** Uploaded `files[n]` parts of a multipart body. */
  files: UploadedFile[];
  status: number;
  /** The JSON the stand-in answered with (undefined for 204). */
  response: unknown;
  time: number;
}

/** `TBody` is what the test expects bodies of matching requests to look like; nothing checks it. */
export type RequestPredicate<TBody = unknown> = (request: RecordedRequest<TBody>) => boolean;

/** The bot's edit of the deferred response to the interaction with this token: where an answer lands. */
export const isEdit =
  (token: string): RequestPredicate =>
  (r) =>
    r.route === 'PATCH /webhooks/:application/:token/messages/:message' && r.params.token === token;

interface Waiter {
  predicate: RequestPredicate;
  resolve: (request: RecordedRequest) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The request log plus promise-based waiting on it, so tests never need to sleep. */
export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly #waiters = new Set<Waiter>();

  record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of this.#waiters) {
      let matches: boolean;
      try {
        matches = waiter.predicate(request);
      } catch (error) {
        // A predicate that throws on an unexpected body shape would otherwise surface only as a timeout.
        this.#settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (!matches) continue;
      this.#settle(waiter);
      waiter.resolve(request);
    }
  }

  /**
   * The first recorded request matching the predicate, including ones already recorded, so there is no race
   * between triggering the bot and starting to wait. Narrow the predicate (e.g. by interaction token) when an
   * earlier request could also match.
   */
  waitFor<TBody = unknown>(
    predicate: RequestPredicate<TBody>,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest<TBody>> {
    const requests = this.requests as RecordedRequest<TBody>[];
    const existing = requests.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate: predicate as RequestPredicate,
        resolve: resolve as (request: RecordedRequest) => void,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter);
          reject(
            new Error(`discord-standin: no matching request within ${timeoutMs} ms; saw:\n${this.summary()}`),
          );
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** One line per recorded request, for failure messages. */
  summary(): string {
    return this.requests.map((r) => `  ${r.status} ${r.method} ${r.path}`).join('\n') || '  (no requests)';
  }

  /** Fails pending waits so a test that closes early reports it instead of hanging. */
  rejectPending(reason: string): void {
    for (const waiter of this.#waiters) {
      this.#settle(waiter);
      waiter.reject(new Error(`discord-standin: ${reason}`));
    }
  }

  #settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }
}
