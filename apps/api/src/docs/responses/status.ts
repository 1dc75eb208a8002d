import { z } from 'zod';
import { integrationSchema } from './integration.js';
import { repositorySyncSchema } from './repositories.js';
import { syncJobSchema } from './sync-jobs.js';

/** GET status: the integration, its repositories, the running job and the recent ones. */
export const syncStatusSchema = z
  .object({
    integration: integrationSchema,
    repositories: z.array(repositorySyncSchema),
    current_sync_job: syncJobSchema.nullable().describe('the queued or running job, if any'),
    recent_jobs: z.array(syncJobSchema),
  })
  .meta({ id: 'SyncStatus' });
