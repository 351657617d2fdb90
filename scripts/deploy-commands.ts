import { DiscordAPIError, REST, Routes } from 'discord.js';
import { TOKEN_REJECTED } from '../src/bot/client.js';
import { commandDefinitions } from '../src/bot/commands/index.js';
import { explainUnreachable } from '../src/bot/discord-unreachable.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadSettings } from '../src/cli/load-settings.js';
import { ConfigError, discordConfigSchema, type DiscordConfig } from '../src/config.js';

/** Discord's answers that mean a setting is wrong, as the one line that says which. */
function explainRejection(error: unknown, config: DiscordConfig): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (error.status === 401) return new ConfigError(TOKEN_REJECTED);
  if (error.code === 10002) {
    return new ConfigError(`DISCORD_CLIENT_ID ${config.DISCORD_CLIENT_ID} is not this bot's application ID.`);
  }
  if (error.code === 10004 || error.code === 50001) {
    return new ConfigError(
      `Cannot register commands in the server DISCORD_GUILD_ID=${config.DISCORD_GUILD_ID}: invite the bot there with the applications.commands scope, or unset DISCORD_GUILD_ID to deploy globally.`,
    );
  }
  return error;
}

runCli(async () => {
  const config = loadSettings(discordConfigSchema);
  const rest = new REST({
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
    timeout: config.DISCORD_REST_TIMEOUT_MS,
  }).setToken(config.DISCORD_TOKEN);
  const body = commandDefinitions();
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  try {
    await rest.put(route, { body });
  } catch (error) {
    throw explainUnreachable(explainRejection(error, config), rest);
  }
  const names = body.map((command) => `/${command.name}`).join(', ');
  console.log(
    config.DISCORD_GUILD_ID
      ? `Deployed ${names} to the server ${config.DISCORD_GUILD_ID}; they are available now.`
      : `Deployed ${names} globally; Discord can take up to an hour to show them everywhere.`,
  );
});
