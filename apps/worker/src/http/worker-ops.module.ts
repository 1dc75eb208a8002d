import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { LoggingModule } from '#libs/logging';
import { APP_VERSION, MetricsModule } from '#libs/metrics';
import { ProcessorWorkers } from './processor-workers.js';
import { WorkerHealthController } from './worker-health.controller.js';
import { WorkerMetricsController } from './worker-metrics.controller.js';

/** The worker's small HTTP side on WORKER_PORT — health and metrics only — plus its JSON logs. */
@Module({})
export class WorkerOpsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerOpsModule,
      imports: [
        LoggingModule.forRoot(config, { service: 'worker', version: APP_VERSION }),
        MetricsModule.forRoot('worker'),
        DiscoveryModule,
      ],
      controllers: [WorkerHealthController, WorkerMetricsController],
      providers: [ProcessorWorkers],
      exports: [ProcessorWorkers],
    };
  }
}
