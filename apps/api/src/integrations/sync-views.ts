import { z } from 'zod';
import type { SyncStatusService } from '#libs/sync';
import { nameOf } from '#libs/sync';
import { presentIntegration, presentJob, presentRepository } from './sync-job.presenter.js';
import { pageFields } from '../http/pagination.js';
import { SYNC_DIRECTIONS } from '#libs/issues';

/** `GET …/status/` (and the data of its `status` events). */
export function presentStatus(status: Awaited<ReturnType<SyncStatusService['status']>>) {
  const { integration, repositories, current, recent, activeByRepository, names } = status;
  const now = Date.now();
  return {
    integration: presentIntegration(integration),
    repositories: repositories.map((r) => presentRepository(r, activeByRepository.get(r.id) ?? null, now)),
    current_sync_job: current ? presentJob(current, nameOf(names, current)) : null,
    recent_jobs: recent.map((j) => presentJob(j, nameOf(names, j))),
  };
}

/** `a,b` or `?x=a&x=b` (or both) → ['a', 'b']; a value outside `values` is a 400 naming the parameter. */
function list<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = new Set<string>(values);
  return z.preprocess(
    (value) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value])
            .flatMap((v) => String(v).split(','))
            .map((v) => v.trim())
            .filter(Boolean),
    z
      .array(z.string())
      .refine((items) => items.every((v) => allowed.has(v)), {
        message: `must be one of ${values.join(', ')}`,
      })
      .transform((items) => items.filter((v): v is T[number] => allowed.has(v)))
      .optional(),
  );
}

export const jobListQuery = z
  .object({
    status: list(['queued', 'running', 'completed', 'failed', 'cancelled']).describe(
      'queued | running | completed | failed | cancelled; repeat the parameter or separate with commas',
    ),
    repository: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must look like "owner/name"')
      .optional()
      .describe('owner/name of a connected repository'),
    trigger: list(['manual', 'periodic', 'webhook', 'connect']).describe(
      'manual | periodic | webhook | connect (repeatable or comma list)',
    ),
    direction: list(SYNC_DIRECTIONS).describe(
      'from_github | to_github | bidirectional (repeatable or comma list)',
    ),
    ...pageFields({ perPage: 25 }),
  })
  .strict();
