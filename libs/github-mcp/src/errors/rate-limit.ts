import { GO_DURATION_SOURCE, parseGoDuration } from './go-duration.js';

export interface RateLimitHint {
  retryAfterMs?: number;
  resetAt?: Date;
  secondary: boolean;
}

const RATE_LIMIT_WORDING =
  /rate limit (?:exceeded|already exceeded|still exceeded)|rate limit of \d+ still exceeded|secondary rate limit|abuse detection|submitted too quickly|Wait before retrying|\brate reset in\b|rate limit was reset|\b429 Too Many Requests\b/i;
const SECONDARY_WORDING = /secondary rate limit|abuse detection|submitted too quickly/i;

/** go-github RateLimitError / AbuseRateLimitError friendly wording: "… Retry after 12m34s." */
const RETRY_AFTER = new RegExp(`Retry after (${GO_DURATION_SOURCE})`);
/** go-github `formatRateReset`: "[rate reset in 4m05s]" / "[rate limit was reset 3s ago]". */
const RESET_IN = new RegExp(`\\[rate reset in (${GO_DURATION_SOURCE})\\]`);
const RESET_AGO = new RegExp(`\\[rate limit was reset (${GO_DURATION_SOURCE}) ago\\]`);
/** go-github local block: "API rate limit of 5000 still exceeded until 2026-08-20 18:19:32 +0000 UTC, …". */
const STILL_EXCEEDED =
  /still exceeded until (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)? ([+-]\d{2})(\d{2})/;

export function isRateLimitMessage(text: string): boolean {
  return RATE_LIMIT_WORDING.test(text);
}

/** Extracts when a rate limit ends from any of the server's wordings (tool results, JSON-RPC errors, search limits). */
export function parseRateLimitHint(text: string, nowMs: number): RateLimitHint {
  const secondary = SECONDARY_WORDING.test(text);
  const after = RETRY_AFTER.exec(text)?.[1] ?? RESET_IN.exec(text)?.[1];
  const afterMs = after === undefined ? undefined : parseGoDuration(after);
  if (afterMs !== undefined) {
    return { secondary, retryAfterMs: afterMs, resetAt: new Date(nowMs + afterMs) };
  }
  const ago = RESET_AGO.exec(text)?.[1];
  const agoMs = ago === undefined ? undefined : parseGoDuration(ago);
  if (agoMs !== undefined) {
    return { secondary, retryAfterMs: 0, resetAt: new Date(nowMs - agoMs) };
  }
  const until = STILL_EXCEEDED.exec(text);
  if (until) {
    const [, day, time, offsetHours, offsetMinutes] = until;
    const resetAt = new Date(`${day}T${time}${offsetHours}:${offsetMinutes}`);
    if (!Number.isNaN(resetAt.getTime())) {
      return { secondary, resetAt, retryAfterMs: Math.max(0, resetAt.getTime() - nowMs) };
    }
  }
  return { secondary };
}
