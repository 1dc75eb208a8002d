/** What the simulator's webhook deliveries send: the ping body and GitHub's delivery headers, signed. */
import { HOOKSHOT_AGENT, signatures } from './signing.js';
import type { WebhookHook } from './types.js';

const ZEN = [
  'Design for failure.',
  'Keep it logically awesome.',
  'Anything added dilutes everything else.',
  'Non-blocking is better than blocking.',
  'Responsive is better than fast.',
];

/** The body of the `ping` sent when a hook is created. */
export function pingPayload(hook: WebhookHook): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    zen: ZEN[hook.id % ZEN.length],
    hook_id: hook.id,
    hook: {
      type: 'App',
      id: hook.id,
      name: 'web',
      active: true,
      events: hook.events,
      config: { content_type: 'json', insecure_ssl: '0', url: hook.url },
      updated_at: hook.createdAt,
      created_at: hook.createdAt,
    },
  };
  if (hook.installationId !== null) payload['installation'] = installationRef(hook.installationId);
  return payload;
}

/** GitHub's headers of a delivery of `body` to `hook` (signed when the hook has a secret). */
export function requestHeaders(
  hook: WebhookHook,
  event: string,
  guid: string,
  body: string,
): Record<string, string> {
  return {
    accept: '*/*',
    'content-type': 'application/json',
    'user-agent': HOOKSHOT_AGENT,
    'x-github-delivery': guid,
    'x-github-event': event,
    'x-github-hook-id': String(hook.id),
    'x-github-hook-installation-target-id': String(hook.installationId ?? hook.id),
    'x-github-hook-installation-target-type': hook.installationId !== null ? 'integration' : 'repository',
    ...signatures(hook.secret, body),
  };
}

export function subscribed(hook: WebhookHook, event: string): boolean {
  return hook.events.includes('*') || hook.events.includes(event);
}

export function installationRef(id: number): Record<string, unknown> {
  return { id, node_id: Buffer.from(`026:Integration::Installation${id}`).toString('base64') };
}
