import type { FastifyInstance } from 'fastify';
import { requestIdOf } from './logger-options.js';

/**
 * fastify's request id is the one every log line of the request carries (pino-http takes the id fastify
 * gave the request): give fastify `genReqId` as an option, then call `echoRequestIds` on the instance,
 * which answers every request with its `X-Request-Id`.
 */
export const genReqId = requestIdOf;

export function echoRequestIds(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('X-Request-Id', req.id);
    done();
  });
}
