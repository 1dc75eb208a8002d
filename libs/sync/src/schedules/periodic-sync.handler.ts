import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { MaintenanceRepository } from '#libs/db';
import type { JobContext } from '#libs/queue';
import { SyncRequestService } from '../sync-request.service.js';

/**
 * `periodic_sync_all`: enqueues an incremental sync for every enabled repository whose own interval has
 * elapsed. Ticks older than PERIODIC_SYNC_EXPIRES_SECONDS (4 min) are dropped: the next one is coming.
 */
@Injectable()
export class PeriodicSyncHandler {
  private readonly logger = new Logger(PeriodicSyncHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: MaintenanceRepository,
    private readonly requests: SyncRequestService,
  ) {}

  async handle(context: JobContext): Promise<{ expired?: boolean; disabled?: boolean; enqueued: number }> {
    if (!this.config.sync.enabled) return { disabled: true, enqueued: 0 };
    const age = Date.now() - context.enqueuedAt.getTime();
    if (age > this.config.sync.periodicExpiresSeconds * 1000) {
      this.logger.warn(`periodic tick ${context.id} expired after ${Math.round(age / 1000)} s; skipped`);
      return { expired: true, enqueued: 0 };
    }
    const due = await this.maintenance.findDueRepositorySyncs(new Date());
    let enqueued = 0;
    for (const repository of due) {
      const { created } = await this.requests.requestRepository(repository, 'periodic');
      if (created) enqueued += 1;
    }
    return { enqueued };
  }
}
