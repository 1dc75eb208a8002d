export { PinoLogger } from 'nestjs-pino';
export { AppLogger } from './app-logger.js';
export { echoRequestIds, genReqId } from './fastify-request-ids.js';
export { JobLogContext, jobBindings, type JobIdentity } from './job-log-context.js';
export { type LoggingOptions, type ServiceName, pinoHttpOptions, requestId } from './logger-options.js';
export { LoggingModule } from './logging.module.js';
export { REDACTED, isSecretKey, redactDeep, redactText, redactUrl } from './redaction.js';
export { mcpCallLogger } from './mcp-call-logger.js';
export { type RequestLog, startRequestLog } from './request-log.js';
