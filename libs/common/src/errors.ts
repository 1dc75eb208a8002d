/**
 * Domain errors. Libraries throw these; the API maps them to HTTP in one filter
 * (apps/api/src/http/domain-error.filter.ts). Always pass the underlying error as `cause`.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'not_found' | 'invalid' | 'conflict' | 'unauthorized' | 'forbidden' | 'unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

/** Bad input: `field` names the offending parameter when there is one. */
export class ValidationError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The resource is in another state, or `field` (e.g. a unique identifier) is taken. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly field: string | undefined;
  constructor(message: string, options?: { cause?: unknown; field?: string }) {
    super(message, options);
    this.field = options?.field;
  }
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** A dependency (database, Redis, GitHub) is not available right now; the caller may retry. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}

/** A cookie-authenticated request that changes something came without the session's CSRF token. */
export class CsrfError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'csrf_failed';
}
