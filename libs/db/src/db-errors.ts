import { UnavailableError, ValidationError } from '#libs/common';

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

/** True when Postgres refused a value (SQLSTATE class 22, "data exception": bad JSON, numeric overflow, …). */
export function isDataException(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth += 1) {
    if (typeof e !== 'object') return false;
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    e = cause;
  }
  return false;
}

/**
 * Rethrows connection failures as UnavailableError (503) and data exceptions as ValidationError naming
 * `field` (400): the input, not the database, is at fault. Other errors unchanged.
 */
export function rethrowRefusedInput(error: unknown, field: string): never {
  if (!isDatabaseUnavailable(error) && isDataException(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`${field} cannot be stored: ${detail}`, field, { cause: error });
  }
  return rethrowUnavailable(error);
}
