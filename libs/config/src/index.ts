export { type AppConfig, ConfigError, integrationEnabled, loadConfig } from './app-config.js';
export { APP_CONFIG, ConfigModule, configFromProcessEnv } from './config.module.js';
export { nestLogLevels } from './log-levels.js';
export { PROXY_RANGE_NAMES, type TrustProxy } from './trust-proxy.js';
