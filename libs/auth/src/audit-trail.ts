import { Injectable, Logger } from '@nestjs/common';
import { AuditLogRepository, type TokenPrincipal } from '#libs/db';

/** Who did something and from where; every field is optional (the CLI has no address). */
export interface AuditActor {
  userId?: string | null | undefined;
  tokenId?: string | null | undefined;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
  /** `api`, `cli` or `oauth_callback`. */
  via: 'api' | 'cli' | 'oauth_callback';
}

export function actorOf(
  principal: TokenPrincipal | undefined,
  request: { ip?: string | undefined; headers: Record<string, string | string[] | undefined> },
): AuditActor {
  const agent = request.headers['user-agent'];
  return {
    userId: principal?.userId ?? null,
    tokenId: principal?.tokenId ?? null,
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent : null,
    via: 'api',
  };
}

export const CLI_ACTOR: AuditActor = { via: 'cli' };

export interface AuditRecord {
  action: string;
  integrationId?: string | null | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Never tokens or secrets: only identifiers, names and outcomes. */
  details?: Record<string, unknown> | undefined;
}

/** Writes `audit_logs` rows: admin actions and every change of credentials. */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger(AuditTrail.name);

  constructor(private readonly logs: AuditLogRepository) {}

  async record(workspaceId: string, actor: AuditActor, entry: AuditRecord): Promise<void> {
    await this.logs.record({
      workspaceId,
      action: entry.action,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      integrationId: entry.integrationId,
      targetType: entry.targetType,
      targetId: entry.targetId,
      ipAddress: actor.ip,
      userAgent: actor.userAgent,
      details: { via: actor.via, ...entry.details },
    });
  }

  /** Like `record`, but a failure to write is logged instead of failing the caller's request. */
  async recordSafely(workspaceId: string, actor: AuditActor, entry: AuditRecord): Promise<void> {
    try {
      await this.record(workspaceId, actor, entry);
    } catch (error) {
      this.logger.error(
        `could not write audit log ${entry.action}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
