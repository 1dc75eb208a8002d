import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { type Observable, from, lastValueFrom } from 'rxjs';
import type { AuthenticatedRequest } from '#libs/auth';
import { ConflictError, ValidationError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { IDEMPOTENCY_PENDING, IDEMPOTENCY_UNSTORED, IdempotencyKeyRepository } from '#libs/db';
import { AuditNotes, type AuditedRequest } from '../auth/audit-note.js';
import { requestPath } from './public-url.js';

/** How long a key remembers its response. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** Expired keys are deleted at most this often per process. */
const SWEEP_EVERY_MS = 3600_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** 422: the key was used before with a different request. */
export class IdempotencyMismatchException extends HttpException {
  constructor() {
    super(
      { message: 'Idempotency-Key was already used with a different request (method, path or body)' },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

/** JSON with sorted object keys, so the same body hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path.replace(/\/+$/, '')}\n${canonical(body)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` (per workspace, 24 h): the first request with a key runs and its response (status and
 * body) is stored; a repeat with the same method, path and body gets that response again without running
 * (header `Idempotent-Replayed: true`); a repeat with a different request gets 422, one arriving while
 * the first still runs gets 409. A request that fails frees its key so it can be retried.
 *
 * The running request holds a lease on its key (IDEMPOTENCY_LEASE_SECONDS, renewed every third of it): a
 * key left pending by a crashed process is taken over by a retry once the lease lapses. A request whose
 * side effects happened but whose response could not be stored keeps its key as completed without a
 * response: retries get 409 instead of running again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly leaseMs: number;
  private lastSweep = 0;

  constructor(
    private readonly keys: IdempotencyKeyRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.leaseMs = config.api.idempotencyLeaseMs;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & AuditedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || !request.principal) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY.test(key)) {
      throw new ValidationError(
        'Idempotency-Key must be 1 to 255 visible ASCII characters',
        'Idempotency-Key',
      );
    }
    const workspaceId = request.principal.workspaceId;
    return from(
      (async () => {
        const path = requestPath(request);
        if (Date.now() - this.lastSweep > SWEEP_EVERY_MS) {
          this.lastSweep = Date.now();
          await this.keys.deleteExpired();
        }
        const reservation = await this.keys.reserve({
          workspaceId,
          key,
          method: request.method,
          path,
          requestHash: requestFingerprint(request.method, path, request.body),
          expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
          leaseExpiresAt: this.leaseEnd(),
        });
        if (reservation.kind === 'existing') {
          const { record } = reservation;
          if (record.requestHash !== requestFingerprint(request.method, path, request.body)) {
            throw new IdempotencyMismatchException();
          }
          if (record.responseStatus === IDEMPOTENCY_PENDING) {
            throw new ConflictError(
              'a request with this Idempotency-Key is still being processed; retry shortly',
            );
          }
          if (record.responseStatus === IDEMPOTENCY_UNSTORED) {
            throw new ConflictError('the original request completed; its response could not be stored');
          }
          void response.status(record.responseStatus).header('Idempotent-Replayed', 'true');
          new AuditNotes(request).add({ details: { idempotent_replay: true, idempotency_key: key } });
          return record.responseBody;
        }
        const body = await this.runLeased(reservation.id, () =>
          lastValueFrom(next.handle(), { defaultValue: undefined }),
        );
        await this.store(reservation.id, response.statusCode, body);
        return body;
      })(),
    );
  }

  private leaseEnd(): Date {
    return new Date(Date.now() + this.leaseMs);
  }

  /** Runs the request while renewing its lease; a failed request frees the key for a retry. */
  private async runLeased<T>(id: string, work: () => Promise<T>): Promise<T> {
    const renew = () => {
      this.keys.renewLease(id, this.leaseEnd()).catch((error: unknown) => {
        this.logger.warn(`could not renew the lease of idempotency key ${id}: ${String(error)}`);
      });
    };
    const timer = setInterval(renew, Math.max(1, Math.floor(this.leaseMs / 3)));
    timer.unref();
    try {
      return await work();
    } catch (error) {
      clearInterval(timer);
      // Not freed (database down): the lease lapses and a retry takes the key over.
      await this.keys.release(id).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(timer);
    }
  }

  /** Stores the response; if that fails the side effects still happened, so the key is never released. */
  private async store(id: string, status: number, body: unknown): Promise<void> {
    try {
      const stored: unknown = body === undefined ? null : JSON.parse(JSON.stringify(body));
      await this.keys.complete(id, status, stored);
    } catch (error) {
      this.logger.warn(`could not store the response of idempotency key ${id}: ${String(error)}`);
      await this.keys.markUnstored(id).catch((unstored: unknown) => {
        // Database gone: the key stays pending until its lease lapses.
        this.logger.warn(`could not mark idempotency key ${id} completed: ${String(unstored)}`);
      });
    }
  }
}
