import type { Response } from 'express';
import type { EventSink } from '#libs/sync';

/**
 * Starts a server-sent events answer on `res` (200, text/event-stream, no caching or proxy buffering)
 * and returns the sink writing `event:` / `id:` / `data:` frames to it.
 */
export function openEventStream(res: Response): EventSink {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Accel-Buffering', 'no');
  res.setHeader('Connection', 'keep-alive');
  res.flushHeaders();
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
