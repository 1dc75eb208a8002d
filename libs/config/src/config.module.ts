import { Global, Module } from '@nestjs/common';
import { type AppConfig, loadConfig } from './app-config.js';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads the process environment once. The only place in the product that touches process.env. */
export function configFromProcessEnv(): AppConfig {
  return loadConfig(process.env);
}

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
