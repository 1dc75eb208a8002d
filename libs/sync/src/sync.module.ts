import { Module } from '@nestjs/common';
import { RepositorySyncRunner } from './repository-sync-runner.js';
import { SyncRepositoryHandler } from './sync-repository.handler.js';
import { SyncRequestService } from './sync-request.service.js';
import { SyncStatusService } from './sync-status.service.js';

/** Requesting syncs and reading their status (API side). Needs DbModule and QueueModule. */
@Module({
  providers: [SyncRequestService, SyncStatusService],
  exports: [SyncRequestService, SyncStatusService],
})
export class SyncApiModule {}

/** Running syncs (worker side). Needs DbModule, SecretsModule and GitHubMcpModule. */
@Module({
  providers: [RepositorySyncRunner, SyncRepositoryHandler],
  exports: [RepositorySyncRunner, SyncRepositoryHandler],
})
export class SyncWorkerModule {}
