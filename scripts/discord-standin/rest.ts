import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordError, notFound, unauthorized } from './errors.js';
import type { MessageStore, UploadedFile } from './messages.js';
import type { RequestRecorder } from './recorder.js';
import { ROUTES, UNAUTHENTICATED_ROUTES, type Reply, type RouteName, type RouteRequest } from './routes.js';

/** The client is configured with `rest: { api: '<origin>/api' }` and adds the version itself. */
export const API_ROOT = '/api';
const API_PREFIX = `${API_ROOT}/v10`;
/** Attachment URLs of stored messages point below this path, which serves the uploaded bytes. */
export const ATTACHMENTS_PREFIX = '/attachments';

export interface RestOptions {
  token: string;
  routes: Record<RouteName, (req: RouteRequest) => Reply>;
  recorder: RequestRecorder;
  messages: MessageStore;
}

/** The HTTP side of the stand-in: parses, authenticates, routes and records every request. */
export function createRequestListener(options: RestOptions) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    void handle(options, request, response).catch((error: unknown) => {
      // Only a broken connection gets here; answer if still possible so the client does not hang.
      if (!response.headersSent) send(response, { status: 500, body: { code: 0, message: String(error) } });
    });
  };
}

async function handle(
  options: RestOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  if (method === 'GET' && url.pathname.startsWith(`${ATTACHMENTS_PREFIX}/`)) {
    serveAttachment(options.messages, url.pathname, response);
    return;
  }
  const inApi = url.pathname.startsWith(`${API_PREFIX}/`);
  // Recorded decoded (`/messages/@original`, reaction emoji as text) so tests can compare paths literally.
  const path = decodeURIComponent(inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname);
  const matched = inApi ? matchRoute(method, path) : null;
  const query = Object.fromEntries(url.searchParams);
  let parsed: ParsedBody = { body: null, files: [] };
  let reply: Reply;
  try {
    parsed = await readBody(request);
    if (!matched) throw notFound();
    if (
      !UNAUTHENTICATED_ROUTES.has(matched.route) &&
      request.headers.authorization !== `Bot ${options.token}`
    ) {
      throw unauthorized();
    }
    reply = options.routes[matched.route]({ params: matched.params, query, ...parsed });
  } catch (error) {
    // A non-Discord error is a bug in the stand-in or an unparsable body; answer 500 (discord.js retries
    // those a few times, then rejects) and record it like anything else so the test sees the cause.
    reply =
      error instanceof DiscordError
        ? { status: error.status, body: error.body }
        : { status: 500, body: { code: 0, message: `discord-standin: ${String(error)}` } };
  }
  send(response, reply);
  options.recorder.record({
    method,
    path,
    route: matched?.route ?? null,
    params: matched?.params ?? {},
    query,
    ...parsed,
    status: reply.status,
    response: reply.body,
    time: Date.now(),
  });
}

function matchRoute(
  method: string,
  path: string,
): { route: RouteName; params: Record<string, string> } | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const [routeMethod, pattern] = route.split(' ') as [string, string];
    const parts = pattern.split('/').filter(Boolean);
    if (routeMethod !== method || parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const segment = segments[i]!;
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = segment;
      return true;
    });
    if (matches) return { route, params };
  }
  return null;
}

interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

/** JSON bodies as-is; multipart bodies (sent by discord.js when files are attached) as payload_json + files. */
async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (!raw.length) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    for (const [field, value] of form) {
      if (typeof value === 'string') continue;
      files.push({
        field,
        filename: value.name,
        contentType: value.type || 'application/octet-stream',
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    const payload = form.get('payload_json');
    return { body: typeof payload === 'string' ? JSON.parse(payload) : null, files };
  }
  if (contentType.startsWith('application/json'))
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  return { body: raw.toString('utf8'), files: [] };
}

function serveAttachment(messages: MessageStore, pathname: string, response: ServerResponse): void {
  // Paths look like /attachments/<channel>/<attachment id>/<filename>.
  const attachmentId = pathname.split('/')[3] ?? '';
  const file = messages.file(attachmentId);
  if (!file) {
    send(response, { status: 404, body: notFound().body });
    return;
  }
  response.writeHead(200, { 'content-type': file.contentType, 'content-length': file.data.length });
  response.end(file.data);
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const json = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}
