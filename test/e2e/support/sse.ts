/** A minimal server-sent events client over fetch (what the browser console does with EventSource). */
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
  at: number;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** The body of a non-stream answer (errors), else ''. */
  text: string;
  events: SseEvent[];
  comments: string[];
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  /** The first event (from the start) matching `match`, waiting up to `timeoutMs`. */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export async function openSse(
  url: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: {
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const isStream = res.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  const text = isStream ? '' : await res.text();
  const ended = isStream ? read(res, events, comments, () => waiters.forEach((w) => w())) : Promise.resolve();
  let finished = !isStream;
  void ended.finally(() => {
    finished = true;
    waiters.forEach((w) => w());
  });
  return {
    status: res.status,
    headers: res.headers,
    text,
    events,
    comments,
    ended,
    close: () => abort.abort(),
    waitFor: (match, timeoutMs = 60_000) =>
      new Promise<SseEvent>((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            done();
            resolve(found);
          } else if (finished) {
            done();
            reject(
              new Error(`stream ended without the event; got ${JSON.stringify(events.map((e) => e.event))}`),
            );
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`timed out; events so far: ${events.map((e) => `${e.event}#${e.id}`).join(', ')}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
}

async function read(
  res: Response,
  events: SseEvent[],
  comments: string[],
  notify: () => void,
): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event: SseEvent = { event: 'message', id: null, data: '', at: Date.now() };
        let isEvent = false;
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim());
          const [, field, rest] = /^([a-z]+): ?(.*)$/.exec(line) ?? [];
          if (field === 'event') event.event = rest ?? '';
          if (field === 'id') event.id = rest ?? null;
          if (field === 'data') event.data += rest ?? '';
          if (field) isEvent = true;
        }
        if (isEvent) events.push(event);
        notify();
      }
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
}

export function dataOf(event: SseEvent): Record<string, unknown> {
  return JSON.parse(event.data) as Record<string, unknown>;
}
