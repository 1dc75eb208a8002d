export { type AppConfig, ConfigError, integrationEnabled, loadConfig } from './app-config.js';
export { APP_CONFIG, ConfigModule, configFromProcessEnv } from './config.module.js';
export { nestLogLevels } from './log-levels.js';
