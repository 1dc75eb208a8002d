import type { ContentObject } from '@nestjs/swagger';
import { z } from 'zod';
import { syncStatusSchema } from './responses/status.js';
import { syncJobSchema, syncJobSummarySchema } from './responses/sync-jobs.js';
import { zodSchema } from './zod-openapi.js';

/** Response schemas of the console's own routes (projects, overview) and the event-stream docs. */
const time = z.iso.datetime();

export const PROJECT_VIEW = z
  .object({
    id: z.string(),
    name: z.string(),
    identifier: z.string(),
    created_at: time,
    issue_count: z.number().int(),
  })
  .meta({ id: 'Project' });

export const PROJECT_LIST_VIEW = z.object({ results: z.array(PROJECT_VIEW) }).meta({ id: 'ProjectList' });

export const OVERVIEW_VIEW = z
  .object({
    integration: z.object({
      status: z.enum(['connected', 'disconnected', 'error', 'not_connected']),
      auth_kind: z.enum(['oauth', 'installation', 'token']).nullable(),
      github_login: z.string().nullable(),
      scopes: z.array(z.string()),
      installation_id: z.string().nullable(),
      connected_at: time.nullable(),
    }),
    enabled: z.boolean().describe('ENABLE_GITHUB_MCP_INTEGRATION'),
    recent_jobs: z.array(syncJobSummarySchema).describe('the last 5 jobs, newest first'),
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
  })
  .meta({ id: 'Overview' });

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
  const data = kind === 'job' ? syncJobSchema : syncStatusSchema;
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
