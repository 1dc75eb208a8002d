import { getEventListeners } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { createDropAwareFetch } from '../src/connection/drop-aware-fetch.js';

describe('drop-aware fetch signals', () => {
  it('keeps one listener on the transport signal however many requests it serves', async () => {
    const outer = new AbortController();
    const seen: AbortSignal[] = [];
    const fetchLike = createDropAwareFetch(async (_url, init) => {
      seen.push(init?.signal as AbortSignal);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    });
    for (let i = 0; i < 50; i += 1) {
      await fetchLike('http://127.0.0.1/mcp', { method: 'POST', body: '{}', signal: outer.signal });
    }
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(1);
    expect(new Set(seen).size).toBe(50);
    expect(seen.every((s) => s !== outer.signal)).toBe(true);
  });

  it('aborts requests still in flight when the transport aborts, and not finished ones', async () => {
    const outer = new AbortController();
    const signals: AbortSignal[] = [];
    let release: (() => void) | undefined;
    const fetchLike = createDropAwareFetch(async (_url, init) => {
      signals.push(init?.signal as AbortSignal);
      if (signals.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    });
    await fetchLike('http://127.0.0.1/mcp', { method: 'POST', body: '{}', signal: outer.signal });
    const pending = fetchLike('http://127.0.0.1/mcp', { method: 'POST', body: '{}', signal: outer.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    outer.abort();
    expect(signals[0]?.aborted).toBe(false);
    expect(signals[1]?.aborted).toBe(true);
    release?.();
    await pending;
  });
});
