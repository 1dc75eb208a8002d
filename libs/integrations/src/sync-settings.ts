import { z } from 'zod';
import type { RepositorySyncSettings } from '#libs/db';
import { OPEN_ISSUE_STATES, SYNC_DIRECTIONS } from '#libs/issues';

/**
 * Sync settings of a repository mapping as the API and CLI accept them (snake_case on the wire).
 * Every field is optional: connect fills defaults, configure changes only what is given.
 */
export const syncSettingsSchema = z.object({
  direction: z.enum(SYNC_DIRECTIONS).optional(),
  sync_interval_seconds: z.number().int().min(30).max(86_400).optional(),
  include_comments: z.boolean().optional(),
  include_pull_requests: z.boolean().optional(),
  label_filter: z
    .array(z.string().trim().min(1, 'labels must not be empty').max(100))
    .max(50)
    .refine(
      (labels) => new Set(labels.map((l) => l.toLowerCase())).size === labels.length,
      'labels must be unique',
    )
    .optional(),
  state_mapping: z
    .object({
      open: z.enum(OPEN_ISSUE_STATES, { message: `must be one of ${OPEN_ISSUE_STATES.join(', ')}` }),
    })
    .strict()
    .optional(),
  enabled: z.boolean().optional(),
});

export type SyncSettingsInput = z.infer<typeof syncSettingsSchema>;

export function toRepositorySyncSettings(input: SyncSettingsInput): RepositorySyncSettings {
  return {
    direction: input.direction,
    syncIntervalSeconds: input.sync_interval_seconds,
    includeComments: input.include_comments,
    includePullRequests: input.include_pull_requests,
    labelFilter: input.label_filter,
    stateMapping: input.state_mapping,
    enabled: input.enabled,
  };
}
