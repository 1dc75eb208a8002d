import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { type Observable, from, lastValueFrom } from 'rxjs';
import {
  ADMIN_ONLY,
  AUDIT_ACTION,
  AuditTrail,
  NO_AUDIT,
  type AuthenticatedRequest,
  actorOf,
} from '#libs/auth';
import { IntegrationRepository } from '#libs/db';
import { errorAnswer } from '../http/error-response.js';
import { requestPath } from '../http/public-url.js';
import type { AuditedRequest } from './audit-note.js';

/**
 * Records every admin-only request in `audit_logs` — who (user and API token), what (action, route,
 * outcome and status, the handler's notes), which integration, when, from where (IP, user agent) —
 * whether it succeeded or failed. Request bodies are never recorded (they may carry tokens).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditTrail,
    private readonly integrations: IntegrationRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    const audited =
      context.getType() === 'http' &&
      this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) &&
      !this.reflector.getAllAndOverride<boolean>(NO_AUDIT, targets);
    if (!audited) return next.handle();
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & AuditedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const action = this.reflector.getAllAndOverride<string>(AUDIT_ACTION, targets);
    const write = async (status: number) => {
      const principal = request.principal;
      if (!principal) return;
      const note = request.auditNote ?? {};
      const integrationId =
        note.integrationId !== undefined
          ? note.integrationId
          : ((await this.integrations.findForWorkspace(principal.workspaceId))?.id ?? null);
      const route = request.routeOptions.url ?? requestPath(request);
      const { slug: _slug, ...params } = request.params as Record<string, string>;
      await this.audit.recordSafely(principal.workspaceId, actorOf(principal, request), {
        action: action ?? `${request.method} ${route}`,
        integrationId,
        targetType: note.targetType,
        targetId: note.targetId,
        details: {
          outcome: status < 400 ? 'success' : 'failure',
          status,
          method: request.method,
          route,
          ...(Object.keys(params).length ? { params } : {}),
          ...note.details,
        },
      });
    };
    return from(
      (async () => {
        try {
          const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await write(response.statusCode);
          return result;
        } catch (error) {
          await write(errorAnswer(error).status);
          throw error;
        }
      })(),
    );
  }
}
