import { Module } from '@nestjs/common';
import { CleanupOldJobsHandler } from './cleanup-old-jobs.handler.js';

/** Retention jobs. Needs DbModule. */
@Module({ providers: [CleanupOldJobsHandler], exports: [CleanupOldJobsHandler] })
export class MaintenanceModule {}
