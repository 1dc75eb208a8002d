/** Errors raised by store mutations; the HTTP layers map them to GitHub-shaped answers. */
export type StoreErrorKind = 'not_found' | 'gone' | 'validation' | 'conflict';

export interface ValidationDetail {
  resource: string;
  field: string;
  code: string;
  value?: string;
  message?: string;
}

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly details: ValidationDetail[] = [],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function notFound(what: string): StoreError {
  return new StoreError('not_found', `${what} not found`);
}
