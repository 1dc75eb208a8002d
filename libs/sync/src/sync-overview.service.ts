import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, integrationEnabled } from '#libs/config';
import { SyncOverviewReadModel, type WorkspaceIntegration } from '#libs/db';
import { TokenBudgets, tokenKey } from '#libs/github-budget';
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
    private readonly reads: SyncOverviewReadModel,
    private readonly budgets: TokenBudgets,
    private readonly cipher: SecretCipher,
  ) {}

  async overview(workspaceId: string, now = new Date()): Promise<SyncOverview> {
    const since = new Date(now.getTime() - DAY_MS);
    const integration = await this.reads.integration(workspaceId);
    // The database's figures and the write budget in Redis, read together.
    const [reads, used] = integration
      ? await Promise.all([
          this.reads.figures(integration, RECENT_JOBS, since),
          this.usedLastMinute(integration, now),
        ])
      : [null, 0];
    const names = repositoryNames(reads?.repositories ?? []);
    const stats = reads?.webhooks;
    const deliveries = reads?.deliveries ?? [];
    return {
      integration,
      enabled: integrationEnabled(this.config),
      recentJobs: (reads?.recent ?? []).map((job) => ({ job, repository: nameOf(names, job) })),
      webhooks: {
        secretConfigured:
          this.config.github.webhookSecrets.length > 0 || Boolean(integration?.webhookSecretEncrypted),
        lastReceivedAt: stats?.lastReceivedAt ?? null,
        processed24h: stats?.processed ?? 0,
        failed24h: stats?.failed ?? 0,
        staleRepositories: deliveries
          .filter((d) => d.lastDeliveryAt === null || d.lastDeliveryAt.getTime() < since.getTime())
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
