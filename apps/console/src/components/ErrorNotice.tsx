import { ApiError } from '../api/client';

/** What a failed call means for the user: sign in again, read-only, retry later, or the API's message. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!(error instanceof ApiError)) {
    return (
      <div role="alert" className="notice notice-error">
        Something went wrong: {error instanceof Error ? error.message : String(error)}
      </div>
    );
  }
  if (error.status === 401) {
    return (
      <div role="alert" className="notice notice-error">
        Your session ended. <a href="#/">Sign in again</a>.
      </div>
    );
  }
  if (error.status === 403 && error.code !== 'csrf_failed') {
    return (
      <div role="alert" className="notice notice-warn">
        Read-only: {error.message}
      </div>
    );
  }
  if (error.status === 429 || error.status === 503) {
    const when = error.retryAfterSeconds
      ? ` Try again in ${error.retryAfterSeconds} s (at ${new Date(Date.now() + error.retryAfterSeconds * 1000).toLocaleTimeString()}).`
      : ' Try again in a moment.';
    return (
      <div role="alert" className="notice notice-warn">
        {error.status === 429 ? 'Too many requests.' : 'The service is unavailable.'} {error.message}
        {when}
        {onRetry ? (
          <button type="button" className="link" onClick={onRetry}>
            Retry
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div role="alert" className="notice notice-error">
      {error.message}
    </div>
  );
}

/** The API's error for one form field (400 with `field`), or undefined. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.field === undefined) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) ? error.message : undefined;
}

/** A form-level error that no field shows. */
export function formError(error: unknown, fields: readonly string[]): unknown {
  if (error instanceof ApiError && error.field !== undefined && fields.some((f) => fieldError(error, f))) {
    return undefined;
  }
  return error ?? undefined;
}

/** The form-level error of a form (see formError) as an ErrorNotice, or nothing. */
export function FormErrorNotice({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const shown = formError(error, fields);
  return shown ? <ErrorNotice error={shown} /> : null;
}
