import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../../src/bot/limits.js';

/** The message fields the limit checks read, as discord.js builds them or as the stand-in stored them. */
interface SentMessage {
  content?: string | null;
  embeds?: APIEmbed[];
  components?: unknown[];
}

/** Fails unless Discord would accept every length in the message (checked independently of the stand-in). */
export function expectWithinDiscordLimits(message: SentMessage): void {
  const embeds = message.embeds ?? [];
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  }
  expect(embeds.reduce((total, embed) => total + embedLength(embed), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
  for (const row of (message.components ?? []) as { components: { custom_id?: string }[] }[]) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const button of row.components) expect(button.custom_id?.length ?? 0).toBeLessThanOrEqual(100);
  }
}
