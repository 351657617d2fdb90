import { describe, expect, it } from 'vitest';
import { shardOfProcess } from '../src/bot/shard-env.js';

describe('shardOfProcess', () => {
  it('is null in a process the user started, even with SHARD_COUNT set', () => {
    expect(shardOfProcess({ SHARD_COUNT: '2' })).toBeNull();
  });

  it('reads the shard from what the ShardingManager sets', () => {
    expect(shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({
      id: 1,
      count: 2,
    });
  });

  it.each([
    ['2', '2'],
    ['[0]', '2'],
    ['0', 'auto'],
  ])('refuses shard %s of %s', (shards, count) => {
    expect(() => shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: shards, SHARD_COUNT: count })).toThrow(
      `Started as shard ${shards} of ${count}, which is not a shard.`,
    );
  });
});
