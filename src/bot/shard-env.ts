/** One gateway shard of several: Discord sends it the events of guilds with `(guild_id >> 22) % count === id`. */
export interface ShardId {
  id: number;
  count: number;
}

/**
 * The shard this process runs, when discord.js's ShardingManager started it: the manager sets
 * SHARDING_MANAGER, SHARDS (this shard's id) and SHARD_COUNT (the total) in each shard's environment.
 * Null in a process the user started.
 */
export function shardOfProcess(env: Readonly<Record<string, string | undefined>>): ShardId | null {
  if (env.SHARDING_MANAGER !== 'true') return null;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || id >= count) {
    throw new Error(`Started as shard ${env.SHARDS} of ${env.SHARD_COUNT}, which is not a shard.`);
  }
  return { id, count };
}
