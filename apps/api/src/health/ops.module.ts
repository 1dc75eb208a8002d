import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { LoggingModule } from '#libs/logging';
import { APP_VERSION, MetricsModule } from '#libs/metrics';
import { MetricsController } from './metrics.controller.js';

/**
 * What the API adds around ApiModule to be operable: JSON logs, metrics, health (HealthController stays
 * listed in ApiModule, its dependencies come from the global MetricsModule).
 */
@Module({})
export class ApiOpsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiOpsModule,
      imports: [
        LoggingModule.forRoot(config, { service: 'api', version: APP_VERSION }),
        MetricsModule.forRoot('api'),
        DiscoveryModule,
      ],
      controllers: [MetricsController],
    };
  }
}
