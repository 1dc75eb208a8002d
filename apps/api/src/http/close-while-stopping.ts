import type { onSendHookHandler } from 'fastify';
import type { Lifecycle } from '#libs/metrics';

/** While stopping, every answer (also of a request that arrived before) closes its keep-alive connection. */
export function closeConnectionsWhileStopping(lifecycle: Lifecycle): onSendHookHandler {
  return (_req, reply, payload, done) => {
    if (lifecycle.stopping) void reply.header('Connection', 'close');
    done(null, payload);
  };
}
