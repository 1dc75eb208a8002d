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
  // query_canceled: the statement ran past DATABASE_STATEMENT_TIMEOUT_MS (app-pool.ts)
  '57014',
]);

/** The client's own timeouts (app-pool.ts): no answer, no free connection, no connection in time. */
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|Connection terminated|Can't reach database|Query read timeout|timeout exceeded when trying to connect/i;

/**
 * True when the error means "the database is not reachable, or did not answer in time" rather than "the
 * query was wrong": refused or dropped connections, a server shutting down, and every timeout of app-pool.ts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(
    ({ code, message }) =>
      (typeof code === 'string' && CONNECTION_CODES.has(code)) ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)),
  );
}

interface ErrorLink {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/**
 * The error and what it wraps: `cause`, and the driver adapter's error Prisma keeps in
 * `meta.driverAdapterError` (a raw query's `P2010` carries the Postgres code only there, as its `cause`).
 */
function errorChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && links.length < 6;) {
    const link = e as ErrorLink;
    links.push(link);
    e = link.cause ?? link.meta?.driverAdapterError;
  }
  return links;
}

/** Rethrows connection failures as UnavailableError (HTTP 503), other errors unchanged. */
export function rethrowUnavailable(error: unknown): never {
  if (isDatabaseUnavailable(error)) throw new UnavailableError('database is unavailable', { cause: error });
  throw error;
}

/** True for a unique-constraint violation (Prisma P2002, or Postgres 23505 underneath). */
export function isUniqueViolation(error: unknown): boolean {
  return errorChain(error).some(({ code }) => code === 'P2002' || code === '23505');
}

/** True when Postgres refused a value (SQLSTATE class 22, "data exception": bad JSON, numeric overflow, …). */
export function isDataException(error: unknown): boolean {
  return errorChain(error).some(({ code }) => typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code));
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
