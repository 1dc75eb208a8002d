import { useEffect, useState } from 'react';
import { apiUrl } from '../api/client';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'ended';

/**
 * The newest `event` of a server-sent event stream of the API (the session cookie goes along). The browser
 * reconnects by itself and sends `Last-Event-ID`, so the server resumes without repeating; `end` closes it.
 * `parse` validates the event's JSON (the same shape as the polled route).
 */
export function useEventStream<T>(path: string | null, event: string, parse: (data: unknown) => T) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    if (path === null) return undefined;
    const source = new EventSource(apiUrl(path), { withCredentials: true });
    setState('connecting');
    source.onopen = () => setState('open');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'ended' : 'reconnecting');
    source.addEventListener(event, (message) => {
      setValue(parse(JSON.parse((message as MessageEvent<string>).data)));
    });
    source.addEventListener('end', () => {
      source.close();
      setState('ended');
    });
    return () => source.close();
  }, [path, event, parse]);
  return { value, state };
}
