import { z } from 'zod';
import { ISSUE_PRIORITIES, ISSUE_STATES, SYNC_DIRECTIONS } from '#libs/issues';

/**
 * A timestamp: a `Date` in the presenters, an ISO 8601 string (`toJSON`) on the wire. zodSchema() renders
 * it as `{type: string, format: date-time}`.
 */
export const dateTime = () => z.date();

/** A stored JSON value the API passes through as is (any JSON). */
export const json = (description: string) => z.unknown().describe(description);

/** `{results, page, per_page, total}` — every paginated list of the API. */
export function page<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(
  item: T,
  id: string,
  description: string,
  extra?: E,
) {
  return z
    .object({
      results: z.array(item),
      page: z.number().int().min(1),
      per_page: z.number().int().min(1),
      total: z.number().int().min(0).describe('matching items over all pages'),
    })
    .extend(extra ?? ({} as E))
    .meta({ id, description });
}

/** Prisma enums of the data model (prisma/schema.prisma): fixed sets on the wire. */
export const syncDirection = z.enum(SYNC_DIRECTIONS);
export const syncJobStatus = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);
export const syncTrigger = z.enum(['manual', 'periodic', 'webhook', 'connect']);
export const issueState = z.enum(ISSUE_STATES);
export const issuePriority = z.enum(ISSUE_PRIORITIES);
export const webhookEventStatus = z.enum([
  'received',
  'queued',
  'processing',
  'processed',
  'failed',
  'ignored',
]);
