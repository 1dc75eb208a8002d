import { Redis } from 'ioredis';

/** Escapes Redis glob metacharacters. */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/** Deletes every key matching the glob `pattern` (SCAN + UNLINK); returns how many were deleted. */
export async function deleteKeysMatching(url: string, pattern: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/**
 * Deletes the keys of a test key prefix, also when it is used hash-tagged (`{prefix}:queue:…`, as BullMQ
 * prefixes for Redis Cluster are): every key containing `prefix:` or `prefix}`.
 */
export async function deleteKeysOfPrefix(url: string, prefix: string): Promise<number> {
  const escaped = globEscape(prefix);
  return (await deleteKeysMatching(url, `*${escaped}:*`)) + (await deleteKeysMatching(url, `*${escaped}}*`));
}
