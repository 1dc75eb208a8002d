import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, UnavailableError, ValidationError } from '#libs/common';
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

/** The one place errors become HTTP: `{ error: { code, message, field? } }`. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, message, field } = this.describe(exception);
    if (status >= 500) this.logger.error(message, exception instanceof Error ? exception.stack : undefined);
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (status === 503) response.setHeader('Retry-After', '5');
    response
      .status(status)
      .json({ error: { code: CODE[status] ?? 'error', message, ...(field ? { field } : {}) } });
  }

  private describe(exception: unknown): { status: number; message: string; field?: string | undefined } {
    if (exception instanceof ValidationError)
      return { status: 400, message: exception.message, field: exception.field };
    if (exception instanceof DomainError)
      return { status: STATUS[exception.kind], message: exception.message };
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
    const httpError = exception as { status?: unknown; type?: unknown; message?: unknown };
    if (typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
      return { status: httpError.status, message: String(httpError.message ?? 'bad request') }; // body-parser errors
    }
    return { status: 500, message: 'internal error' };
  }
}
