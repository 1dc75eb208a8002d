import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'ratelimit:skip';
export const RATE_LIMIT_OVERRIDE = 'ratelimit:override';

/** Per-route limits instead of the configured ones (requests per window; 0 = unlimited). */
export interface RateLimitOverride {
  perToken?: number;
  perIp?: number;
}

/** The route is not rate limited (e.g. a webhook receiver fed by GitHub's few delivery IPs). */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT, true);
/** Route-specific limits, e.g. a stricter one for an expensive or unauthenticated route. */
export const RateLimit = (override: RateLimitOverride) => SetMetadata(RATE_LIMIT_OVERRIDE, override);
