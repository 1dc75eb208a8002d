import { HttpException } from '@nestjs/common';
import { ConflictError, CsrfError, DomainError, UnavailableError, ValidationError } from '#libs/common';
import { isDatabaseUnavailable } from '#libs/db';

const STATUS: Record<DomainError['kind'], number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
};

const CODE: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'service_unavailable',
};

export interface ErrorAnswer {
  status: number;
  /** `{ error: { code, message, field? } }` */
  body: { error: { code: string; message: string; field?: string } };
  headers: Record<string, string>;
}

/**
 * The one mapping from errors to HTTP answers (the Nest filter and the webhook route use it): domain errors
 * by kind, Nest's HttpExceptions, an unreachable database → 503, body errors (`{status}` / fastify's `{statusCode}`), and
 * anything else → 500 `internal error` (the cause is logged by the caller, never sent).
 */
export function errorAnswer(exception: unknown): ErrorAnswer {
  const { status, message, field } = describe(exception);
  const headers: Record<string, string> = {};
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  if (status === 503) headers['Retry-After'] = '5';
  const code = exception instanceof CsrfError ? exception.code : (CODE[status] ?? 'error');
  const error = { code, message, ...(field ? { field } : {}) };
  return { status, body: { error }, headers };
}

function describe(exception: unknown): { status: number; message: string; field?: string | undefined } {
  if (exception instanceof ValidationError)
    return { status: 400, message: exception.message, field: exception.field };
  if (exception instanceof ConflictError)
    return { status: 409, message: exception.message, field: exception.field };
  if (exception instanceof DomainError) return { status: STATUS[exception.kind], message: exception.message };
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    const message =
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : exception.message;
    return { status: exception.getStatus(), message };
  }
  if (isDatabaseUnavailable(exception)) {
    return { status: 503, message: new UnavailableError('database is unavailable').message };
  }
  // Errors of body reading: `status` (json-bodies.ts, body-parser style) or fastify's `statusCode`.
  const httpError = exception as { status?: unknown; statusCode?: unknown; message?: unknown };
  const status = typeof httpError.status === 'number' ? httpError.status : httpError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: String(httpError.message ?? 'bad request') };
  }
  return { status: 500, message: 'internal error' };
}
