import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import { Prisma, type GitHubSyncJob, type SyncJobStatus, type SyncTrigger } from '../prisma-types.js';
import type { SyncDirection } from '#libs/issues';

export interface SyncCheckpoint {
  /** list_issues cursor after the last committed page. */
  after: string | null;
  /** `since` the pass started from (null = full). */
  since: string | null;
  /** Newest GitHub updated_at applied so far (ISO). */
  maxUpdatedAt: string | null;
  pages: number;
  /** listing while pages remain, done when the pass finished. */
  phase: 'listing' | 'done';
  /** Counters of the whole pass (issues). */
  fetched: number;
  written: number;
  skipped: number;
  failed: number;
  /** True when the pass started at the first page (so it saw every issue). */
  fromStart: boolean;
}

export interface CreateSyncJobInput {
  workspaceId: string;
  integrationId: string;
  repositorySyncId: string;
  direction: SyncDirection;
  trigger: SyncTrigger;
  full: boolean;
}

export interface SyncJobListQuery {
  statuses?: SyncJobStatus[] | undefined;
  /** Jobs of this repository sync only; `null`: the repository is not connected (no jobs). */
  repositorySyncId?: string | null | undefined;
  triggers?: SyncTrigger[] | undefined;
  directions?: SyncDirection[] | undefined;
  page: number;
  perPage: number;
}

const ACTIVE = ['queued', 'running'] as const;

@Injectable()
export class SyncJobRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Creates a queued job for the repository unless one is already queued or running, in which case
   * that one is returned (`created: false`). The repository sync row is locked for the check, so two
   * concurrent requests cannot both create a job. A job following a failed one resumes its checkpoint.
   */
  async createOrGetActive(input: CreateSyncJobInput): Promise<{ job: GitHubSyncJob; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM github_repository_syncs WHERE id = ${input.repositorySyncId}::uuid FOR UPDATE`;
      const active = await tx.gitHubSyncJob.findFirst({
        where: { repositorySyncId: input.repositorySyncId, status: { in: [...ACTIVE] } },
        orderBy: { createdAt: 'desc' },
      });
      if (active) return { job: active, created: false };
      const last = await tx.gitHubSyncJob.findFirst({
        where: { repositorySyncId: input.repositorySyncId },
        orderBy: { createdAt: 'desc' },
      });
      const resume = !input.full && last?.status === 'failed' && last.checkpoint ? last : null;
      const job = await tx.gitHubSyncJob.create({
        data: {
          jobId: `sync-${randomUUID()}`,
          workspaceId: input.workspaceId,
          workspaceIntegrationId: input.integrationId,
          repositorySyncId: input.repositorySyncId,
          direction: input.direction,
          trigger: input.trigger,
          full: resume ? resume.full : input.full,
          checkpoint: resume?.checkpoint ?? Prisma.DbNull,
          metadata: resume ? { resumed_from: resume.jobId } : {},
        },
      });
      return { job, created: true };
    });
  }

  findByJobId(jobId: string): Promise<GitHubSyncJob | null> {
    return this.prisma.gitHubSyncJob.findUnique({ where: { jobId } });
  }

  /** A job of the workspace's GitHub integration with its repository's "owner/name" (null: disconnected). */
  findViewForWorkspace(workspaceId: string, jobId: string) {
    return this.prisma.reads.jobView(workspaceId, jobId);
  }

  /** The newest jobs first (a prepared statement: reads/). */
  listRecent(integrationId: string, limit: number): Promise<GitHubSyncJob[]> {
    return this.prisma.reads.recentJobs(integrationId, limit);
  }

  /** Job history of an integration, newest first, filtered. */
  async list(
    integrationId: string,
    query: SyncJobListQuery,
  ): Promise<{ items: GitHubSyncJob[]; total: number }> {
    if (query.repositorySyncId === null) return { items: [], total: 0 };
    const where: Prisma.GitHubSyncJobWhereInput = {
      workspaceIntegrationId: integrationId,
      ...(query.statuses?.length ? { status: { in: query.statuses } } : {}),
      ...(query.triggers?.length ? { trigger: { in: query.triggers } } : {}),
      ...(query.directions?.length ? { direction: { in: query.directions } } : {}),
      ...(query.repositorySyncId ? { repositorySyncId: query.repositorySyncId } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.gitHubSyncJob.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.perPage,
        take: query.perPage,
      }),
      this.prisma.gitHubSyncJob.count({ where }),
    ]);
    return { items, total };
  }

  /** Marks the job running; `runs` in its metadata lists every worker start (resumes included). */
  async markRunning(jobId: string, attempt: number, worker: string): Promise<GitHubSyncJob> {
    await this.prisma.$executeRaw`
      UPDATE github_sync_jobs SET metadata = metadata
        || jsonb_build_object('attempt', ${attempt}::int, 'worker', ${worker}::text)
        || jsonb_build_object('runs', COALESCE(metadata->'runs', '[]'::jsonb)
             || jsonb_build_array(jsonb_build_object('worker', ${worker}::text, 'at', now())))
      WHERE job_id = ${jobId}`;
    return this.prisma.gitHubSyncJob.update({
      where: { jobId },
      data: { status: 'running', startedAt: new Date(), completedAt: null },
    });
  }

  async complete(jobId: string, summary: Record<string, number | string | null>): Promise<GitHubSyncJob> {
    await this.mergeMetadata(jobId, { summary });
    return this.prisma.gitHubSyncJob.update({
      where: { jobId },
      data: { status: 'completed', completedAt: new Date(), errorMessage: null },
    });
  }

  /** Records an attempt's error; `final` marks the job failed (no more retries). */
  recordError(jobId: string, message: string, details: Record<string, unknown>, final: boolean) {
    return this.prisma.gitHubSyncJob.update({
      where: { jobId },
      data: {
        errorMessage: message,
        errorDetails: details as Prisma.InputJsonObject,
        ...(final ? { status: 'failed' as const, completedAt: new Date() } : {}),
      },
    });
  }

  /** Jobs still queued or running that were created before `createdBefore` (oldest first). */
  listActiveCreatedBefore(createdBefore: Date, limit: number): Promise<GitHubSyncJob[]> {
    return this.prisma.gitHubSyncJob.findMany({
      where: { status: { in: [...ACTIVE] }, createdAt: { lt: createdBefore } },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  /**
   * Marks a job failed unless it already finished (a handler that did record its outcome wins).
   * Returns whether the row changed.
   */
  async failIfActive(jobId: string, message: string, details: Record<string, unknown>): Promise<boolean> {
    const { count } = await this.prisma.gitHubSyncJob.updateMany({
      where: { jobId, status: { in: [...ACTIVE] } },
      data: {
        status: 'failed',
        completedAt: new Date(),
        errorMessage: message,
        errorDetails: details as Prisma.InputJsonObject,
      },
    });
    return count > 0;
  }

  /** Shallow-merges keys into the job's metadata without losing what earlier steps recorded. */
  async mergeMetadata(jobId: string, values: Record<string, unknown>): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE github_sync_jobs SET metadata = metadata || ${JSON.stringify(values)}::jsonb, updated_at = now()
      WHERE job_id = ${jobId}`;
  }
}
