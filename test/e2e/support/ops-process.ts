import http from 'node:http';
import type { TestSystem } from './system.js';

/** The environment of a child api/worker process on the same database, Redis prefix and simulator. */
export function childEnv(system: TestSystem, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: system.config.databaseUrl,
    REDIS_URL: system.config.redisUrl,
    QUEUE_PREFIX: system.config.queue.prefix,
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'), // as startSystem
    MCP_GITHUB_SERVER_URL: system.config.mcp.serverUrl,
    MCP_RETRY_DELAY: '0.05',
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    WORKER_PORT: '0',
    ...extra,
  };
}

/** Every stdout/stderr line that is a JSON object (the logs). */
export function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface PartialRequest {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>;
}

/** A POST whose headers and first half of the body are sent now, the rest on `finish()`. */
export function partialPost(url: string, headers: Record<string, string>, body: string): PartialRequest {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const req = http.request(url, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(bytes.length) },
  });
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
    },
  );
  req.write(bytes.subarray(0, half));
  return { finish: () => req.end(bytes.subarray(half)), response };
}

/** Resolves with the HTTP status, or 'refused' when nothing listens any more. */
export async function statusOf(url: string): Promise<number | 'refused'> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 'refused';
  }
}
