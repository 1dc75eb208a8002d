import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { GitHubRepository, GitHubRepositorySync, Project } from '../prisma-types.js';

export interface CleanupCutoffs {
  syncJobsBefore: Date;
  webhookEventsBefore: Date;
  now: Date;
}

export interface CleanupResult {
  sync_jobs: number;
  webhook_events: number;
  idempotency_keys: number;
  oauth_states: number;
}

/** Scheduling and retention queries for the repeatable jobs. */
@Injectable()
export class MaintenanceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Enabled repository syncs of connected integrations whose interval has elapsed and that have no job
   * queued or running. One query however many repositories there are.
   */
  async findDueRepositorySyncs(
    now: Date,
  ): Promise<(GitHubRepositorySync & { repository: GitHubRepository; project: Project })[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT rs.id::text AS id
      FROM github_repository_syncs rs
      JOIN workspace_integrations wi ON wi.id = rs.workspace_integration_id AND wi.status = 'connected'
      WHERE rs.enabled
        AND (rs.last_synced_at IS NULL OR rs.last_synced_at + make_interval(secs => rs.sync_interval_seconds) <= ${now})
        AND NOT EXISTS (SELECT 1 FROM github_sync_jobs j
                        WHERE j.repository_sync_id = rs.id AND j.status IN ('queued', 'running'))
      ORDER BY rs.last_synced_at NULLS FIRST`;
    if (rows.length === 0) return [];
    return this.prisma.gitHubRepositorySync.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      include: { repository: true, project: true },
    });
  }

  /** Drops finished sync jobs and settled webhook events past retention, and expired keys and states. */
  async cleanup(cutoffs: CleanupCutoffs): Promise<CleanupResult> {
    const [jobs, events, keys, states] = await this.prisma.$transaction([
      this.prisma.gitHubSyncJob.deleteMany({
        where: {
          status: { in: ['completed', 'failed', 'cancelled'] },
          createdAt: { lt: cutoffs.syncJobsBefore },
        },
      }),
      this.prisma.gitHubWebhookEvent.deleteMany({
        where: { status: { in: ['processed', 'ignored'] }, createdAt: { lt: cutoffs.webhookEventsBefore } },
      }),
      this.prisma.idempotencyKey.deleteMany({ where: { expiresAt: { lt: cutoffs.now } } }),
      this.prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: cutoffs.now } } }),
    ]);
    return {
      sync_jobs: jobs.count,
      webhook_events: events.count,
      idempotency_keys: keys.count,
      oauth_states: states.count,
    };
  }
}
