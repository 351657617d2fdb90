import { DiscordAPIError, HTTPError, RateLimitError, type REST } from 'discord.js';
import { ConfigError } from '../config.js';

/** Resolver failures: the name of Discord's API host found no address. */
const NAME_NOT_RESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/**
 * The socket-level cause of a failed request: `timeout` when discord.js gave up waiting (its REST aborts
 * each try after `timeout` ms), otherwise the system or undici code (ECONNREFUSED, UND_ERR_SOCKET, ...),
 * looked for along the `cause` chain because `fetch` wraps it in a bare "fetch failed".
 */
function networkFault(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'AbortError' || cause.name === 'TimeoutError') return 'timeout';
    const { code } = cause as { code?: unknown };
    if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+|ERR_TLS_[A-Z_]+)$/.test(code)) {
      return code;
    }
  }
  return undefined;
}

/**
 * A request to Discord that never got an answer (no DNS, refused, reset, timed out), as one line that says
 * so and what to check; anything else, including Discord's own error answers, is returned unchanged.
 * `rest` is the client that tried: its options say where it went and how long it waited.
 */
export function explainUnreachable(error: unknown, rest: REST): unknown {
  if (error instanceof DiscordAPIError || error instanceof HTTPError || error instanceof RateLimitError) {
    return error;
  }
  const fault = networkFault(error);
  if (!fault) return error;
  const { api, timeout, retries } = rest.options;
  const { host } = new URL(api);
  // Only tests and proxies point the client elsewhere; then the setting is the first thing to check.
  const where = host === 'discord.com' ? host : `${host} (DISCORD_API_URL)`;
  if (NAME_NOT_RESOLVED.has(fault)) {
    return new ConfigError(
      `Discord could not be reached: the name ${where} could not be resolved (${fault}); check this machine's DNS settings and internet connection, then try again.`,
    );
  }
  const what =
    fault === 'timeout'
      ? `${where} did not answer within ${Number(((timeout * (retries + 1)) / 1000).toFixed(1))} s (${retries + 1} tries)`
      : `the connection to ${where} failed (${fault})`;
  return new ConfigError(
    `Discord could not be reached: ${what}; check this machine's internet connection, firewall and proxy, and https://discordstatus.com, then try again.`,
  );
}
