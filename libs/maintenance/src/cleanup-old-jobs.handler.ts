import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type CleanupResult, MaintenanceRepository } from '#libs/db';

const DAY_MS = 24 * 3600 * 1000;

/** `cleanup_old_jobs` (daily 02:00): retention for sync jobs, settled webhook events, expired keys. */
@Injectable()
export class CleanupOldJobsHandler {
  private readonly logger = new Logger(CleanupOldJobsHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: MaintenanceRepository,
  ) {}

  async handle(now = new Date()): Promise<CleanupResult> {
    const result = await this.maintenance.cleanup({
      now,
      syncJobsBefore: new Date(now.getTime() - this.config.retention.syncJobDays * DAY_MS),
      webhookEventsBefore: new Date(now.getTime() - this.config.retention.webhookEventDays * DAY_MS),
    });
    this.logger.log(`cleanup removed ${JSON.stringify(result)}`);
    return result;
  }
}
