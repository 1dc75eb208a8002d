import { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { jobBindings } from '../src/job-log-context.js';
import { pinoHttpOptions, requestId } from '../src/logger-options.js';
import { REDACTED, redactDeep, redactText, redactUrl } from '../src/redaction.js';

function capture(level: 'info' | 'error' = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const options = pinoHttpOptions({ logLevel: level }, { service: 'api', version: '9.9.9' });
  const { genReqId: _g, customProps: _c, autoLogging: _a, customLogLevel: _l, ...loggerOptions } = options;
  return { logger: pino(loggerOptions as pino.LoggerOptions, stream), lines };
}

describe('redaction', () => {
  it('censors secret keys at any depth, in snake and camel case', () => {
    const out = redactDeep({
      authorization: 'Bearer abc',
      headers: { Cookie: 'a=b', 'x-request-id': 'r1' },
      access_token: 'gho_x',
      integration: { webhook_secret: 's', clientSecret: 'c', accessToken: 't', login: 'octocat' },
      list: [{ api_token: 'x', id: 1 }],
      job_id: 'j1',
      tokens_used: 3,
    });
    expect(out).toEqual({
      authorization: REDACTED,
      headers: { Cookie: REDACTED, 'x-request-id': 'r1' },
      access_token: REDACTED,
      integration: {
        webhook_secret: REDACTED,
        clientSecret: REDACTED,
        accessToken: REDACTED,
        login: 'octocat',
      },
      list: [{ api_token: REDACTED, id: 1 }],
      job_id: 'j1',
      tokens_used: 3,
    });
  });

  it('scrubs credentials inside strings and URLs', () => {
    expect(redactText('calling with Bearer gms_abcdefghijklmnopqrstuv now')).toBe(
      `calling with Bearer ${REDACTED} now`,
    );
    expect(redactText('token ghp_0123456789abcdefghijABCD leaked')).toBe(`token ${REDACTED} leaked`);
    expect(redactText('the token was refreshed')).toBe('the token was refreshed');
    expect(redactUrl('/admin/queues?token=gms_secret&x=1')).toBe(`/admin/queues?token=${REDACTED}&x=1`);
    expect(redactUrl('/api/auth/github/callback?code=abc&state=def')).toBe(
      `/api/auth/github/callback?code=${REDACTED}&state=${REDACTED}`,
    );
  });

  it('leaves errors and class instances to the serializers', () => {
    const error = new Error('boom');
    expect(redactDeep({ err: error })).toEqual({ err: error });
    const date = new Date(0);
    expect(redactDeep({ at: date })).toEqual({ at: date });
  });
});

describe('JSON log lines', () => {
  it('are JSON with level, time, service and version, and hide secrets in fields and messages', () => {
    const { logger, lines } = capture();
    logger.info(
      { integration: { access_token: 'gho_secret_value' }, headers: { authorization: 'token x' } },
      'connected with ghp_0123456789abcdefghijABCD',
    );
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      service: 'api',
      version: '9.9.9',
      msg: `connected with ${REDACTED}`,
      integration: { access_token: REDACTED },
      headers: { authorization: REDACTED },
    });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lines.join('')).not.toContain('gho_secret_value');
  });

  it('honour LOG_LEVEL', () => {
    const { logger, lines } = capture('error');
    logger.info('quiet');
    logger.error('loud');
    expect(lines).toHaveLength(1);
  });
});

describe('request and job ids', () => {
  function exchange(header?: string) {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
    const req = { headers: header === undefined ? {} : { 'x-request-id': header } };
    const id = requestId(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    return { id, echoed: headers['X-Request-Id'] };
  }

  it('keeps a well-formed X-Request-Id, replaces a missing or odd one, and echoes it', () => {
    expect(exchange('abc-123:x')).toEqual({ id: 'abc-123:x', echoed: 'abc-123:x' });
    const fresh = exchange('has spaces\nand newline');
    expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.echoed).toBe(fresh.id);
    expect(exchange().id).not.toBe(exchange().id);
    expect(exchange('x'.repeat(129)).id).toHaveLength(36);
  });

  it('binds job id, name, attempt and the payload ids in snake_case', () => {
    expect(
      jobBindings({
        id: 'd-1',
        name: 'process_webhook_event',
        attemptsMade: 2,
        data: { deliveryId: 'd-1', n: 3 },
      }),
    ).toEqual({ job_id: 'd-1', job_name: 'process_webhook_event', attempt: 3, delivery_id: 'd-1', n: 3 });
  });
});
