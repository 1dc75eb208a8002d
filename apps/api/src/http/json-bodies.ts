import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

/** A body fastify could not take, answered by errorAnswer as `{status}` errors are (400, 413). */
class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Request bodies as express.json() read them before: `application/json` (any charset) parsed strictly (an
 * object or an array; anything else is 400 `bad_request`), an empty JSON body is `{}`, over the body limit
 * is 413; a body of any other type is read and dropped (`@Body()` is undefined, so validation answers
 * 400 naming the field) instead of fastify's 415. Like fastify's own parser (and unlike express's), keys
 * that would set a prototype (`__proto__`, `constructor.prototype`) are a 400.
 */
export function jsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    const body = String(text);
    const first = /\S/.exec(body)?.[0];
    if (first === undefined) return done(null, {});
    if (first !== '{' && first !== '[') {
      return done(new BodyError(400, 'the JSON body must be an object or an array'), undefined);
    }
    try {
      done(null, secureJson.parse(body, { protoAction: 'error', constructorAction: 'error' }) as unknown);
    } catch (error) {
      done(new BodyError(400, `the body is not valid JSON: ${(error as Error).message}`, { cause: error }));
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, undefined));
}
