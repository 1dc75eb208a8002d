import type { IncomingMessage } from 'node:http';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';

/**
 * Reads a request body as the chunks it arrived in, not joined: an unverified body is only hashed, and a
 * forged one is dropped without ever being copied into one buffer (eight 25 MB copies at once held the
 * event loop for 100+ ms). A body over `limit` (by Content-Length, or by the bytes read) is refused
 * with 413 without being kept: like body-parser, the rest is read and dropped before the answer, so the
 * sender sees the 413 rather than a connection reset. `onChunk` sees each kept chunk as it arrives.
 * Past its first 256 kB, a body is paused after each kept chunk until the next turn of the event loop: a
 * socket's reads stop there, so one turn hashes at most a chunk or two per large body however fast they
 * arrive (without it, libuv reads up to 32 chunks, 2 MB, per socket per turn, and eight bodies arriving
 * together are hashed for tens of milliseconds before any other request is read). Smaller bodies are not
 * paused: a burst of ordinary deliveries is verified as it is read and releases its permits at once.
 */
const PAUSE_AFTER_BYTES = 256 * 1024;

export function readBody(
  req: IncomingMessage,
  limit: number,
  onChunk?: (chunk: Buffer) => void,
): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let overLimit = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (overLimit) return;
      size += chunk.length;
      if (size > limit) {
        overLimit = true;
        chunks.length = 0;
        return;
      }
      onChunk?.(chunk);
      chunks.push(chunk);
      if (size > PAUSE_AFTER_BYTES) {
        req.pause();
        setImmediate(() => req.resume());
      }
    });
    req.once('end', () => {
      if (overLimit) reject(new PayloadTooLargeException(`request body is over ${limit / 1024 / 1024} MB`));
      else resolve(chunks);
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new BadRequestException('request aborted before its body was complete'));
    });
  });
}
