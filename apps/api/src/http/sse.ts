import type { FastifyReply } from 'fastify';
import type { EventSink } from '#libs/sync';

/**
 * Starts a server-sent events answer on `reply` (200, text/event-stream, no caching or proxy buffering)
 * and returns the sink writing `event:` / `id:` / `data:` frames to it. The stream is written to the raw
 * response (fastify lets go of the reply), with the headers guards already set (rate limits, …).
 */
export function openEventStream(reply: FastifyReply): EventSink {
  reply.hijack();
  const res = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) res.setHeader(name, value);
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  res.socket?.setNoDelay(true);
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  };
  res.on('close', close);
  const write = (text: string) => {
    if (!closed && !res.writableEnded) res.write(text);
  };
  return {
    event(name, id, data) {
      write(`event: ${name}\n${id === null ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      write(`: ${text}\n\n`);
    },
    end() {
      if (!res.writableEnded) res.end();
      close();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}

/** The Last-Event-ID header as a non-negative integer, or null (absent or not a number). */
export function lastEventId(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null;
}
