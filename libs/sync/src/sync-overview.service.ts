import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, integrationEnabled } from '#libs/config';
import {
  type GitHubSyncJob,
  IntegrationRepository,
  SyncJobRepository,
  type WorkspaceIntegration,
  WebhookStatsRepository,
} from '#libs/db';
import { TokenBudgets, tokenKey } from '#libs/ratelimit';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { type JobView, nameOf, repositoryNames } from './sync-status.service.js';

const RECENT_JOBS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StaleRepository {
  fullName: string;
  lastDeliveryAt: Date | null;
}

export interface SyncOverview {
  integration: WorkspaceIntegration | null;
  enabled: boolean;
  recentJobs: JobView[];
  webhooks: {
    secretConfigured: boolean;
    lastReceivedAt: Date | null;
    processed24h: number;
    failed24h: number;
    staleRepositories: StaleRepository[];
  };
  writeBudget: { perMinute: number; usedLastMinute: number | null; concurrencyPerToken: number };
}

/** The console's overview of a workspace's GitHub integration (also when it is not connected). */
@Injectable()
export class SyncOverviewService {
  private readonly logger = new Logger(SyncOverviewService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly integrations: IntegrationRepository,
    private readonly jobs: SyncJobRepository,
    private readonly webhookStats: WebhookStatsRepository,
    private readonly budgets: TokenBudgets,
    private readonly cipher: SecretCipher,
  ) {}

  async overview(workspaceId: string, now = new Date()): Promise<SyncOverview> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    const [recent, names, stats, deliveries, used] = integration
      ? await Promise.all([
          this.jobs.listRecent(integration.id, RECENT_JOBS),
          this.integrations.listRepositorySyncs(integration.id).then(repositoryNames),
          this.webhookStats.stats(
            { integrationId: integration.id, installationId: integration.installationId },
            new Date(now.getTime() - DAY_MS),
          ),
          this.webhookStats.lastDeliveryPerRepository(integration.id),
          this.usedLastMinute(integration, now),
        ])
      : [[] as GitHubSyncJob[], new Map<string, string>(), null, [], 0];
    const staleBefore = now.getTime() - DAY_MS;
    return {
      integration,
      enabled: integrationEnabled(this.config),
      recentJobs: recent.map((job) => ({ job, repository: nameOf(names, job) })),
      webhooks: {
        secretConfigured:
          this.config.github.webhookSecrets.length > 0 || Boolean(integration?.webhookSecretEncrypted),
        lastReceivedAt: stats?.lastReceivedAt ?? null,
        processed24h: stats?.processed ?? 0,
        failed24h: stats?.failed ?? 0,
        staleRepositories: deliveries
          .filter((d) => d.lastDeliveryAt === null || d.lastDeliveryAt.getTime() < staleBefore)
          .map((d) => ({ fullName: d.fullName, lastDeliveryAt: d.lastDeliveryAt })),
      },
      writeBudget: {
        perMinute: this.config.githubWrites.perMinute,
        usedLastMinute: used,
        concurrencyPerToken: this.config.githubWrites.concurrencyPerToken,
      },
    };
  }

  /** Writes granted to the integration's token in the last minute (the shared Redis window); null: unreadable. */
  private async usedLastMinute(integration: WorkspaceIntegration, now: Date): Promise<number | null> {
    try {
      // The same key the outbound writer paces with (sync-issue handler).
      let key: string | null = null;
      if (integration.installationId) key = tokenKey(`installation:${integration.installationId}`);
      else if (integration.accessTokenEncrypted)
        key = tokenKey(
          this.cipher.decrypt(integration.accessTokenEncrypted, accessTokenBinding(integration.id)),
        );
      if (!key) return 0;
      return (await this.budgets.limiter.usage(key, now.getTime())).writes;
    } catch (error) {
      this.logger.warn(`could not read the write budget: ${(error as Error).message}`);
      return null;
    }
  }
}
