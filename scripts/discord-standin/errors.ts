/** The JSON body Discord sends with every 4xx; discord.js turns it into a DiscordAPIError. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** Thrown by handlers to answer with a Discord-style error instead of a success. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.message} (code ${body.code})`);
  }
}

// The codes and messages Discord really uses, so bot code that branches on `error.code` can be exercised.
export const unknownChannel = () => new DiscordError(404, { code: 10003, message: 'Unknown Channel' });
export const unknownGuild = () => new DiscordError(404, { code: 10004, message: 'Unknown Guild' });
export const unknownMessage = () => new DiscordError(404, { code: 10008, message: 'Unknown Message' });
export const unknownUser = () => new DiscordError(404, { code: 10013, message: 'Unknown User' });
export const unknownWebhook = () => new DiscordError(404, { code: 10015, message: 'Unknown Webhook' });
export const unknownInteraction = () =>
  new DiscordError(404, { code: 10062, message: 'Unknown interaction' });
export const unknownCommand = () =>
  new DiscordError(404, { code: 10063, message: 'Unknown application command' });
export const alreadyAcknowledged = () =>
  new DiscordError(400, { code: 40060, message: 'Interaction has already been acknowledged.' });
export const emptyMessage = () =>
  new DiscordError(400, { code: 50006, message: 'Cannot send an empty message' });
export const notMessageAuthor = () =>
  new DiscordError(403, { code: 50005, message: 'Cannot edit a message authored by another user' });
export const unauthorized = () => new DiscordError(401, { code: 0, message: '401: Unauthorized' });
export const notFound = () => new DiscordError(404, { code: 0, message: '404: Not Found' });
export const badRequest = (message: string) => new DiscordError(400, { code: 50035, message });
export const unknownMember = () => new DiscordError(404, { code: 10007, message: 'Unknown Member' });
export const missingPermissions = () =>
  new DiscordError(403, { code: 50013, message: 'Missing Permissions' });
