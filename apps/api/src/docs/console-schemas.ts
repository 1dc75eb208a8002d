import type { ContentObject } from '@nestjs/swagger';
import { z } from 'zod';
import { zodSchema } from './zod-openapi.js';

/** Response schemas of the console routes (docs only: the presenters build the answers). */
const time = z.iso.datetime();
const json = z.record(z.string(), z.unknown());

const jobFields = {
  job_id: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  repository: z.string().nullable().describe('owner/name; null when the repository was disconnected'),
  trigger: z.enum(['manual', 'periodic', 'webhook', 'connect']),
  direction: z.enum(['from_github', 'to_github', 'bidirectional']),
  phase: z.string().describe('queued | starting | listing | done | completed | failed | cancelled'),
  percent: z.number().int().min(0).max(100),
  done: z.number().int().describe('items synced + failed'),
  total: z.number().int(),
  failures: z.number().int().describe('items that failed'),
  last_error: z.string().nullable(),
  created_at: time,
  completed_at: time.nullable(),
};

export const JOB_SUMMARY = z.object(jobFields);

export const JOB_VIEW = z.object({
  ...jobFields,
  version: z.number().int().describe('bumped on every write of the job; the `id` of its SSE events'),
  full: z.boolean(),
  repository_sync_id: z.string().nullable(),
  items_total: z.number().int(),
  items_synced: z.number().int(),
  items_failed: z.number().int(),
  progress: z.number().int().min(0).max(100).describe('percent (100 only when completed)'),
  items_fetched: z.number().int(),
  items_written: z.number().int(),
  items_skipped: z.number().int(),
  cursor: z.object({ after: z.string().nullable(), since: time.nullable(), max_updated_at: time.nullable() }),
  rate_limit_wait_until: time.nullable().describe('same as waiting_until'),
  waiting_until: time.nullable().describe('while waiting for GitHub’s rate limit: when it resets'),
  wait_reason: z.enum(['rate_limit']).nullable(),
  checkpoint: json.nullable(),
  error_message: z.string().nullable(),
  error_details: json.nullable(),
  metadata: json,
  started_at: time.nullable(),
  updated_at: time,
});

export const JOB_LIST_VIEW = z.object({
  results: z.array(JOB_VIEW),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});

const INTEGRATION_VIEW = z.object({
  id: z.string(),
  provider: z.string(),
  auth_kind: z.enum(['oauth', 'app', 'token']),
  status: z.enum(['connected', 'disconnected', 'error']),
  status_message: z.string().nullable(),
  github_login: z.string().nullable(),
  scopes: z.array(z.string()),
  installation_id: z.string().nullable(),
  created_at: time,
  updated_at: time,
});

const REPOSITORY_VIEW = z.object({
  id: z.string(),
  full_name: z.string(),
  github_id: z.string(),
  private: z.boolean(),
  project_id: z.string(),
  project_name: z.string(),
  direction: z.enum(['from_github', 'to_github', 'bidirectional']),
  enabled: z.boolean(),
  sync_interval_seconds: z.number().int(),
  include_comments: z.boolean(),
  include_pull_requests: z.boolean(),
  label_filter: z.array(z.string()),
  state_mapping: json,
  last_cursor: time.nullable().describe('the incremental cursor (newest GitHub updated_at applied)'),
  last_synced_at: time.nullable(),
  cursor_age_seconds: z.number().int().nullable().describe('seconds since the incremental cursor'),
  current_job: JOB_SUMMARY.nullable().describe('its queued or running job'),
});

export const STATUS_VIEW = z.object({
  integration: INTEGRATION_VIEW,
  repositories: z.array(REPOSITORY_VIEW),
  current_sync_job: JOB_VIEW.nullable(),
  recent_jobs: z.array(JOB_VIEW),
});

export const PROJECT_VIEW = z.object({
  id: z.string(),
  name: z.string(),
  identifier: z.string(),
  created_at: time,
  issue_count: z.number().int(),
});

export const PROJECT_LIST_VIEW = z.object({ results: z.array(PROJECT_VIEW) });

export const OVERVIEW_VIEW = z.object({
  integration: z.object({
    status: z.enum(['connected', 'disconnected', 'error', 'not_connected']),
    auth_kind: z.enum(['oauth', 'installation', 'token']).nullable(),
    github_login: z.string().nullable(),
    scopes: z.array(z.string()),
    installation_id: z.string().nullable(),
    connected_at: time.nullable(),
  }),
  enabled: z.boolean().describe('ENABLE_GITHUB_MCP_INTEGRATION'),
  recent_jobs: z.array(JOB_SUMMARY).describe('the last 5 jobs, newest first'),
  webhooks: z.object({
    url: z.string().describe('where GitHub delivers webhooks (PUBLIC_BASE_URL-aware)'),
    secret_configured: z.boolean(),
    last_received_at: time.nullable(),
    processed_24h: z.number().int(),
    failed_24h: z.number().int(),
    stale_repositories: z
      .array(z.object({ full_name: z.string(), last_delivery_at: time.nullable() }))
      .describe('connected repositories without a delivery for more than 24 h (or never)'),
  }),
  write_budget: z.object({
    per_minute: z.number().int().describe('GITHUB_WRITES_PER_MINUTE'),
    used_last_minute: z.number().int().nullable().describe('null when Redis could not be read'),
    concurrency_per_token: z.number().int().describe('GITHUB_WRITE_CONCURRENCY_PER_TOKEN'),
  }),
});

export const JOB_EVENTS_DESCRIPTION = `Server-sent events. On connect \`event: job\` with \`id: <version>\` and \`data:\` the
job exactly as \`GET …/sync-jobs/{job_id}/\` (skipped when \`Last-Event-ID\` ≥ the current version), then one
\`job\` event per change (ids strictly increasing). When the job is completed, failed or cancelled: the final
\`job\` event, then \`event: end\` (\`data: {"job_id", "status"}\`) and the stream closes. \`: keep-alive\`
comments every SSE_HEARTBEAT_SECONDS (15). An unknown job is a JSON 404 before any streaming.`;

export const STATUS_EVENTS_DESCRIPTION = `Server-sent events. \`event: status\`, \`id: <n>\` (strictly increasing,
milliseconds), \`data:\` the same JSON as \`GET …/status/\`, at connect and whenever a job of the workspace changes
(coalesced: at most one event per 250 ms, only when the status differs). \`: keep-alive\` comments every
SSE_HEARTBEAT_SECONDS (15). A workspace without GitHub connected is a JSON 404 before any streaming.`;

/** `text/event-stream` content: the frame format, with the event's data schema. */
export function eventStreamSchema(kind: 'job' | 'status'): ContentObject {
  const data = kind === 'job' ? JOB_VIEW : STATUS_VIEW;
  const example =
    kind === 'job'
      ? 'event: job\nid: 7\ndata: {"job_id":"sync-…","status":"running","percent":40,…}\n\n: keep-alive\n\nevent: end\ndata: {"job_id":"sync-…","status":"completed"}\n\n'
      : 'event: status\nid: 1767225600000\ndata: {"integration":{…},"repositories":[…],…}\n\n';
  return {
    'text/event-stream': {
      schema: {
        type: 'string',
        description: `frames of \`event\`, \`id\` and \`data\` lines; the data of \`${kind}\` events: x-event-data`,
        'x-event-data': zodSchema(data, 'output'),
      } as ContentObject[string]['schema'],
      example,
    },
  };
}
