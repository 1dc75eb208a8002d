import { UnavailableError } from '#libs/common';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** True when the error means "the database is not reachable" rather than "the query was wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth += 1) {
    if (typeof e !== 'object') return false;
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (
      typeof message === 'string' &&
      /ECONNREFUSED|Connection terminated|Can't reach database/i.test(message)
    ) {
      return true;
    }
    e = cause;
  }
  return false;
}

/** Rethrows connection failures as UnavailableError (HTTP 503), other errors unchanged. */
export function rethrowUnavailable(error: unknown): never {
  if (isDatabaseUnavailable(error)) throw new UnavailableError('database is unavailable', { cause: error });
  throw error;
}

/** True for a unique-constraint violation (Prisma P2002, or Postgres 23505 underneath). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth += 1) {
    if (typeof e !== 'object') return false;
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (code === 'P2002' || code === '23505') return true;
    e = cause;
  }
  return false;
}
