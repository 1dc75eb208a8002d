import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { STREAM_DROPPED_MESSAGE } from '../errors/classify-thrown.js';

/**
 * The SDK leaves a request pending until its timeout when the SSE stream of a POST breaks or ends before
 * the response (it only reconnects resumable streams). This fetch wrapper appends, at the end of every
 * non-resumable POST response stream, a JSON-RPC error for that request id. Delivered in order after the
 * stream's own events, it fails the request at once when no response came, and is otherwise ignored by
 * the SDK as a response to an already-settled request.
 */

const encoder = new TextEncoder();
/** An SSE `id:` field marks the stream as resumable; the SDK then reconnects on its own. */
const EVENT_ID_FIELD = /(?:^|[\r\n])id:/;

function requestIdOf(body: RequestInit['body']): string | number | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const message: unknown = JSON.parse(body);
    if (typeof message !== 'object' || message === null || !('method' in message) || !('id' in message)) {
      return undefined;
    }
    const id: unknown = message.id;
    return typeof id === 'string' || typeof id === 'number' ? id : undefined;
  } catch {
    return undefined;
  }
}

function droppedEvent(id: string | number): Uint8Array {
  const error = {
    jsonrpc: '2.0',
    id,
    error: { code: ErrorCode.ConnectionClosed, message: STREAM_DROPPED_MESSAGE },
  };
  return encoder.encode(`\n\nevent: message\ndata: ${JSON.stringify(error)}\n\n`);
}

function guard(
  body: ReadableStream<Uint8Array>,
  id: string | number,
  release: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let resumable = false;
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    release();
    if (!resumable) controller.enqueue(droppedEvent(id));
    controller.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) return finish(controller);
        if (!resumable && EVENT_ID_FIELD.test(decoder.decode(value, { stream: true }))) resumable = true;
        controller.enqueue(value);
      } catch {
        finish(controller);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
}

/** Per-request controllers linked to each long-lived transport signal, through one listener per signal. */
const linked = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * The transport passes one long-lived AbortSignal to every fetch; undici keeps a listener on it per request
 * until the request is garbage-collected, so thousands of calls pile up listeners ("MaxListenersExceeded").
 * Each request gets its own signal instead, linked to the transport's and unlinked when the request is done.
 */
function perRequestSignal(outer: AbortSignal | null | undefined): {
  signal?: AbortSignal;
  release: () => void;
} {
  if (!outer) return { release: () => undefined };
  const controller = new AbortController();
  if (outer.aborted) controller.abort(outer.reason);
  let live = linked.get(outer);
  if (!live) {
    const set = new Set<AbortController>();
    outer.addEventListener('abort', () => set.forEach((c) => c.abort(outer.reason)), { once: true });
    linked.set(outer, set);
    live = set;
  }
  live.add(controller);
  return { signal: controller.signal, release: () => live.delete(controller) };
}

export function createDropAwareFetch(base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    const { signal, release } = perRequestSignal(init?.signal);
    let response: Response;
    try {
      response = await base(url, signal ? { ...init, signal } : init);
    } catch (error) {
      release();
      throw error;
    }
    const type = response.headers.get('content-type') ?? '';
    if (init?.method !== 'POST' || !response.ok || !response.body || !type.includes('text/event-stream')) {
      if (!response.body || !type.includes('text/event-stream')) release();
      return response;
    }
    const id = requestIdOf(init.body);
    if (id === undefined) return response;
    return new Response(guard(response.body, id, release), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
