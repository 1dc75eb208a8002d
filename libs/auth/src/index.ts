export { generateApiToken, hashApiToken } from './api-token.js';
export { ApiTokenGuard } from './api-token.guard.js';
export { bearerTokenHash } from './bearer.js';
export { AuthEpoch, authEpochKey } from './auth-epoch.js';
export { TOKEN_CACHE_MS, TokenPrincipals } from './token-principals.js';
export { ApiTokenService, type ApiTokenView } from './api-token.service.js';
export {
  ConsoleSessionService,
  type ConsoleSessionView,
  type OpenedSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  SIGNIN_LINK_TOKEN_NAME,
  SIGNIN_LINK_TTL_MS,
} from './console-session.service.js';
export { readCookie } from './cookies.js';
export { type AuditActor, type AuditRecord, AuditTrail, CLI_ACTOR, actorOf } from './audit-trail.js';
export { AUDIT_ACTION, AuditAction, NO_AUDIT, NoAudit } from './audit.decorators.js';
export { AuthModule } from './auth.module.js';
export {
  ADMIN_ONLY,
  AdminOnly,
  type AuthenticatedRequest,
  PUBLIC_ROUTE,
  Principal,
  Public,
} from './principal.js';
export {
  RATE_LIMIT_STORAGE,
  RateLimitGuard,
  TooManyRequestsException,
  clientIp,
} from './request-rate-limits/rate-limit.guard.js';
export {
  RATE_LIMIT_OVERRIDE,
  RateLimit,
  type RateLimitOverride,
  SKIP_RATE_LIMIT,
  SkipRateLimit,
} from './request-rate-limits/rate-limit.decorators.js';
export { ApiRateLimitModule } from './request-rate-limits/rate-limit.module.js';
export { RedisThrottlerStorage } from './request-rate-limits/redis-throttler.storage.js';
