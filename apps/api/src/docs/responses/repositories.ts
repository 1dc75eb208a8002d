import { z } from 'zod';
import { syncSettingsSchema } from '#libs/integrations';
import { dateTime, page, syncDirection, syncJobStatus } from './common.js';
import { syncJobSummarySchema } from './sync-jobs.js';

const openState = syncSettingsSchema.shape.state_mapping.unwrap().shape.open;

/** presentRepository: a repository mapped to a project, with its sync settings. */
export const repositorySyncSchema = z
  .object({
    id: z.string().uuid().describe('repository sync id'),
    full_name: z.string().meta({ example: 'octo-org/octo-repo' }),
    github_id: z.string().describe('GitHub repository id (decimal string)'),
    private: z.boolean(),
    project_id: z.string().uuid(),
    project_name: z.string(),
    direction: syncDirection,
    enabled: z.boolean(),
    sync_interval_seconds: z.number().int(),
    include_comments: z.boolean(),
    include_pull_requests: z.boolean(),
    label_filter: z.array(z.string()),
    state_mapping: z
      .object({ open: openState.optional() })
      .describe('workspace state of open GitHub issues (empty: the default)'),
    last_cursor: dateTime().nullable().describe('newest GitHub updated_at fully applied'),
    last_synced_at: dateTime().nullable(),
    cursor_age_seconds: z.number().int().nullable().describe('seconds since the incremental cursor'),
    current_job: syncJobSummarySchema.nullable().describe('its queued or running job'),
  })
  .meta({ id: 'RepositorySync', description: 'A repository mapped to a project, with its sync settings' });
export type RepositorySyncView = z.output<typeof repositorySyncSchema>;

/** POST connect: the mapping and its first sync job (null when the mapping is disabled). */
export const connectResponseSchema = z
  .object({
    repository: repositorySyncSchema,
    created: z.boolean().describe('false: the mapping existed and its settings were replaced'),
    sync_job: z
      .object({ job_id: z.string(), status: syncJobStatus, created: z.boolean() })
      .meta({ id: 'ConnectSyncJob', description: 'the first sync job (null: the mapping is disabled)' })
      .nullable(),
  })
  .meta({ id: 'ConnectResponse' });

/** A repository the connected identity can reach (RepositoryCatalogService, CatalogEntry). */
export const catalogRepositorySchema = z
  .object({
    github_id: z.string().describe('GitHub repository id (decimal string)'),
    full_name: z.string(),
    owner: z.string(),
    name: z.string(),
    private: z.boolean(),
    archived: z.boolean(),
    description: z.string().nullable(),
    html_url: z.string(),
    default_branch: z.string().nullable(),
    open_issues_count: z.number().int(),
    updated_at: z.string().nullable().describe("GitHub's updated_at, as GitHub MCP reports it"),
    connected: z.boolean().describe('mapped to a project and enabled'),
    repository_sync_id: z.string().uuid().nullable(),
  })
  .meta({ id: 'CatalogRepository' });
export type CatalogRepositoryView = z.output<typeof catalogRepositorySchema>;

/** GET repositories. */
export const repositoryCatalogSchema = page(
  catalogRepositorySchema,
  'RepositoryCatalogPage',
  'Repositories of an owner the connected identity can reach',
  { owner: z.string().describe('whose repositories were searched') },
);
